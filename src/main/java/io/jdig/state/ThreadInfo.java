package io.jdig.state;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What jdig knows about one thread: identity, program, credentials, resources and its process's fds. */
public final class ThreadInfo {
    // PPM_CL_* as sysdig 0.29 defines them (driver/ppm_events_public.h): clone events and process lists carry them
    public static final int CL_CLONE_FILES = 1;
    public static final int CL_CLONE_FS = 1 << 1;
    public static final int CL_CLONE_THREAD = 1 << 13;
    public static final int CL_CLONE_INVERTED = 1 << 16;
    public static final int CL_NAME_CHANGED = 1 << 17;
    public static final int CL_CLOSED = 1 << 18;
    public static final int CL_ACTIVE = 1 << 19;
    public static final int CL_CLONE_VFORK = 1 << 27;
    public static final int CL_CHILD_IN_PIDNS = 1 << 29;

    public long tid;
    public long pid;
    public long ptid;
    public long sid = -1;
    public long vpgid = -1;
    private String comm = "";
    private byte[] commBytes = new byte[0];
    public String exe = "";
    public String exepath = "";
    public List<String> args = List.of();
    public List<String> env = List.of();
    public List<String> cgroups = List.of();
    public String cwd = "";
    public String root = "/";
    public long fdlimit = -1;
    public int flags;
    public int uid;
    public int gid;
    public int loginuid = -1;
    public long vmsizeKb;
    public long vmrssKb;
    public long vmswapKb;
    public long pfmajor;
    public long pfminor;
    public long vtid = -1;
    public long vpid = -1;
    public long cloneTs;
    public long nchilds;
    public String containerId = "";
    /** Controlling terminal (0: none). */
    public int tty;
    /** sysdig's thread category: 0 none, 1 container health check, 2 liveness probe, 3 readiness probe. */
    public int category;
    /** Whether the process's executable is writable by the user that started it. */
    public boolean exeWritable;
    /** The process's fd table (shared by its threads). */
    public FdTable fds = new FdTable();
    public long exitTs;

    // per-event bookkeeping (sysdig's "last event" data)
    public int lastEventType = -1;
    public long lastEventFd = 0;
    public long lastEnterTs;
    public long latency;
    public boolean lastEventDataValid;
    public byte[] lastEnter;
    public int lastEnterLen;
    public int lastEnterCpu;
    public long lastSwitchTs;
    public long execTime;
    public long totExecTime;

    public String comm() {
        return comm;
    }

    public byte[] commBytes() {
        return commBytes;
    }

    public void setComm(String c) {
        if (c == null) {
            c = "";
        }
        if (!c.equals(comm)) {
            comm = c;
            commBytes = c.getBytes(StandardCharsets.UTF_8);
        }
    }

    public boolean isMain() {
        return tid == pid;
    }

    /** Remembers an enter event so that its exit can use its parameters. */
    public void storeEnter(byte[] buf, int off, int len, int cpu) {
        if (lastEnter == null || lastEnter.length < len) {
            lastEnter = new byte[Math.max(len, 256)];
        }
        System.arraycopy(buf, off, lastEnter, 0, len);
        lastEnterLen = len;
        lastEnterCpu = cpu;
    }

    public ThreadInfo copyIdentityFrom(ThreadInfo p) {
        setComm(p.comm);
        exe = p.exe;
        exepath = p.exepath;
        args = p.args;
        root = p.root;
        sid = p.sid;
        vpgid = p.vpgid;
        loginuid = p.loginuid;
        tty = p.tty;
        exeWritable = p.exeWritable;
        return this;
    }
}
