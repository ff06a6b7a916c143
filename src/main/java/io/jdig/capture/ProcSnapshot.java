package io.jdig.capture;

import io.jdig.event.meta.FdRecord;
import io.jdig.event.meta.GroupRecord;
import io.jdig.event.meta.InterfaceRecord;
import io.jdig.event.meta.MachineRecord;
import io.jdig.event.meta.Metadata;
import io.jdig.event.meta.ThreadRecord;
import io.jdig.event.meta.UserRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The state a live capture starts from, read from /proc and /etc by {@link ProcScanner} and expressed as the
 * metadata records a trace file carries: the same records feed the state engine and the trace writer, so
 * {@code jdig} live and {@code jdig -r} of what {@code jdig -w} wrote start from the same state.
 */
public final class ProcSnapshot {
    private static final int PPM_CL_CLONE_FILES = 1;
    private static final int PPM_CL_CLONE_THREAD = 1 << 13;

    private ProcSnapshot() {
    }

    /** Scans now. {@code withUsers} false leaves the user list out ({@code -E}). */
    public static Metadata take(boolean withUsers) {
        Metadata m = new Metadata();
        SystemInfo.Machine mi = ProcScanner.machine();
        long maxPid = 0;
        try {
            maxPid = Long.parseLong(Files.readString(Path.of("/proc/sys/kernel/pid_max")).trim());
        } catch (IOException | NumberFormatException e) {
            // leave 0
        }
        m.machine = new MachineRecord(mi.cpus(), mi.memoryBytes(), maxPid, mi.hostname(), 0, 0);
        m.interfaces = interfaces(ProcScanner.interfaces());
        if (withUsers) {
            m.ensureUsers();
            for (SystemInfo.User u : ProcScanner.users()) {
                m.users.add(new UserRecord(u.uid(), u.gid(), u.name(), u.home(), u.shell()));
            }
            for (SystemInfo.Group g : ProcScanner.groups()) {
                m.groups.add(new GroupRecord(g.gid(), g.name()));
            }
        }
        for (ProcThreadRecord t : new ProcScanner().scan()) {
            int flags = t.tid() == t.pid() ? 0 : PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES;
            m.threads.add(new ThreadRecord(t.tid(), t.pid(), t.ptid(), t.sid(), t.vpgid(), t.comm(), t.exe(),
                    t.exepath(), t.args(), t.cwd(), t.fdlimit(), flags, t.uid(), t.gid(), t.vmsizeKb(), t.vmrssKb(),
                    t.vmswapKb(), t.pfmajor(), t.pfminor(), t.env(), t.vtid(), t.vpid(), t.cgroups(), t.root(),
                    t.loginuid()));
            List<FdRecord> fds = new ArrayList<>(t.fds().size());
            for (ProcFdRecord f : t.fds()) {
                fds.add(toRecord(f));
            }
            m.fds.put(t.tid(), fds);
            if (exeWritable(t)) {
                m.exeWritable.add(t.tid());
            }
        }
        return m;
    }

    static FdRecord toRecord(ProcFdRecord f) {
        return switch (f.scapType()) {
            case ProcFdRecord.IPV4_SOCK -> new FdRecord(f.fd(), f.ino(), f.scapType(), 0, "", le32(f.localAddr()),
                    le32(f.remoteAddr()), null, null, f.localPort(), f.remotePort(), f.l4proto(), 0, 0, 0);
            case ProcFdRecord.IPV4_SERVSOCK -> new FdRecord(f.fd(), f.ino(), f.scapType(), 0, "", le32(f.localAddr()), 0,
                    null, null, f.localPort(), 0, f.l4proto(), 0, 0, 0);
            case ProcFdRecord.IPV6_SOCK -> new FdRecord(f.fd(), f.ino(), f.scapType(), 0, "", 0, 0, f.localAddr(),
                    f.remoteAddr(), f.localPort(), f.remotePort(), f.l4proto(), 0, 0, 0);
            case ProcFdRecord.IPV6_SERVSOCK -> new FdRecord(f.fd(), f.ino(), f.scapType(), 0, "", 0, 0, f.localAddr(), null,
                    f.localPort(), 0, f.l4proto(), 0, 0, 0);
            case ProcFdRecord.UNIX_SOCK -> new FdRecord(f.fd(), f.ino(), f.scapType(), 0, f.name(), 0, 0, null, null, 0, 0, 0,
                    le64(f.localAddr()), le64(f.remoteAddr()), 0);
            case ProcFdRecord.FILE_V2 -> new FdRecord(f.fd(), f.ino(), f.scapType(), f.openFlags(), f.name(), 0, 0, null,
                    null, 0, 0, 0, 0, 0, 0);
            default -> FdRecord.named(f.fd(), f.ino(), f.scapType(), 0, f.name());
        };
    }

    static List<InterfaceRecord> interfaces(List<SystemInfo.NetInterface> itfs) {
        List<InterfaceRecord> v4 = new ArrayList<>();
        List<InterfaceRecord> v6 = new ArrayList<>();
        for (SystemInfo.NetInterface ni : itfs) {
            for (SystemInfo.InterfaceAddress a : ni.addresses()) {
                if (a.family() == 2) {
                    v4.add(new InterfaceRecord(InterfaceRecord.IPV4, ni.name(), le32(a.address()), le32(a.netmask()),
                            le32(a.broadcast()), null, null, null, 0));
                } else {
                    v6.add(new InterfaceRecord(InterfaceRecord.IPV6, ni.name(), 0, 0, 0, a.address(), a.netmask(),
                            new byte[16], 0));
                }
            }
        }
        // getifaddrs lists loopback first; Java lists interfaces in reverse index order
        java.util.Comparator<InterfaceRecord> lo = java.util.Comparator.comparing(r -> !r.name().equals("lo"));
        v4.sort(lo);
        v6.sort(lo);
        List<InterfaceRecord> out = new ArrayList<>(v4);
        out.addAll(v6);
        return out;
    }

    /** scap_proc_fill_exe_writable, approximately: the user owns the executable, or may write it by mode bits. */
    private static boolean exeWritable(ProcThreadRecord t) {
        if (t.exepath() == null || t.exepath().isEmpty()) {
            return false;
        }
        try {
            Path p = Path.of("/proc", Long.toString(t.pid()), "root", t.exepath());
            int owner = (Integer) Files.getAttribute(p, "unix:uid");
            if (owner == t.uid() || t.uid() == 0) {
                return true;
            }
            int group = (Integer) Files.getAttribute(p, "unix:gid");
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return perms.contains(PosixFilePermission.OTHERS_WRITE)
                    || group == t.gid() && perms.contains(PosixFilePermission.GROUP_WRITE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int le32(byte[] b) {
        if (b == null || b.length < 4) {
            return 0;
        }
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    private static long le64(byte[] b) {
        if (b == null || b.length < 8) {
            return 0;
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }
}
