package io.jdig.field;

import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.state.FdInfo;
import io.jdig.state.Paths;
import io.jdig.state.ThreadInfo;

import java.nio.charset.StandardCharsets;

/** evt.abspath: joins the directory an fd argument names with a relative path argument. */
final class AbsPath {
    private AbsPath() {
    }

    /** which: 0 the only (or first) path, 1 the source, 2 the destination. */
    static boolean extract(EventContext c, FieldValue v, int which) {
        ThreadInfo t = c.eventThread();
        EventView ev = c.ev;
        if (t == null) {
            return false;
        }
        String dirArg = null;
        String pathArg = null;
        switch (ev.type()) {
            case EventTypes.RENAMEAT_X, EventTypes.RENAMEAT2_X -> {
                dirArg = which == 2 ? "newdirfd" : "olddirfd";
                pathArg = which == 2 ? "newpath" : "oldpath";
            }
            case EventTypes.SYMLINKAT_X -> {
                dirArg = "linkdirfd";
                pathArg = "linkpath";
            }
            case EventTypes.OPENAT_E, EventTypes.OPENAT_2_X, EventTypes.OPENAT2_X -> {
                dirArg = "dirfd";
                pathArg = "name";
            }
            case EventTypes.LINKAT_E, EventTypes.LINKAT_2_X -> {
                dirArg = which == 2 ? "newdir" : "olddir";
                pathArg = which == 2 ? "newpath" : "oldpath";
            }
            case EventTypes.UNLINKAT_E, EventTypes.UNLINKAT_2_X -> {
                dirArg = "dirfd";
                pathArg = "name";
            }
            case EventTypes.MKDIRAT_X -> {
                dirArg = "dirfd";
                pathArg = "path";
            }
            case EventTypes.FCHMODAT_X -> {
                dirArg = "dirfd";
                pathArg = "filename";
            }
            default -> {
            }
        }
        if (dirArg == null) {
            return false;
        }
        int di = ev.paramIndex(dirArg);
        int pi = ev.paramIndex(pathArg);
        if (di < 0 || pi < 0) {
            return false;
        }
        long dirfd = ev.paramAsLong(di, true);
        int po = ev.paramOffset(pi);
        int plen = ev.stringLen(pi);
        String path = new String(ev.buffer(), po, plen, StandardCharsets.UTF_8);
        String dir;
        if (plen > 0 && ev.buffer()[po] == '/') {
            dir = ".";
        } else if (dirfd == -100) {
            ThreadInfo m = t.isMain() ? t : c.state.lookup(t.pid);
            dir = m != null ? m.cwd : t.cwd;
        } else {
            FdInfo f = t.fds.get(dirfd);
            dir = f == null ? "<UNKNOWN>/" : f.name() + "/";
        }
        v.str.append(Paths.concatenate(dir, path));
        return true;
    }
}
