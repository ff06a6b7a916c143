package io.jdig.field;

import io.jdig.event.ByteBuf;
import io.jdig.event.Category;
import io.jdig.event.EventInfo;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.event.ParamInfo;
import io.jdig.event.ParamType;
import io.jdig.event.PrintFormat;
import io.jdig.event.ValueTables;
import io.jdig.event.EventFlags;
import io.jdig.state.FdInfo;
import io.jdig.state.FdType;
import io.jdig.state.ThreadInfo;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The evt.* fields: numbering, times, type, direction, arguments, results and I/O properties of an event. */
final class EventFields {
    private static final long NS = 1_000_000_000L;

    private EventFields() {
    }

    /** Fields whose JSON form is the raw timestamp, whatever their text form. */
    static final class TimestampJson extends Field {
        TimestampJson(FieldDef def, String arg, Extractor ex) {
            super(def, arg, ex);
        }

        private long ts;

        @Override
        public boolean extract(EventContext c) {
            ts = c.ev.ts();
            return super.extract(c);
        }

        @Override
        public void appendJson(ByteBuf out, ByteBuf scratch) {
            out.appendUnsigned(ts);
        }
    }

    private static void addTime(String name, String desc, Extractor ex) {
        add(new FieldDef(name, CHARBUF, NA, name.equals("evt.outputtime") ? FieldDef.PRINT_ONLY : 0, desc,
                FieldDef.ArgSyntax.NONE, (d, a) -> new TimestampJson(d, a, ex)));
    }

    static void register() {
        FieldRegistry.beginClass("evt", "All event types", "Fields every event has, whatever its source.");
        add("evt.num", UINT64, ID, "event number", (c, v) -> v.setNum(c.num) != null);
        addTime("evt.time", "event timestamp as a time string with nanoseconds", (c, v) -> {
            Times.appendTime(v.str, c.ev.ts(), true);
            return true;
        });
        addTime("evt.time.s", "event timestamp as a time string without nanoseconds", (c, v) -> {
            Times.appendTime(v.str, c.ev.ts(), false);
            return true;
        });
        addTime("evt.time.iso8601", "event timestamp in ISO 8601 form, with nanoseconds and time zone", (c, v) -> {
            Times.appendIso8601(v.str, c.ev.ts());
            return true;
        });
        addTime("evt.datetime", "event timestamp as date and time with nanoseconds", (c, v) -> {
            Times.appendDateTime(v.str, c.ev.ts(), true);
            return true;
        });
        addTime("evt.datetime.s", "event timestamp as date and time without nanoseconds", (c, v) -> {
            Times.appendDateTime(v.str, c.ev.ts(), false);
            return true;
        });
        add("evt.rawtime", ABSTIME, DEC, "absolute event timestamp, in nanoseconds since the epoch",
                (c, v) -> v.setNum(c.ev.ts()) != null);
        add("evt.rawtime.s", ABSTIME, DEC, "integer part of the event timestamp in seconds",
                (c, v) -> v.setNum(Long.divideUnsigned(c.ev.ts(), NS)) != null);
        add("evt.rawtime.ns", ABSTIME, PADDED_DEC, "fractional part of the event timestamp, in nanoseconds",
                (c, v) -> v.setNum(Long.remainderUnsigned(c.ev.ts(), NS)) != null);
        add("evt.reltime", RELTIME, PADDED_DEC, "nanoseconds since the first event of the capture",
                (c, v) -> v.setNum(c.ev.ts() - c.firstTs) != null);
        add("evt.reltime.s", RELTIME, DEC, "seconds since the first event of the capture",
                (c, v) -> v.setNum((c.ev.ts() - c.firstTs) / NS) != null);
        add("evt.reltime.ns", RELTIME, PADDED_DEC, "fractional part, in nanoseconds, of the time since the first event",
                (c, v) -> v.setNum((c.ev.ts() - c.firstTs) % NS) != null);
        add("evt.pluginname", CHARBUF, NA, "for events made by a plugin, the plugin's name (no plugins are loaded here)",
                (c, v) -> false);
        add("evt.plugininfo", CHARBUF, NA, "for events made by a plugin, the plugin's one-line summary of the event",
                (c, v) -> false);
        FieldRegistry.beginClass("evt", "Syscall events only", "Fields of system call events. Each argument of a "
                + "call can also be read on its own with evt.arg, e.g. evt.arg.fd or evt.arg[0].");
        add("evt.latency", RELTIME, DEC, "time between the enter event and this exit event, in nanoseconds",
                (c, v) -> latency(c, v, 0));
        add("evt.latency.s", RELTIME, DEC, "integer part of the latency in seconds", (c, v) -> latency(c, v, 1));
        add("evt.latency.ns", RELTIME, PADDED_DEC, "fractional part of the latency, in nanoseconds",
                (c, v) -> latency(c, v, 2));
        add(new FieldDef("evt.latency.quantized", UINT64, DEC, FieldDef.TABLE_ONLY,
                "base-10 logarithm of the latency, scaled for histograms", FieldDef.ArgSyntax.NONE,
                (d, a) -> {
                    int width = LatencyScale.width();
                    return new Field(d, a, (c, v) -> {
                        ThreadInfo t = c.eventThread();
                        if (t == null || c.ev.info().category() == Category.INTERNAL || t.latency == 0) {
                            return false;
                        }
                        double l = Math.min(11, Math.log10((double) t.latency));
                        v.num = (long) (l * width / 11) + 1;
                        return true;
                    });
                }));
        add(new FieldDef("evt.latency.human", CHARBUF, NA, 0, "the latency as a readable string such as 10.3ms",
                FieldDef.ArgSyntax.NONE, (d, a) -> {
                    // like sysdig, a field keeps its last rendering and shows it again for events without thread
                    ByteBuf last = new ByteBuf(16);
                    return new Field(d, a, (c, v) -> {
                        ThreadInfo t = c.eventThread();
                        if (t != null && c.ev.info().category() == Category.INTERNAL) {
                            return false;
                        }
                        if (t != null) {
                            last.clear();
                            Nice.appendTime(last, t.latency);
                        }
                        v.str.append(last);
                        return true;
                    });
                }));
        register2();
    }

