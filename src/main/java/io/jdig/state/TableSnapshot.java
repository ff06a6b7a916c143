package io.jdig.state;

import io.jdig.event.meta.FdRecord;
import io.jdig.event.meta.Metadata;
import io.jdig.event.meta.ThreadRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The state engine's thread and fd tables as the metadata records a trace file starts with, as sinsp writes its
 * own thread table into a dump: what a new file of a rotated live capture ({@code -C}, {@code -G}, {@code -e})
 * begins with. It costs a walk over the tables instead of a scan of /proc, so starting a file does not hold up
 * the reading of the rings, and it describes the processes exactly as they are at that event.
 */
public final class TableSnapshot {
    private TableSnapshot() {
    }

    /**
     * The tables of {@code state} as records, with the machine, interfaces, users and groups of {@code base} (the
     * capture's first snapshot).
     */
    public static Metadata of(StateEngine state, Metadata base) {
        Metadata m = new Metadata();
        m.machine = base.machine;
        m.interfaces = base.interfaces;
        m.users = base.users;
        m.groups = base.groups;
        state.threads().forEachValue(t -> {
            if (StateEngine.isMadeUp(t)) {
                // an entry made up for a thread seen without its details: a reader makes it up again as needed,
                // and it holds nothing (no name, no user, no fd limit) worth writing
                return;
            }
            m.threads.add(record(t));
            if (t.exeWritable) {
                m.exeWritable.add(t.tid);
            }
            // a thread that shares its process's table (CLONE_FILES) gets it from the main thread when read back
            ThreadInfo main = t.isMain() ? null : state.lookup(t.pid);
            if (main == null || main.fds != t.fds) {
                List<FdRecord> fds = new ArrayList<>(t.fds.size());
                t.fds.forEach(f -> fds.add(record(f)));
                m.fds.put(t.tid, fds);
            } else {
                m.fds.put(t.tid, List.of());
            }
        });
        return m;
    }

    private static ThreadRecord record(ThreadInfo t) {
        return new ThreadRecord(t.tid, t.pid, t.ptid, t.sid, t.vpgid, t.comm(), t.exe, t.exepath, t.args, t.cwd,
                t.fdlimit, t.flags, t.uid, t.gid, (int) t.vmsizeKb, (int) t.vmrssKb, (int) t.vmswapKb, t.pfmajor,
                t.pfminor, t.env, t.vtid, t.vpid, t.cgroups, t.root, t.loginuid);
    }

    /**
     * An fd as a process list holds it. Connected sockets are written local address first, as /proc gives them
     * (a reader finds their server side again from the listening sockets); the engine keeps them client first.
     */
    private static FdRecord record(FdInfo f) {
        boolean local = f.role == FdInfo.ROLE_SERVER && (f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK);
        return switch (f.type) {
            case IPV4_SOCK -> local
                    ? new FdRecord(f.fd, f.ino, f.type.code, 0, "", f.dip, f.sip, null, null, f.dport, f.sport,
                            f.l4proto, 0, 0, 0)
                    : new FdRecord(f.fd, f.ino, f.type.code, 0, "", f.sip, f.dip, null, null, f.sport, f.dport,
                            f.l4proto, 0, 0, 0);
            case IPV6_SOCK -> local
                    ? new FdRecord(f.fd, f.ino, f.type.code, 0, "", 0, 0, f.dip6, f.sip6, f.dport, f.sport,
                            f.l4proto, 0, 0, 0)
                    : new FdRecord(f.fd, f.ino, f.type.code, 0, "", 0, 0, f.sip6, f.dip6, f.sport, f.dport,
                            f.l4proto, 0, 0, 0);
            case IPV4_SERVSOCK -> new FdRecord(f.fd, f.ino, f.type.code, 0, "", f.sip, 0, null, null, f.sport, 0,
                    f.l4proto, 0, 0, 0);
            case IPV6_SERVSOCK -> new FdRecord(f.fd, f.ino, f.type.code, 0, "", 0, 0, f.sip6, null, f.sport, 0,
                    f.l4proto, 0, 0, 0);
            case UNIX_SOCK -> new FdRecord(f.fd, f.ino, f.type.code, 0, f.name(), 0, 0, null, null, 0, 0, 0,
                    f.unixSource, f.unixDest, 0);
            case FILE_V2 -> new FdRecord(f.fd, f.ino, f.type.code, f.openFlags, f.name(), 0, 0, null,
                    null, 0, 0, 0, 0, 0, f.dev);
            default -> FdRecord.named(f.fd, f.ino, f.type.code, 0, f.name());
        };
    }
}
