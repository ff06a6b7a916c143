package io.jdig.field;

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
        ThreadInfo t = c.thread();
        EventView ev = c.ev;
        if (t == null) {
            return false;
        }
        String dirArg = null;
        String pathArg = null;
        switch (ev.type()) {
            case 177, 319 -> { // renameat, renameat2 exits
                dirArg = which == 2 ? "newdirfd" : "olddirfd";
                pathArg = which == 2 ? "newpath" : "oldpath";
            }
            case 181 -> { // symlinkat exit
                dirArg = "linkdirfd";
                pathArg = "linkpath";
            }
            case 102, 307, 327 -> { // openat enter, openat exit (v2), openat2 exit
                dirArg = "dirfd";
                pathArg = "name";
            }
            case 106, 311 -> { // linkat enter (old), linkat exit (v2)
                dirArg = which == 2 ? "newdir" : "olddir";
                pathArg = which == 2 ? "newpath" : "oldpath";
            }
            case 110, 303 -> { // unlinkat enter (old), unlinkat exit (v2)
                dirArg = "dirfd";
                pathArg = "name";
            }
            case 305 -> { // mkdirat exit
                dirArg = "dirfd";
                pathArg = "path";
            }
            case 313 -> { // fchmodat exit
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