    private static boolean latency(EventContext c, FieldValue v, int part) {
        v.num = 0;
        ThreadInfo t = c.eventThread();
        if (t != null) {
            if (c.ev.info().category() == Category.INTERNAL) {
                return false;
            }
            long l = t.latency;
            v.num = part == 0 ? l : part == 1 ? l / NS : l % NS;
        }
        return true;
    }

    /** Keeps the previous timestamp per field instance, as sysdig's delta fields do. */
    private static final class Delta implements Extractor {
        @Override
        public boolean keepsState() {
            return true;
        }

        private final int part;
        private long prev;

        Delta(int part) {
            this.part = part;
        }

        @Override
        public boolean extract(EventContext c, FieldValue v) {
            long ts = c.ev.ts();
            long d;
            if (prev == 0) {
                d = 0;
            } else {
                long x = ts - prev;
                d = part == 0 ? x : part == 1 ? x / NS : x % NS;
            }
            prev = ts;
            v.num = d;
            return true;
        }
    }

    /** evt.outputtime in the -t mode of the run. */
    private static final class OutputTime implements Extractor {
        @Override
        public boolean keepsState() {
            return true;
        }

        private long prev;

        @Override
        public boolean extract(EventContext c, FieldValue v) {
            long ts = c.ev.ts();
            ByteBuf s = v.str;
            switch (c.timeMode) {
                case HUMAN -> Times.appendTime(s, ts, true);
                case ABSOLUTE -> s.appendUnsigned(Long.divideUnsigned(ts, NS)).append((byte) '.')
                        .appendUnsigned(Long.remainderUnsigned(ts, NS));
                case RELATIVE -> {
                    long r = ts - c.firstTs;
                    s.appendUnsigned(Long.divideUnsigned(r, NS)).append((byte) '.')
                            .appendPadded(Long.remainderUnsigned(r, NS), 9);
                }
                case LATENCY -> {
                    ThreadInfo t = c.eventThread();
                    if (t != null) {
                        s.appendUnsigned(Long.divideUnsigned(t.latency, NS)).append((byte) '.')
                                .appendPadded(Long.remainderUnsigned(t.latency, NS), 9);
                    } else {
                        s.append("0.000000000");
                    }
                }
                case DELTA -> {
                    if (prev == 0) {
                        prev = ts;
                    }
                    long d = ts - prev;
                    s.appendUnsigned(Long.divideUnsigned(d, NS)).append((byte) '.')
                            .appendPadded(Long.remainderUnsigned(d, NS), 9);
                    prev = ts;
                }
            }
            return true;
        }
    }

