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
import io.jdig.state.FdInfo;
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
        add("evt.latency", RELTIME, DEC, "time between the enter event and this exit event, in nanoseconds",
                (c, v) -> latency(c, v, 0));
        add("evt.latency.s", RELTIME, DEC, "integer part of the latency in seconds", (c, v) -> latency(c, v, 1));
        add("evt.latency.ns", RELTIME, PADDED_DEC, "fractional part of the latency, in nanoseconds",
                (c, v) -> latency(c, v, 2));
        add("evt.latency.human", CHARBUF, NA, "the latency as a readable string such as 10.3ms", (c, v) -> {
            ThreadInfo t = c.thread();
            if (t != null && c.ev.info().category() == Category.INTERNAL) {
                return false;
            }
            if (t != null) {
                v.str.append(Nice.time(t.latency));
            }
            return true;
        });
        register2();
    }

    private static boolean latency(EventContext c, FieldValue v, int part) {
        v.num = 0;
        ThreadInfo t = c.thread();
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
                    ThreadInfo t = c.thread();
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
                "1 if the event is of the type given as argument (evt.type.is.open), 0 otherwise",
                FieldDef.ArgSyntax.NAME, EventFields::typeIs));
        add("syscall.type", CHARBUF, NA, "for system call events, the name of the system call", (c, v) -> {
            EventView ev = c.ev;
            if (ev.type() == EventTypes.SCHEDSWITCH_6_E || ev.info().category() == Category.INTERNAL
                    || ev.info().has(io.jdig.event.EventFlags.SKIPPARSERESET)) {
                return false;
            }
            appendType(ev, v.str);
            return true;
        });
        add("evt.category", CHARBUF, NA, "event category, e.g. file, net, memory, process", (c, v) -> {
            v.str.append(category(c));
            return true;
        });
        add("evt.cpu", INT16, ID, "number of the CPU where the event happened", (c, v) -> v.setNum(c.ev.cpu()) != null);
        add("evt.args", CHARBUF, NA, "all the event arguments as one string", (c, v) -> {
            c.args.appendArgs(v.str, c.bufferFormat);
            return true;
        });
        add("evt.info", CHARBUF, NA, "all the event arguments as one string (the default line's last column)",
                (c, v) -> {
                    c.args.appendArgs(v.str, c.bufferFormat);
                    return true;
                });
        add(new FieldDef("evt.arg", CHARBUF, NA, FieldDef.REQUIRES_ARG,
                "one event argument, by name (evt.arg.fd) or by number (evt.arg[0]), resolved when possible",
                FieldDef.ArgSyntax.NAME, EventFields::arg));
        add(new FieldDef("evt.rawarg", DYN, NA, FieldDef.REQUIRES_ARG,
                "one event argument by name as a raw value, for comparisons such as evt.rawarg.res<0",
                FieldDef.ArgSyntax.NAME, EventFields::rawarg));
        add("evt.buffer", BYTEBUF, NA, "the data buffer of an I/O event", (c, v) -> {
            int i = c.ev.paramIndex("data");
            if (i < 0) {
                return false;
            }
            c.args.render(i, c.bufferFormat);
            v.str.append(c.args.value);
            return true;
        });
        add("evt.buflen", UINT64, DEC, "size of the data buffer of an I/O event", (c, v) -> buflen(c, v));
        add("evt.res", CHARBUF, DEC, "result of the event: SUCCESS or an error code name such as ENOENT",
                EventFields::res);
        add("evt.rawres", INT64, DEC, "result of the event as a number", (c, v) -> {
            int i = resIndex(c.ev);
            if (i < 0) {
                return false;
            }
            v.num = c.ev.paramAsLong(i, true);
            return true;
        });
        add("evt.failed", BOOL, NA, "true for events that returned an error", (c, v) -> {
            int i = resIndex(c.ev);
            if (i < 0) {
                return false;
            }
            v.num = c.ev.paramAsLong(i, true) < 0 ? 1 : 0;
            return true;
        });
        add("evt.is_io", BOOL, NA, "true for events that read or write to an fd (read, send, recvfrom...)",
                (c, v) -> bool(v, (c.ev.info().flags() & (io.jdig.event.EventFlags.READS_FROM_FD
                        | io.jdig.event.EventFlags.WRITES_TO_FD)) != 0));
        add("evt.is_io_read", BOOL, NA, "true for events that read from an fd",
                (c, v) -> bool(v, c.ev.info().has(io.jdig.event.EventFlags.READS_FROM_FD)));
        add("evt.is_io_write", BOOL, NA, "true for events that write to an fd",
                (c, v) -> bool(v, c.ev.info().has(io.jdig.event.EventFlags.WRITES_TO_FD)));
        add("evt.io_dir", CHARBUF, NA, "'r' for events that read from an fd, 'w' for events that write to one",
                (c, v) -> {
                    EventInfo i = c.ev.info();
                    if (i.has(io.jdig.event.EventFlags.READS_FROM_FD)) {
                        v.str.append((byte) 'r');
                    } else if (i.has(io.jdig.event.EventFlags.WRITES_TO_FD)) {
                        v.str.append((byte) 'w');
                    } else {
                        return false;
                    }
                    return true;
                });
        add("evt.is_wait", BOOL, NA, "true for events that make the thread wait (sleep, select, poll...)",
                (c, v) -> bool(v, c.ev.info().has(io.jdig.event.EventFlags.WAITS)));
        add("evt.count", UINT32, DEC, "1 for every event; summed by chisels and views to count events",
                (c, v) -> v.setNum(1) != null);
    }

    static boolean bool(FieldValue v, boolean b) {
        v.num = b ? 1 : 0;
        return true;
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

    static String category(EventContext c) {
        Category cat = c.ev.info().category();
        if (!cat.isIo()) {
            return switch (cat) {
                case IPC -> "IPC";
                default -> cat.label;
            };
        }
        FdInfo f = c.fd();
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

    static int resIndex(EventView ev) {
        if (ev.isEnter() || ev.paramCount() == 0) {
            return -1;
        }
        ParamInfo p = ev.info().params()[0];
        ParamType t = p.type();
        if (t == ERRNO || t == FD || t == PID || (p.name().equals("res") && t.isNumeric())) {
            return 0;
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
            if (!ValueTables.appendErrno(r, v.str)) {
                v.str.append(r);
            }
        }
        return true;
    }

    private static boolean buflen(EventContext c, FieldValue v) {
        EventView ev = c.ev;
        if (c.fd() == null || !ev.info().category().isIo() || ev.isEnter()) {
            return false;
        }
        long r = ev.paramAsLong(0, true);
        if (r < 0) {
            return false;
        }
        v.num = r;
        return true;
    }

    private static Field typeIs(FieldDef d, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("evt.type.is needs an event type name");
        }
        boolean[] match = new boolean[io.jdig.event.EventTable.size()];
        boolean any = false;
        for (EventInfo e : io.jdig.event.EventTable.all()) {
            if (e.name().equals(arg)) {
                match[e.id()] = true;
                any = true;
            }
        }
        if (!any) {
            throw new IllegalArgumentException("unknown event type " + arg);
        }
        return new Field(d, arg, (c, v) -> v.setNum(match[c.ev.type()] ? 1 : 0) != null);
    }

    /** Argument index selector: by number ([N]) or by name. */
    private static int argIndex(EventView ev, String arg, boolean byIndex) {
        if (byIndex) {
            int i = Integer.parseInt(arg);
            return i < ev.shownParamCount() ? i : -1;
        }
        int i = ev.paramIndex(arg);
        return i < ev.shownParamCount() ? i : -1;
    }

    private static Field arg(FieldDef d, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("evt.arg needs an argument name or number");
        }
        boolean byIndex = Character.isDigit(arg.charAt(0));
        if (byIndex) {
            try {
                Integer.parseInt(arg);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid argument index " + arg);
            }
        }
        return new Field(d, arg, (c, v) -> {
            int i = argIndex(c.ev, arg, byIndex);
            if (i < 0) {
                return false;
            }
            c.args.render(i, c.bufferFormat);
            v.str.append(c.args.resolved.length() > 0 ? c.args.resolved : c.args.value);
            return true;
        });
    }

    /** evt.rawarg.NAME: the raw value; its type is the argument's type in the event being read. */
    static final class RawArg extends Field {
        RawArg(FieldDef def, String arg) {
            super(def, arg, null);
            this.type = guessType(arg);
            this.format = DEC;
        }

        private static ParamType guessType(String arg) {
            for (EventInfo e : io.jdig.event.EventTable.all()) {
                for (ParamInfo p : e.params()) {
                    if (p.name().equals(arg)) {
                        return p.type();
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
            ParamInfo p = ev.info().params()[i];
            type = p.type();
            format = p.format() == NA ? DEC : p.format();
            switch (type) {
                case CHARBUF, FSPATH, FSRELPATH, BYTEBUF -> value.str.append(ev.buffer(), ev.paramOffset(i),
                        ev.paramLen(i));
                case SOCKADDR, SOCKTUPLE, FDLIST, DYN -> value.str.append(ev.buffer(), ev.paramOffset(i),
                        ev.paramLen(i));
                default -> value.num = ev.paramAsLong(i, type.isSigned());
            }
            return true;
        }
    }

    private static Field rawarg(FieldDef d, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("evt.rawarg needs an argument name");
        }
        return new RawArg(d, arg);
    }

    static PrintFormat fmt(PrintFormat p) {
        return p;
    }
}
