package io.jdig.field;

import io.jdig.state.ThreadInfo;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The proc.* and thread.* fields: the process and thread an event belongs to. */
final class ProcessFields {
    private ProcessFields() {
    }

    interface ThreadExtractor {
        boolean extract(EventContext c, ThreadInfo t, FieldValue v);
    }

    static Extractor t(ThreadExtractor x) {
        return (c, v) -> {
            ThreadInfo t = c.thread();
            return t != null && x.extract(c, t, v);
        };
    }

    static ThreadInfo main(EventContext c, ThreadInfo t) {
        if (t.isMain()) {
            return t;
        }
        ThreadInfo m = c.state.lookup(t.pid);
        return m != null ? m : t;
    }

    static void register() {
        add("proc.pid", INT64, ID, "id of the process that generated the event", t((c, t, v) -> {
            v.num = t.pid;
            return true;
        }));
        add("proc.exe", CHARBUF, NA, "first command-line argument of the process (usually the executable path)",
                t((c, t, v) -> {
                    v.str.append(t.exe);
                    return true;
                }));
        add("proc.name", CHARBUF, NA, "name of the executable that generated the event (its comm)",
                t((c, t, v) -> {
                    v.str.append(t.commBytes());
                    return true;
                }));
        add("proc.args", CHARBUF, NA, "command-line arguments of the process, space separated", t((c, t, v) -> {
            appendArgs(v, t);
            return true;
        }));
        add("proc.cmdline", CHARBUF, NA, "name and arguments of the process, as it was started", t((c, t, v) -> {
            v.str.append(t.commBytes());
            if (!t.args.isEmpty()) {
                v.str.append((byte) ' ');
                appendArgs(v, t);
            }
            return true;
        }));
        add("proc.exeline", CHARBUF, NA, "exe and arguments of the process", t((c, t, v) -> {
            v.str.append(t.exe);
            if (!t.args.isEmpty()) {
                v.str.append((byte) ' ');
                appendArgs(v, t);
            }
            return true;
        }));
        add("proc.cwd", CHARBUF, NA, "current working directory of the process", t((c, t, v) -> {
            v.str.append(main(c, t).cwd);
            return true;
        }));
        add("proc.ppid", INT64, ID, "id of the parent process", t((c, t, v) -> {
            ThreadInfo m = main(c, t);
            v.num = m.ptid;
            return true;
        }));
        add("proc.pname", CHARBUF, NA, "name of the parent process", t((c, t, v) -> {
            ThreadInfo p = c.state.lookup(main(c, t).ptid);
            if (p == null) {
                return false;
            }
            v.str.append(p.commBytes());
            return true;
        }));
        add("thread.tid", INT64, ID, "id of the thread that generated the event", (c, v) -> {
            v.num = c.ev.tid();
            return true;
        });
        add("thread.ismain", BOOL, NA, "true if the thread is the process's main thread", t((c, t, v) -> {
            v.num = t.isMain() ? 1 : 0;
            return true;
        }));
        add("thread.vtid", INT64, ID, "id of the thread as seen from its pid namespace", t((c, t, v) -> {
            v.num = t.vtid;
            return true;
        }));
        add("proc.vpid", INT64, ID, "id of the process as seen from its pid namespace", t((c, t, v) -> {
            v.num = t.vpid;
            return true;
        }));
    }

    static void appendArgs(FieldValue v, ThreadInfo t) {
        for (int i = 0; i < t.args.size(); i++) {
            if (i > 0) {
                v.str.append((byte) ' ');
            }
            v.str.append(t.args.get(i));
        }
    }
}