    private static void register2() {
        add(new FieldDef("evt.deltatime", RELTIME, DEC, 0, "time since the previous event, in nanoseconds",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, new Delta(0))));
        add(new FieldDef("evt.deltatime.s", RELTIME, DEC, 0, "integer part of the delta time in seconds",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, new Delta(1))));
        add(new FieldDef("evt.deltatime.ns", RELTIME, PADDED_DEC, 0,
                "fractional part of the delta time, in nanoseconds", FieldDef.ArgSyntax.NONE,
                (d, a) -> new Field(d, a, new Delta(2))));
        add(new FieldDef("evt.outputtime", CHARBUF, NA, FieldDef.PRINT_ONLY,
                "event timestamp in the form chosen with -t", FieldDef.ArgSyntax.NONE,
                (d, a) -> new TimestampJson(d, a, new OutputTime())));
        add("evt.dir", CHARBUF, DIR, "event direction: '>' for enter events, '<' for exit events", (c, v) -> {
            v.str.append(c.ev.isEnter() ? (byte) '>' : (byte) '<');
            return true;
        });
        add("evt.type", CHARBUF, NA, "event type, e.g. open or read", (c, v) -> {
            appendType(c.ev, v.str);
            return true;
        });
        add(new FieldDef("evt.type.is", UINT32, NA, FieldDef.REQUIRES_ARG,
                "1 if the event is of the type given after the name (evt.type.is.open), 0 otherwise",
                FieldDef.ArgSyntax.NAME, EventFields::typeIs));
        add("syscall.type", CHARBUF, NA, "the name of the system call, only for events that are system calls "
                + "(not for switch or internal events)", Extractor.onlyFor(EventFields::isSyscall, (c, v) -> {
            EventView ev = c.ev;
            if (!isSyscall(ev.info())) {
                return false;
            }
            appendType(ev, v.str);
            return true;
        }));
        add("evt.category", CHARBUF, NA, "event category, e.g. file, net, memory, process", (c, v) -> {
            v.str.append(category(c));
            return true;
        });
        add("evt.cpu", INT16, ID, "number of the CPU where the event happened", (c, v) -> v.setNum(c.ev.cpu()) != null);
        add("evt.args", CHARBUF, NA, "all the event arguments as one string", (c, v) -> {
            c.args.appendArgs(v.str, c.bufferFormat);
            return true;
        });
        add(new FieldDef("evt.arg", CHARBUF, NA, FieldDef.REQUIRES_ARG,
                "one event argument, by name (evt.arg.fd) or by number (evt.arg[0]), resolved when possible",
                FieldDef.ArgSyntax.NAME, EventFields::arg));
        add(new FieldDef("evt.rawarg", DYN, NA, FieldDef.REQUIRES_ARG,
                "one event argument by name as a raw value, for comparisons such as evt.rawarg.res<0",
                FieldDef.ArgSyntax.NAME, EventFields::rawarg));
        add("evt.info", CHARBUF, NA, "the event arguments as one string, or a decoded summary where jdig has one "
                + "(writes to /dev/log)", (c, v) -> {
            if (Syslog.infoLine(c, v.str)) {
                return true;
            }
            c.args.appendArgs(v.str, c.bufferFormat);
            return true;
        });
        add(new FieldDef("evt.buffer", BYTEBUF, NA, 0, "the data buffer of I/O events (read, recvfrom...); filters "
                + "compare the raw bytes, e.g. evt.buffer contains HTTP", FieldDef.ArgSyntax.NONE,
                (d, a) -> new BufferField(d, a)));
        add("evt.buflen", UINT64, DEC, "size of the data buffer of an I/O event", (c, v) -> buflen(c, v, 0, false));
        add("evt.res", CHARBUF, DEC, "result of the event: SUCCESS or an error code name such as ENOENT",
                EventFields::res);
        add("evt.rawres", INT64, DEC, "result of the event as a number, e.g. -2", (c, v) -> {
            int i = resIndex(c.ev);
            if (i < 0) {
                return false;
            }
            v.num = c.ev.paramAsLong(i, true);
            return true;
        });
        add("evt.failed", BOOL, NA, "true for events that returned an error", (c, v) -> {
            int i = resIndex(c.ev);
            v.num = i >= 0 && c.ev.paramAsLong(i, true) < 0 ? 1 : 0;
            return true;
        });
        add("evt.is_io", BOOL, NA, "true for events that read or write to an fd (read, send, recvfrom...)",
                (c, v) -> bool(v, (c.ev.info().flags() & (EventFlags.READS_FROM_FD | EventFlags.WRITES_TO_FD)) != 0));
        add("evt.is_io_read", BOOL, NA, "true for events that read from an fd",
                (c, v) -> bool(v, c.ev.info().has(EventFlags.READS_FROM_FD)));
        add("evt.is_io_write", BOOL, NA, "true for events that write to an fd",
                (c, v) -> bool(v, c.ev.info().has(EventFlags.WRITES_TO_FD)));
        add("evt.io_dir", CHARBUF, NA, "'read' for events that read from an fd, 'write' for events that write to one",
                (c, v) -> {
                    EventInfo i = c.ev.info();
                    if (i.has(EventFlags.WRITES_TO_FD)) {
                        v.str.append("write");
                    } else if (i.has(EventFlags.READS_FROM_FD)) {
                        v.str.append("read");
                    } else {
                        return false;
                    }
                    return true;
                });
        add("evt.is_wait", BOOL, NA, "true for events that make the thread wait (sleep, select, poll...)",
                (c, v) -> bool(v, c.ev.info().has(EventFlags.WAITS)));
        add("evt.wait_latency", RELTIME, DEC, "for exits of waiting events (sleep, select, poll...), the time spent "
                + "waiting, in nanoseconds", (c, v) -> {
            if (!c.ev.info().has(EventFlags.WAITS) || c.ev.isEnter()) {
                return false;
            }
            ThreadInfo t = c.eventThread();
            v.num = t != null ? t.latency : 0;
            return true;
        });
        add("evt.is_syslog", BOOL, NA, "true for writes to /dev/log", (c, v) -> {
            FdInfo f = evtFd(c);
            v.num = c.ev.info().has(EventFlags.WRITES_TO_FD) && f != null && f.name().contains("/dev/log") ? 1 : 0;
            return true;
        });
        add("evt.count", UINT32, DEC, "1 for every event; summed by chisels and views to count events",
                (c, v) -> v.setNum(1) != null);
        add("evt.count.error", UINT32, DEC, "1 for events that failed, else no value; for counting errors",
                EventFields::errorCount);
        add("evt.count.error.file", UINT32, DEC, "1 for failed events about files, else no value", (c, v) -> {
            FdInfo f = evtFd(c);
            if (f != null) {
                return isFileType(f) && errorCount(c, v);
            }
            return isOpenExit(c.ev.type()) && errorCount(c, v);
        });
        add("evt.count.error.net", UINT32, DEC, "1 for failed events about network sockets, else no value",
                (c, v) -> {
                    FdInfo f = evtFd(c);
                    if (f != null) {
                        return isNetType(f) && errorCount(c, v);
                    }
                    return isNetExit(c.ev.type()) && errorCount(c, v);
                });
        add("evt.count.error.memory", UINT32, DEC, "1 for failed memory events (mmap, brk...), else no value",
                (c, v) -> c.ev.info().category() == Category.MEMORY && errorCount(c, v));
        add("evt.count.error.other", UINT32, DEC, "1 for failed events of no category above, else no value",
                (c, v) -> {
                    FdInfo f = evtFd(c);
                    if (f != null) {
                        return !isFileType(f) && !isNetType(f) && errorCount(c, v);
                    }
                    int t = c.ev.type();
                    return !isOpenExit(t) && !isNetExit(t) && c.ev.info().category() != Category.MEMORY
                            && errorCount(c, v);
                });
        add("evt.count.exit", UINT32, DEC, "1 for exit events, else no value", (c, v) -> !c.ev.isEnter()
                && v.setNum(1) != null);
        add(new FieldDef("evt.count.procinfo", UINT32, DEC, FieldDef.TABLE_ONLY,
                "1 for procinfo events of main threads, to count processes", FieldDef.ArgSyntax.NONE,
                (d, a) -> new Field(d, a, (c, v) -> {
                    ThreadInfo t = c.thread();
                    return c.ev.type() == EventTypes.PROCINFO_E && t != null && t.isMain() && v.setNum(1) != null;
                })));
        add(new FieldDef("evt.count.threadinfo", UINT32, DEC, FieldDef.TABLE_ONLY,
                "1 for procinfo events, to count threads", FieldDef.ArgSyntax.NONE,
                (d, a) -> new Field(d, a, (c, v) -> c.ev.type() == EventTypes.PROCINFO_E && v.setNum(1) != null)));
        add(new FieldDef("evt.around", UINT64, DEC, FieldDef.FILTER_ONLY | FieldDef.REQUIRES_ARG,
                "matches events within D milliseconds of the time T: evt.around[T]=D, T as printed by %evt.rawtime",
                FieldDef.ArgSyntax.INDEX, EventFields::around));
        add(new FieldDef("evt.abspath", CHARBUF, NA, 0,
                "absolute path made from a directory fd and a relative path (renameat, symlinkat...); "
                        + "evt.abspath.src and evt.abspath.dst for calls with two paths",
                FieldDef.ArgSyntax.NAME, EventFields::abspath));
        bufLen("evt.buflen.in", "buffer size of input I/O events", 1, false);
        bufLen("evt.buflen.out", "buffer size of output I/O events", 2, false);
        bufLen("evt.buflen.file", "buffer size of file I/O events", 0, true);
        bufLen("evt.buflen.file.in", "buffer size of file input events", 1, true);
        bufLen("evt.buflen.file.out", "buffer size of file output events", 2, true);
        bufLenNet("evt.buflen.net", "buffer size of network I/O events", 0);
        bufLenNet("evt.buflen.net.in", "buffer size of network input events", 1);
        bufLenNet("evt.buflen.net.out", "buffer size of network output events", 2);
        add("evt.is_open_read", BOOL, NA, "true for open/openat/openat2 events that open the path for reading",
                (c, v) -> openFlag(c, v, 0));
        add("evt.is_open_write", BOOL, NA, "true for open/openat/openat2 events that open the path for writing",
                (c, v) -> openFlag(c, v, 1));
        infra("evt.infra.docker.name", "for docker infrastructure events, the event's name", "Event");
        infra("evt.infra.docker.container.id", "for docker infrastructure events, the container id", "ID");
        infra("evt.infra.docker.container.name", "for docker infrastructure events, the container name", "name");
        infra("evt.infra.docker.container.image", "for docker infrastructure events, the container image",
                "Image");
        add("evt.is_open_exec", BOOL, NA, "true for open/openat/openat2/creat events that create a file with "
                + "execute permission", (c, v) -> openFlag(c, v, 2));
    }

    static boolean bool(FieldValue v, boolean b) {
        v.num = b ? 1 : 0;
        return true;
    }

    /** Whether syscall.type has a value for events of this kind. */
    private static boolean isSyscall(io.jdig.event.EventInfo kind) {
        int f = kind.flags();
        // sysdig tests the flags word against the internal category bit (a quirk kept as is)
        return kind.id() != EventTypes.SCHEDSWITCH_6_E && (f & Category.INTERNAL.code) == 0
                && (f & EventFlags.SKIPPARSERESET) == 0;
    }

    static void appendType(EventView ev, ByteBuf out) {
        int t = ev.type();
        if ((t == EventTypes.GENERIC_E || t == EventTypes.GENERIC_X) && ev.paramCount() > 0) {
            int id = (int) ev.paramAsLong(0, false);
            ValueTables.appendSyscall(id, out);
        } else {
            out.append(ev.info().nameBytes());
        }
    }

    /**
     * The fd the state attached to the event (sysdig's evt->m_fdinfo), or null; unlike the fd.* fields, no
     * fallback to the thread's last fd.
     */
    static FdInfo evtFd(EventContext c) {
        return c.fd();
    }

    static String category(EventContext c) {
        EventView ev = c.ev;
        int t = ev.type();
        if (t == EventTypes.GENERIC_E || t == EventTypes.GENERIC_X) {
            Category gc = SyscallCategories.of((int) ev.paramAsLong(0, false));
            if (gc == null) {
                return "unknown";
            }
            return gc.isIo() ? "unknown" : gc == Category.IPC ? "IPC" : gc.label;
        }
        Category cat = ev.info().category();
        if (!cat.isIo()) {
            return switch (cat) {
                case IPC -> "IPC";
                default -> cat.label;
            };
        }
        FdInfo f = evtFd(c);
        if (f == null) {
            return "unknown";
        }
        return switch (f.type) {
            case FILE, FILE_V2, DIRECTORY -> "file";
            case IPV4_SOCK, IPV6_SOCK, IPV4_SERVSOCK, IPV6_SERVSOCK -> "net";
            case FIFO, UNIX_SOCK, EVENT, SIGNALFD, INOTIFY -> "ipc";
            default -> "unknown";
        };
    }

    /**
     * The parameter holding the event's result, as sysdig finds it: the one named "res", else, for exits of
     * events that create an fd, the one named "fd"; -1 when there is none.
     */
    static int resIndex(EventView ev) {
        int i = ev.paramIndex("res");
        if (i >= 0 && i < ev.shownParamCount()) {
            return i;
        }
        if (ev.info().has(EventFlags.CREATES_FD) && !ev.isEnter()) {
            i = ev.paramIndex("fd");
            if (i >= 0 && i < ev.shownParamCount()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean res(EventContext c, FieldValue v) {
        int i = resIndex(c.ev);
        if (i < 0) {
            return false;
        }
        long r = c.ev.paramAsLong(i, true);
        if (r >= 0) {
            v.str.append("SUCCESS");
        } else {
            c.args.render(i, c.bufferFormat);
            v.str.append(c.args.resolved.length() > 0 ? c.args.resolved : c.args.value);
        }
        return true;
    }

    private static boolean errorCount(EventContext c, FieldValue v) {
        EventView ev = c.ev;
        int i = ev.paramIndex("res");
        if (i >= 0 && i < ev.shownParamCount()) {
            return ev.paramAsLong(i, true) < 0 && v.setNum(1) != null;
        }
        if (ev.info().has(EventFlags.CREATES_FD) && !ev.isEnter()) {
            i = ev.paramIndex("fd");
            if (i >= 0 && i < ev.shownParamCount()) {
                return ev.paramAsLong(i, true) < 0 && v.setNum(1) != null;
            }
        }
        return false;
    }

    private static boolean isFileType(FdInfo f) {
        return f.type == FdType.FILE || f.type == FdType.FILE_V2 || f.type == FdType.DIRECTORY;
    }

    private static boolean isNetType(FdInfo f) {
        return f.type.isIp() || f.type == FdType.UNIX_SOCK;
    }

    private static boolean isOpenExit(int t) {
        return t == EventTypes.OPEN_X || t == EventTypes.CREAT_X || t == EventTypes.OPENAT_X
                || t == EventTypes.OPENAT_2_X || t == EventTypes.OPENAT2_X;
    }

    private static boolean isNetExit(int t) {
        return t == EventTypes.ACCEPT_X || t == EventTypes.ACCEPT_5_X || t == EventTypes.ACCEPT4_X
                || t == EventTypes.ACCEPT4_5_X || t == EventTypes.CONNECT_X;
    }

    /** dir: 0 any I/O, 1 input only, 2 output only. */
    private static boolean buflen(EventContext c, FieldValue v, int dir, boolean fileOnly) {
        EventView ev = c.ev;
        FdInfo f = evtFd(c);
        Category cat = ev.info().category();
        if (f == null) {
            return false;
        }
        boolean ok = switch (dir) {
            case 1 -> cat == Category.IO_READ;
            case 2 -> cat == Category.IO_WRITE;
            default -> cat.isIo();
        };
        if (!ok || (fileOnly && !(f.type == FdType.FILE || f.type == FdType.FILE_V2)) || ev.isEnter()
                || ev.paramCount() == 0) {
            return false;
        }
        long r = ev.paramAsLong(0, true);
        if (r < 0) {
            return false;
        }
        v.num = r;
        return true;
    }

    private static void bufLen(String name, String desc, int dir, boolean file) {
        add(new FieldDef(name, UINT64, DEC, FieldDef.TABLE_ONLY, desc, FieldDef.ArgSyntax.NONE,
                (d, a) -> new Field(d, a, (c, v) -> buflen(c, v, dir, file))));
    }

    private static void bufLenNet(String name, String desc, int dir) {
        add(new FieldDef(name, UINT64, DEC, FieldDef.TABLE_ONLY, desc, FieldDef.ArgSyntax.NONE,
                (d, a) -> new Field(d, a, (c, v) -> {
                    FdInfo f = evtFd(c);
                    return f != null && f.type.isIp() && buflen(c, v, dir, false);
                })));
    }

    /** which: 0 read, 1 write, 2 exec. */
    private static boolean openFlag(EventContext c, FieldValue v, int which) {
        EventView ev = c.ev;
        int t = ev.type();
        v.num = 0;
        final int exec = (1 << 6) | (1 << 3) | 1;
        if (t == EventTypes.OPEN_X || t == EventTypes.OPENAT_E || t == EventTypes.OPENAT_2_X
                || t == EventTypes.OPENAT2_X) {
            boolean nv = t == EventTypes.OPENAT_2_X || t == EventTypes.OPENAT2_X;
            long flags = ev.paramAsLong(nv ? 3 : 2, false);
            if (which == 0 && (flags & 1) != 0) {
                v.num = 1;
            }
            if (which == 1 && (flags & 2) != 0) {
                v.num = 1;
            }
            if (which == 2 && (flags & ((1 << 13) | (1 << 2))) != 0) {
                long mode = ev.paramAsLong(nv ? 4 : 3, false);
                v.num = (mode & exec) != 0 ? 1 : 0;
            }
        } else if (which == 2 && t == EventTypes.CREAT_X) {
            v.num = (ev.paramAsLong(2, false) & exec) != 0 ? 1 : 0;
        }
        return true;
    }

    private static void infra(String name, String desc, String key) {
        add(new FieldDef(name, CHARBUF, NA, FieldDef.TABLE_ONLY, desc, FieldDef.ArgSyntax.NONE,
                (d, a) -> new Field(d, a, (c, v) -> {
                    EventView ev = c.ev;
                    if (ev.type() != EventTypes.INFRASTRUCTURE_EVENT_E || ev.paramCount() < 3) {
                        return false;
                    }
                    String descr = ev.paramAsString(2);
                    for (String part : descr.split(";")) {
                        String e = part.trim();
                        if (!e.startsWith(key)) {
                            continue;
                        }
                        String[] sub = e.split(":");
                        String val = sub.length > 1 ? sub[1] : "";
                        if (key.equals("ID")) {
                            val = val.trim();
                            if (val.length() > 12) {
                                val = val.substring(0, 12);
                            }
                        } else if (key.equals("Image")) {
                            if (val.contains("@")) {
                                val = val.substring(0, val.indexOf('@'));
                            } else if (val.contains("sha256")) {
                                val = e.substring(e.indexOf(':') + 1);
                            }
                            val = val.trim();
                        } else {
                            val = val.trim();
                        }
                        v.str.append(val);
                        return true;
                    }
                    return false;
                })));
    }

    private static Field typeIs(FieldDef d, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("evt.type.is needs an event type name, e.g. evt.type.is.open");
        }
        boolean[] match = new boolean[Math.max(io.jdig.event.EventTable.size(), 1 << 16)];
        boolean any = false;
        if (arg.chars().allMatch(Character::isDigit) && arg.length() < 10) {
            long n = Long.parseLong(arg);
            if (n < match.length) {
                match[(int) n] = true;
            }
            any = true;
        } else {
            for (int t = 0; t < io.jdig.event.EventTable.size(); t++) {
                if (io.jdig.event.EventTable.name(t).equals(arg)) {
                    // sysdig takes the first event of that name and its exit
                    match[t] = true;
                    if (t + 1 < match.length) {
                        match[t + 1] = true;
                    }
                    any = true;
                    break;
                }
            }
        }
        if (!any) {
            throw new IllegalArgumentException("unknown event type '" + arg + "' after evt.type.is");
        }
        return new Field(d, arg, (c, v) -> v.setNum(match[c.ev.type()] ? 1 : 0) != null);
    }

    /** Argument index selector: by number ([N]) or by name. */
    private static int argIndex(EventView ev, String arg, int byIndex) {
        if (byIndex >= 0) {
            return byIndex < ev.shownParamCount() ? byIndex : -1;
        }
        int i = ev.paramIndex(arg);
        return i < ev.shownParamCount() ? i : -1;
    }

    /** True when some event has a parameter of that name. */
    static boolean knownParam(String name) {
        for (EventInfo e : io.jdig.event.EventTable.all()) {
            for (ParamInfo p : e.params()) {
                if (p.name().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Field arg(FieldDef d, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("evt.arg needs an argument name or number, e.g. evt.arg.fd or evt.arg[0]");
        }
        int byIndex = -1;
        if (Character.isDigit(arg.charAt(0)) || arg.charAt(0) == '-') {
            try {
                byIndex = Integer.parseInt(arg);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + arg + "' is not a valid argument number");
            }
            if (byIndex < 0) {
                byIndex = Integer.MAX_VALUE;
            }
        } else if (!knownParam(arg)) {
            throw new IllegalArgumentException("unknown event argument " + arg);
        }
        int idx = byIndex;
        return new Field(d, arg, (c, v) -> {
            int i = argIndex(c.ev, arg, idx);
            if (i < 0) {
                return false;
            }
            c.args.render(i, c.bufferFormat);
            v.str.append(c.args.resolved.length() > 0 ? c.args.resolved : c.args.value);
            return true;
        });
    }

    /** evt.buffer: rendered for printing, the raw data for filters. */
    static final class BufferField extends Field {
        BufferField(FieldDef def, String arg) {
            super(def, arg, (c, v) -> {
                int i = c.ev.paramIndex("data");
                if (i < 0 || i >= c.ev.shownParamCount()) {
                    return false;
                }
                c.args.render(i, c.bufferFormat);
                v.str.append(c.args.value);
                return true;
            });
        }

        @Override
        public boolean extractForFilter(EventContext c) {
            value.str.clear();
            EventView ev = c.ev;
            int i = ev.paramIndex("data");
            if (i < 0 || i >= ev.shownParamCount()) {
                return false;
            }
            value.str.append(ev.buffer(), ev.paramOffset(i), ev.paramLen(i));
            return true;
        }
    }

    /** evt.rawarg.NAME: the raw value, typed as the first event parameter of that name in the table. */
    static final class RawArg extends Field {
        RawArg(FieldDef def, String arg) {
            super(def, arg, null);
            ParamInfo p = find(arg);
            this.type = p.type();
            this.format = NA;
        }

        private static ParamInfo find(String arg) {
            for (EventInfo e : io.jdig.event.EventTable.all()) {
                for (ParamInfo p : e.params()) {
                    if (p.name().equals(arg)) {
                        return p;
                    }
                }
            }
            throw new IllegalArgumentException("unknown event argument " + arg);
        }

        @Override
        public boolean extract(EventContext c) {
            value.str.clear();
            EventView ev = c.ev;
            int i = ev.paramIndex(arg);
            if (i < 0 || i >= ev.shownParamCount()) {
                return false;
            }
            switch (type) {
                case CHARBUF, FSPATH, FSRELPATH, BYTEBUF, SOCKADDR, SOCKTUPLE, FDLIST, DYN, CHARBUFARRAY,
                     CHARBUF_PAIR_ARRAY -> value.str.append(ev.buffer(), ev.paramOffset(i), ev.paramLen(i));
                case IPV6ADDR, IPADDR -> value.str.append(ev.buffer(), ev.paramOffset(i), ev.paramLen(i));
                default -> value.num = ev.paramAsLong(i, type.isSigned());
            }
            return true;
        }
    }

    private static Field rawarg(FieldDef d, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("evt.rawarg needs an argument name, e.g. evt.rawarg.res");
        }
        return new RawArg(d, arg);
    }

    /** evt.around[T]: the compiler compares T with the event time, within the value in milliseconds. */
    static final class Around extends Field implements FieldKinds.Around {
        final long center;

        @Override
        public long center() {
            return center;
        }

        Around(FieldDef def, String arg) {
            super(def, arg, (c, v) -> false);
            try {
                center = Long.parseUnsignedLong(arg.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("evt.around needs a timestamp in ns, e.g. evt.around[1404996934793590564]");
            }
        }
    }

    private static Field around(FieldDef d, String arg) {
        if (arg == null) {
            throw new IllegalArgumentException("wrong syntax for evt.around: write evt.around[T]=D");
        }
        return new Around(d, arg);
    }

    private static Field abspath(FieldDef d, String arg) {
        int which;
        if (arg == null || arg.isEmpty()) {
            which = 0;
        } else if (arg.equals("src")) {
            which = 1;
        } else if (arg.equals("dst")) {
            which = 2;
        } else {
            throw new IllegalArgumentException("evt.abspath takes .src or .dst, not ." + arg);
        }
        return new Field(d, arg, (c, v) -> AbsPath.extract(c, v, which));
    }
}
