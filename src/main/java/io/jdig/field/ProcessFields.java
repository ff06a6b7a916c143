package io.jdig.field;

import io.jdig.event.EventTypes;
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

    /** The thread's process (main thread); the thread itself when that is unknown. */
    static ThreadInfo main(EventContext c, ThreadInfo t) {
        if (t.isMain()) {
            return t;
        }
        ThreadInfo m = c.state.lookup(t.pid);
        return m != null ? m : t;
    }

    /** The main thread, or null for a thread whose process is not in the table. */
    static ThreadInfo mainOrNull(EventContext c, ThreadInfo t) {
        return t.isMain() ? t : c.state.lookup(t.pid);
    }

    static ThreadInfo parent(EventContext c, ThreadInfo t) {
        return c.state.lookup(t.ptid);
    }

    /** Most ancestors followed, a guard against loops in the parent chain. */
    static final int MAX_ANCESTORS = 4096;

    /**
     * The n-th ancestor of the thread's process as sysdig walks it (0: the process itself), or null. With
     * {@code loopCheck}, stops where the chain loops, as sysdig's any-ancestor matching does.
     */
    static ThreadInfo ancestor(EventContext c, ThreadInfo t, int n) {
        ThreadInfo mt = mainOrNull(c, t);
        for (int j = 0; j < n && mt != null; j++) {
            mt = parent(c, mt);
        }
        return mt;
    }

    static void register() {
        FieldRegistry.beginClass("process", "", "The process and thread that made the event.");
        add("proc.pid", INT64, ID, "id of the process that generated the event", t((c, t, v) -> {
            v.num = t.pid;
            return true;
        }));
        add("proc.exe", CHARBUF, NA, "first command-line argument of the process (usually the executable path)",
                t((c, t, v) -> {
                    v.str.append(t.exe);
                    return true;
                }));
        add("proc.name", CHARBUF, NA, "name of the executable that generated the event (its comm, without path)",
                t((c, t, v) -> {
                    v.str.append(t.commBytes());
                    return true;
                }));
        add("proc.args", CHARBUF, NA, "command-line arguments of the process, space separated", t((c, t, v) -> {
            appendList(v, t.args);
            return true;
        }));
        add("proc.env", CHARBUF, NA, "environment variables of the process, space separated", t((c, t, v) -> {
            appendList(v, main(c, t).env.isEmpty() ? t.env : t.env);
            return true;
        }));
        add("proc.cmdline", CHARBUF, NA, "name and arguments of the process (proc.name + proc.args)",
                t((c, t, v) -> {
                    cmdline(v, t);
                    return true;
                }));
        add(new FieldDef("proc.exeline", CHARBUF, NA, 0, "exe and arguments of the process (proc.exe + proc.args)",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, t(new Exeline()))));
        add("proc.cwd", CHARBUF, NA, "current working directory of the process", t((c, t, v) -> {
            // sysdig keeps working directories with a final '/'
            v.str.append(main(c, t).cwd);
            int n = v.str.length();
            if (n > 0 && v.str.array()[n - 1] != '/') {
                v.str.append((byte) '/');
            }
            return true;
        }));
        add("proc.nthreads", UINT32, DEC, "number of threads of the process, the main thread included",
                t((c, t, v) -> {
                    ThreadInfo m = main(c, t);
                    v.num = (m.nchilds + 1) & 0xFFFFFFFFL;
                    return true;
                }));
        add("proc.nchilds", UINT32, DEC, "number of threads of the process besides the main one", t((c, t, v) -> {
            v.num = t.nchilds & 0xFFFFFFFFL;
            return true;
        }));
        add("proc.ppid", INT64, ID, "id of the parent process", t((c, t, v) -> {
            ThreadInfo m = mainOrNull(c, t);
            if (m == null) {
                return false;
            }
            v.num = m.ptid;
            return true;
        }));
        add("proc.pname", CHARBUF, NA, "name of the parent process", t((c, t, v) -> {
            ThreadInfo p = parent(c, t);
            if (p == null) {
                return false;
            }
            v.str.append(p.commBytes());
            return true;
        }));
        add("proc.pcmdline", CHARBUF, NA, "name and arguments of the parent process", t((c, t, v) -> {
            ThreadInfo p = parent(c, t);
            if (p == null) {
                return false;
            }
            cmdline(v, p);
            return true;
        }));
        add(new FieldDef("proc.apid", INT64, ID, 0, "pid of an ancestor: proc.apid[1] is the parent, proc.apid[2] "
                + "the grandparent, proc.apid[0] the process itself; without an index (filters only) it matches any "
                + "ancestor", FieldDef.ArgSyntax.INDEX, (d, a) -> new Ancestor(d, a, false)));
        add(new FieldDef("proc.aname", CHARBUF, NA, 0, "name of an ancestor: proc.aname[1] is the parent, "
                + "proc.aname[2] the grandparent, proc.aname[0] the process itself; without an index (filters only) it "
                + "matches any ancestor, e.g. proc.aname=bash", FieldDef.ArgSyntax.INDEX,
                (d, a) -> new Ancestor(d, a, true)));
        add("proc.loginshellid", INT64, ID, "pid of the eldest shell (name ending in 'sh') among the process and its "
                + "ancestors; tells user sessions apart", t((c, t, v) -> {
            ThreadInfo mt = mainOrNull(c, t);
            if (mt == null) {
                return false;
            }
            boolean found = false;
            if (isShell(mt)) {
                v.num = mt.pid;
                found = true;
            }
            ThreadInfo p = parent(c, mt);
            for (int i = 0; p != null && p.tid != -1 && i < MAX_ANCESTORS; i++) {
                if (isShell(p)) {
                    v.num = p.pid;
                    found = true;
                }
                if (p.tid == p.ptid) {
                    break;
                }
                p = parent(c, p);
            }
            return found;
        }));
        add("proc.duration", RELTIME, DEC, "nanoseconds since the process started", t((c, t, v) -> {
            if (t.cloneTs == 0) {
                return false;
            }
            v.num = c.ev.ts() - t.cloneTs;
            return true;
        }));
        add("proc.fdopencount", UINT64, DEC, "number of fds the process has open", t((c, t, v) -> {
            v.num = main(c, t).fds.size();
            return true;
        }));
        add("proc.fdlimit", INT64, DEC, "most fds the process may open", t((c, t, v) -> {
            v.num = main(c, t).fdlimit;
            return true;
        }));
        add("proc.fdusage", DOUBLE, DEC, "open fds as a percentage of the fd limit", t((c, t, v) -> {
            ThreadInfo m = main(c, t);
            long limit = m.fdlimit;
            if (limit > 0) {
                long open = m.fds.size();
                v.dbl = Long.compareUnsigned(open, limit) <= 0 ? (double) open * 100 / limit : 100;
            } else {
                v.dbl = 0;
            }
            return true;
        }));
        add("proc.vmsize", UINT64, DEC, "virtual memory size of the process, in kB", t((c, t, v) -> {
            v.num = t.vmsizeKb;
            return true;
        }));
        add("proc.vmrss", UINT64, DEC, "resident memory of the process, in kB", t((c, t, v) -> {
            v.num = t.vmrssKb;
            return true;
        }));
        add("proc.vmswap", UINT64, DEC, "swapped memory of the process, in kB", t((c, t, v) -> {
            v.num = t.vmswapKb;
            return true;
        }));
        add("thread.pfmajor", UINT64, DEC, "major page faults of the thread since it started", t((c, t, v) -> {
            v.num = t.pfmajor;
            return true;
        }));
        add("thread.pfminor", UINT64, DEC, "minor page faults of the thread since it started", t((c, t, v) -> {
            v.num = t.pfminor;
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
        add(new FieldDef("thread.exectime", RELTIME, DEC, 0, "for switch events, the CPU time the thread just "
                + "switched out used, in nanoseconds", FieldDef.ArgSyntax.NONE,
                (d, a) -> new Field(d, a, new ExecTime(false))));
        add(new FieldDef("thread.totexectime", RELTIME, DEC, 0, "for switch events, the CPU time the thread has "
                + "used since the capture started, in nanoseconds", FieldDef.ArgSyntax.NONE,
                (d, a) -> new Field(d, a, new ExecTime(true))));
        add("thread.cgroups", CHARBUF, NA, "all cgroups of the thread, as subsystem=path pairs separated by spaces",
                t((c, t, v) -> {
                    if (t.cgroups.isEmpty()) {
                        return false;
                    }
                    appendList(v, t.cgroups);
                    return true;
                }));
        add(new FieldDef("thread.cgroup", CHARBUF, NA, FieldDef.REQUIRES_ARG, "the thread's cgroup for one "
                + "subsystem, e.g. thread.cgroup.cpuacct", FieldDef.ArgSyntax.NAME, ProcessFields::cgroup));
        add("thread.vtid", INT64, ID, "id of the thread as seen from its pid namespace", t((c, t, v) -> {
            v.num = t.vtid;
            return t.vtid != -1;
        }));
        add("proc.vpid", INT64, ID, "id of the process as seen from its pid namespace", t((c, t, v) -> {
            v.num = t.vpid;
            return t.vpid != -1;
        }));
        add(new FieldDef("thread.cpu", DOUBLE, NA, 0, "CPU used by the thread in the last second (procinfo events)",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, new ThreadCpu(true, true))));
        add(new FieldDef("thread.cpu.user", DOUBLE, NA, 0, "user CPU used by the thread in the last second",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, new ThreadCpu(true, false))));
        add(new FieldDef("thread.cpu.system", DOUBLE, NA, 0, "system CPU used by the thread in the last second",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, new ThreadCpu(false, true))));
        add("thread.vmsize", UINT64, DEC, "for main threads, the process's virtual memory in kB; 0 for others",
                t((c, t, v) -> v.setNum(t.isMain() ? t.vmsizeKb : 0) != null));
        add("thread.vmrss", UINT64, DEC, "for main threads, the process's resident memory in kB; 0 for others",
                t((c, t, v) -> v.setNum(t.isMain() ? t.vmrssKb : 0) != null));
        add(new FieldDef("thread.vmsize.b", UINT64, DEC, FieldDef.TABLE_ONLY, "thread.vmsize in bytes",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a,
                t((c, t, v) -> v.setNum(t.isMain() ? inBytes(t.vmsizeKb) : 0) != null))));
        add(new FieldDef("thread.vmrss.b", UINT64, DEC, FieldDef.TABLE_ONLY, "thread.vmrss in bytes",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a,
                t((c, t, v) -> v.setNum(t.isMain() ? inBytes(t.vmrssKb) : 0) != null))));
        add("proc.sid", INT64, ID, "session id of the process", t((c, t, v) -> {
            v.num = t.sid;
            return true;
        }));
        add("proc.sname", CHARBUF, NA, "name of the session leader: the process whose pid is proc.sid, or else the "
                + "eldest ancestor in the same session", t((c, t, v) -> {
            ThreadInfo s = c.state.lookup(t.sid);
            if (s != null) {
                v.str.append(s.commBytes());
                return true;
            }
            ThreadInfo mt = mainOrNull(c, t);
            if (mt == null) {
                return false;
            }
            long sid = mt.sid;
            ThreadInfo p = parent(c, mt);
            for (int i = 0; p != null && p.tid != -1 && i < MAX_ANCESTORS && p.sid == sid; i++) {
                mt = p;
                if (p.tid == p.ptid) {
                    break;
                }
                p = parent(c, p);
            }
            v.str.append(mt.commBytes());
            return true;
        }));
        add("proc.tty", INT32, ID, "controlling terminal of the process; 0 when it has none", t((c, t, v) -> {
            v.num = t.tty;
            return true;
        }));
        add("proc.exepath", CHARBUF, NA, "full path of the process's executable", t((c, t, v) -> {
            v.str.append(t.exepath);
            return true;
        }));
        add(new FieldDef("thread.nametid", CHARBUF, NA, FieldDef.TABLE_ONLY, "process name followed by the thread id, "
                + "naming a thread for one execve", FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a,
                t((c, t, v) -> {
                    v.str.append(t.commBytes()).append(c.ev.tid());
                    return true;
                }))));
        add("proc.vpgid", INT64, ID, "process group id of the process, as seen from its pid namespace",
                t((c, t, v) -> {
                    v.num = t.vpgid;
                    return true;
                }));
        add("proc.is_container_healthcheck", BOOL, NA, "true if the process runs a container's health check",
                t((c, t, v) -> v.setNum(t.category == 1 ? 1 : 0) != null));
        add("proc.is_container_liveness_probe", BOOL, NA, "true if the process runs a container's liveness probe",
                t((c, t, v) -> v.setNum(t.category == 2 ? 1 : 0) != null));
        add("proc.is_container_readiness_probe", BOOL, NA, "true if the process runs a container's readiness probe",
                t((c, t, v) -> v.setNum(t.category == 3 ? 1 : 0) != null));
        add("proc.is_exe_writable", BOOL, NA, "true if the user that started the process can write its executable",
                t((c, t, v) -> v.setNum(t.exeWritable ? 1 : 0) != null));
    }

    static boolean isShell(ThreadInfo t) {
        byte[] n = t.commBytes();
        int len = n.length;
        return len >= 2 && n[len - 2] == 's' && n[len - 1] == 'h';
    }

    static void cmdline(FieldValue v, ThreadInfo t) {
        v.str.append(t.commBytes());
        for (int i = 0; i < t.args.size(); i++) {
            v.str.append((byte) ' ').append(t.args.get(i));
        }
    }

    /**
     * proc.exeline, its text kept for the last exe and argument list seen (both unchangeable, replaced as a whole
     * when a process execs): the next event of the same process copies it instead of encoding it again. One per
     * field instance.
     */
    static final class Exeline implements ThreadExtractor {
        private String exe;
        private java.util.List<String> args;
        private final io.jdig.event.ByteBuf text = new io.jdig.event.ByteBuf(256);

        @Override
        public boolean extract(EventContext c, ThreadInfo t, FieldValue v) {
            if (t.exe != exe || t.args != args) {
                exe = t.exe;
                args = t.args;
                text.clear();
                text.append(exe).append((byte) ' ');
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) {
                        text.append((byte) ' ');
                    }
                    text.append(args.get(i));
                }
            }
            v.str.append(text);
            return true;
        }
    }

    /**
     * kB to bytes as sinsp computes it: its kB counts are 32-bit and so is the product, so that 4 GB and more wrap
     * (a JVM's 8.4 GB of address space shows as 444 MB in csysdig's VIRT).
     */
    static long inBytes(long kb) {
        return (kb * 1024) & 0xFFFF_FFFFL;
    }

    static void appendList(FieldValue v, java.util.List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                v.str.append((byte) ' ');
            }
            v.str.append(items.get(i));
        }
    }

    private static Field cgroup(FieldDef d, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("thread.cgroup needs a subsystem, e.g. thread.cgroup.cpuacct");
        }
        String prefix = arg + "=";
        return new Field(d, arg, t((c, t, v) -> {
            for (String cg : t.cgroups) {
                if (cg.startsWith(prefix)) {
                    for (int k = prefix.length(); k < cg.length(); k++) {
                        v.str.append(cg.charAt(k));
                    }
                    return true;
                }
            }
            return false;
        }));
    }

    /**
     * proc.aname / proc.apid: with an index, one ancestor; without, in filters, each ancestor in turn (the
     * process itself excluded, as sysdig does), and in formats the process itself.
     */
    static final class Ancestor extends Field {
        final int index;
        final boolean name;

        Ancestor(FieldDef def, String arg, boolean name) {
            super(def, arg, null);
            this.name = name;
            if (arg == null) {
                index = -1;
            } else {
                try {
                    index = Integer.parseInt(arg.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + arg + "' is not a valid ancestor number for " + def.name());
                }
            }
        }

        /** True when the field matches any of the ancestors. */
        public boolean anyAncestor() {
            return index < 0;
        }

        private boolean set(ThreadInfo a) {
            if (name) {
                value.str.append(a.commBytes());
            } else {
                value.num = a.pid;
            }
            return true;
        }

        @Override
        public boolean extract(EventContext c) {
            value.str.clear();
            ThreadInfo t = c.thread();
            if (t == null) {
                return false;
            }
            ThreadInfo a = ancestor(c, t, Math.max(0, index));
            return a != null && set(a);
        }

        @Override
        public boolean extractForFilter(EventContext c) {
            return index < 0 ? extractAtForFilter(c, 0) : extract(c);
        }

        @Override
        public boolean extractAtForFilter(EventContext c, int i) {
            if (index >= 0) {
                return i == 0 && extract(c);
            }
            value.str.clear();
            ThreadInfo t = c.thread();
            if (t == null) {
                return false;
            }
            ThreadInfo mt = mainOrNull(c, t);
            if (mt == null || i >= MAX_ANCESTORS) {
                return false;
            }
            ThreadInfo p = parent(c, mt);
            for (int j = 0; j < i; j++) {
                if (p == null || p.tid == -1 || p.tid == p.ptid) {
                    return false;
                }
                p = parent(c, p);
            }
            return p != null && p.tid != -1 && set(p);
        }

        @Override
        public boolean isMultiValued() {
            return index < 0;
        }
    }

    /** thread.exectime / thread.totexectime: CPU time between switches on the event's CPU. */
    static final class ExecTime implements Extractor {
        @Override
        public boolean keepsState() {
            return true;
        }

        private final boolean total;
        private long[] lastSwitch = new long[64];
        private final io.jdig.state.LongMap<long[]> totals = new io.jdig.state.LongMap<>();

        ExecTime(boolean total) {
            this.total = total;
        }

        @Override
        public boolean extract(EventContext c, FieldValue v) {
            long d = 0;
            int type = c.ev.type();
            if (type == EventTypes.SCHEDSWITCH_1_E || type == EventTypes.SCHEDSWITCH_6_E) {
                int cpu = c.ev.cpu();
                if (cpu >= lastSwitch.length) {
                    lastSwitch = java.util.Arrays.copyOf(lastSwitch, cpu + 64);
                }
                long last = lastSwitch[cpu];
                long ts = c.ev.ts();
                if (last != 0) {
                    d = ts - last;
                }
                lastSwitch[cpu] = ts;
            }
            if (!total) {
                v.num = d;
                return true;
            }
            ThreadInfo t = c.state.thread();
            if (t == null) {
                return false;
            }
            long[] tot = totals.get(t.tid);
            if (tot == null) {
                tot = new long[1];
                totals.put(t.tid, tot);
            }
            tot[0] += d;
            v.num = tot[0];
            return true;
        }
    }

    /** thread.cpu*: CPU used since the previous procinfo event of the thread. */
    static final class ThreadCpu implements Extractor {
        @Override
        public boolean keepsState() {
            return true;
        }

        private final boolean user;
        private final boolean system;
        private final io.jdig.state.LongMap<long[]> last = new io.jdig.state.LongMap<>();

        ThreadCpu(boolean user, boolean system) {
            this.user = user;
            this.system = system;
        }

        @Override
        public boolean extract(EventContext c, FieldValue v) {
            ThreadInfo t = c.thread();
            if (t == null || c.ev.type() != EventTypes.PROCINFO_E) {
                return false;
            }
            long tcpu = (user ? c.ev.paramAsLong(0, false) : 0) + (system ? c.ev.paramAsLong(1, false) : 0);
            long[] prev = last.get(t.tid);
            if (prev == null) {
                prev = new long[1];
                last.put(t.tid, prev);
            }
            if (prev[0] != 0) {
                // an unsigned difference, as sysdig's: a total that went back (a reused thread id) reads as 100
                long d = tcpu - prev[0];
                v.dbl = Long.compareUnsigned(d, 100) > 0 ? 100 : d;
            } else {
                v.dbl = 0;
            }
            prev[0] = tcpu;
            return true;
        }
    }
}
