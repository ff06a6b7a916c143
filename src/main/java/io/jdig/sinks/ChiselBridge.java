package io.jdig.sinks;

import io.jdig.chisel.ChiselException;
import io.jdig.chisel.ChiselHost;
import io.jdig.chisel.ContainerInfo;
import io.jdig.chisel.EventFilter;
import io.jdig.chisel.FdTableEntry;
import io.jdig.chisel.FieldHandle;
import io.jdig.chisel.MachineInfo;
import io.jdig.chisel.ThreadTableEntry;
import io.jdig.event.ByteBuf;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.event.meta.MachineRecord;
import io.jdig.event.meta.UserRecord;
import io.jdig.field.BufferFormat;
import io.jdig.field.EventContext;
import io.jdig.field.Field;
import io.jdig.field.FieldRegistry;
import io.jdig.field.RenderSettings;
import io.jdig.filter.EventPredicate;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;
import io.jdig.format.EventFormatter;
import io.jdig.format.FormatException;
import io.jdig.state.Containers;
import io.jdig.state.FdType;
import io.jdig.state.NetFormat;
import io.jdig.state.StateEngine;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The chisel runtime's view of the event pipeline: fields from the registry, filters from the filter compiler,
 * formatters from the -p formatter, threads and fds from the state engine, all evaluated against the event loop's
 * current event. Field values go to Lua straight from the extracted value, without intermediate Java objects.
 */
final class ChiselBridge implements ChiselHost {
    private EventContext ctx;
    private StateEngine state;
    private final ChiselOut out;
    private final boolean json;
    private final boolean printContainerData;
    private final boolean debug;
    private final String userFilter;
    private final boolean userBufferFormat;
    private final Field typeField = FieldRegistry.create("evt.type", null);
    private final ByteBuf scratch = new ByteBuf(64);

    String sourceName = "";
    /** The run this bridge's chisel is part of (set at each source's init). */
    io.jdig.pipeline.Run run;
    /** Set by sysdig.run_app: the arguments of a second jdig run once this one is over. */
    String nextRunArgs;
    long lastTs;
    int snaplen = 80;
    /** A chisel called sysdig.set_snaplen. */
    boolean snaplenRequested;
    private String globalFilter = "";
    private boolean globalFilterSet;

    private final java.io.PrintStream err;

    ChiselBridge(ChiselOut out, java.io.PrintStream err, RenderSettings render, boolean printContainerData,
                 boolean debug, String userFilter) {
        this.err = err;
        this.out = out;
        this.json = render.json();
        this.printContainerData = printContainerData;
        this.debug = debug;
        this.userFilter = userFilter;
        this.userBufferFormat = render.bufferFormat() != BufferFormat.NORMAL;
    }

    /** The run's context: the event and state that fields, filters and tables read from now on. */
    void attach(EventContext c) {
        this.ctx = c;
        this.state = c.state;
    }

    /**
     * A requested field: the field object owns its scratch value, so extraction does not allocate; the last Lua
     * string handed out is kept, and handed out again while the value stays the same (a file or process name
     * repeats from event to event).
     */
    private static final class Handle implements FieldHandle {
        final String name;
        final Field field;
        LuaString last;

        Handle(String name, Field field) {
            this.name = name;
            this.field = field;
        }

        @Override
        public String name() {
            return name;
        }

        LuaValue string(ByteBuf b, boolean cString) {
            int n = b.length();
            byte[] a = b.array();
            if (cString) {
                for (int i = 0; i < n; i++) {
                    if (a[i] == 0) {
                        n = i;
                        break;
                    }
                }
            }
            LuaString l = last;
            if (l != null && l.m_length == n
                    && java.util.Arrays.equals(l.m_bytes, l.m_offset, l.m_offset + n, a, 0, n)) {
                return l;
            }
            l = LuaString.valueOf(a, 0, n);
            last = l;
            return l;
        }
    }

    /** {@code sysdig.get_read_progress()}: how far through the trace file sysdig's reader would be. */
    @Override
    public double readProgress() {
        return run == null ? 0 : run.readProgress();
    }

    // ---- fields, filters, formatters ----------------------------------------------------------------------

    @Override
    public FieldHandle requestField(String name) {
        Field f;
        try {
            FieldRegistry.Parsed p = FieldRegistry.parse(name, 0);
            f = p == null ? null : p.field();
        } catch (IllegalArgumentException e) {
            f = null;
        }
        if (f == null) {
            throw new ChiselException("chisel requesting nonexistent field " + name);
        }
        return new Handle(name, f);
    }

    @Override
    public Object fieldValue(FieldHandle h) {
        LuaValue v = fieldLua(h);
        if (v.isnil()) {
            return null;
        }
        if (v.isboolean()) {
            return v.toboolean();
        }
        if (v.type() == LuaValue.TNUMBER) {
            double d = v.todouble();
            return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (Object) (long) d : (Object) d;
        }
        return v.tojstring();
    }

    @Override
    public LuaValue fieldLua(FieldHandle h) {
        Handle hd = (Handle) h;
        Field f = hd.field;
        if (!f.extract(ctx)) {
            return LuaValue.NIL;
        }
        var v = f.value;
        return switch (f.type) {
            case INT8, INT16, INT32, INT64, ERRNO, PID, FD -> LuaValue.valueOf((double) v.num);
            case UINT8, FLAGS8, L4PROTO -> LuaValue.valueOf((int) (v.num & 0xFF));
            case UINT16, FLAGS16, PORT -> LuaValue.valueOf((int) (v.num & 0xFFFF));
            case UINT32, FLAGS32, MODE, UID, GID, SIGTYPE -> LuaValue.valueOf((double) (v.num & 0xFFFFFFFFL));
            case UINT64, RELTIME, ABSTIME -> LuaValue.valueOf(unsignedToDouble(v.num));
            case DOUBLE -> LuaValue.valueOf(v.dbl);
            case BOOL -> LuaValue.valueOf(v.num != 0);
            case IPV4ADDR -> {
                scratch.clear();
                NetFormat.appendIpv4(scratch, (int) v.num);
                yield hd.string(scratch, false);
            }
            case IPV6ADDR, IPADDR -> {
                scratch.clear();
                if (v.str.length() == 4) {
                    NetFormat.appendIpv4(scratch, NetFormat.le32(v.str.array(), 0));
                } else if (v.str.length() == 16) {
                    NetFormat.appendIpv6(scratch, v.str.array(), 0);
                } else {
                    yield LuaValue.NIL;
                }
                yield hd.string(scratch, false);
            }
            case BYTEBUF -> hd.string(v.str, false);
            default -> hd.string(v.str, true);
        };
    }

    private static double unsignedToDouble(long n) {
        return n >= 0 ? (double) n : ((double) (n >>> 1)) * 2.0 + (n & 1);
    }

    @Override
    public EventFilter compileFilter(String filter) {
        EventPredicate p = compile(filter);
        EventContext c = ctx;
        return () -> p.test(c);
    }

    static EventPredicate compile(String filter) {
        try {
            return FilterCompiler.compile(filter);
        } catch (FilterException e) {
            throw new ChiselException(e.getMessage(), e);
        }
    }

    @Override
    public io.jdig.chisel.CompiledFormat compileFormatter(String format) {
        EventFormatter f;
        try {
            f = EventFormatter.compile(format.isEmpty() ? EventFormatter.DEFAULT : format);
        } catch (FormatException e) {
            throw new ChiselException(e.getMessage(), e);
        }
        EventContext c = ctx;
        return new io.jdig.chisel.CompiledFormat() {
            @Override
            public String format() {
                ByteBuf b = new ByteBuf(256);
                boolean ok = json ? f.appendJson(c, b) : f.appendText(c, b);
                return ok ? b.toString() : null;
            }

            @Override
            public boolean writeLine(OutputStream os) throws IOException {
                if (os != out) {
                    return io.jdig.chisel.CompiledFormat.super.writeLine(os);
                }
                ByteBuf b = out.buf();
                boolean ok = json ? f.appendJson(c, b) : f.appendText(c, b);
                if (ok) {
                    b.append((byte) '\n');
                    c.prevPrintedTs = c.ev.ts();
                    out.lineDone();
                }
                return ok;
            }
        };
    }

    // ---- current event -------------------------------------------------------------------------------------

    @Override
    public long eventTs() {
        return ctx.ev.ts();
    }

    @Override
    public long eventNum() {
        return ctx.num;
    }

    @Override
    public String eventType() {
        if (!typeField.extract(ctx)) {
            return "";
        }
        return typeField.value.str.toString();
    }

    @Override
    public int eventCpu() {
        return ctx.ev.cpu();
    }

    // ---- capture-wide state --------------------------------------------------------------------------------

    @Override
    public boolean isLive() {
        return ctx.live;
    }

    @Override
    public String outputFormat() {
        return json ? "json" : "normal";
    }

    @Override
    public boolean isPrintContainerData() {
        return printContainerData;
    }

    @Override
    public MachineInfo machineInfo() {
        MachineRecord m = state.machine();
        if (m == null) {
            return null;
        }
        return new MachineInfo(m.numCpus(), m.memoryBytes(), m.maxPid(), m.hostname());
    }

    @Override
    public String evtSourceName() {
        return sourceName;
    }

    @Override
    public long firstEventTs() {
        return ctx.firstTs;
    }

    @Override
    public long lastEventTs() {
        return lastTs;
    }

    @Override
    public List<ThreadTableEntry> threadTable(String fdFilter) {
        EventPredicate p = fdFilter == null || fdFilter.isBlank() ? null : compileThreadFilter(fdFilter);
        FdProbe probe = p == null ? null : new FdProbe(state, lastTs);
        List<ThreadTableEntry> res = new ArrayList<>();
        List<io.jdig.state.ThreadInfo> all = new ArrayList<>();
        state.threads().forEachValue(all::add);
        for (io.jdig.state.ThreadInfo t : all) {
            SortedMap<Long, FdTableEntry> fds = new TreeMap<>();
            boolean[] any = {false};
            t.fds.forEach(f -> {
                if (probe != null && !probe.matches(p, t, f)) {
                    return;
                }
                any[0] = true;
                fds.put(f.fd, fdInfo(f));
            });
            if (probe != null && !any[0]) {
                continue;
            }
            UserRecord u = t.uid == -1 ? null : state.users().user(t.uid);
            // sinsp gives chisels the fd limit, uid and gid as unsigned 32-bit numbers (-1: 4294967295)
            res.add(new ThreadTableEntry(t.tid, t.pid, t.ptid, t.comm(), t.exe, t.args, t.env, t.flags & 0xFFFFFFFFL,
                    t.fdlimit & 0xFFFFFFFFL, t.uid & 0xFFFFFFFFL, t.gid & 0xFFFFFFFFL, t.nchilds, t.vmsizeKb, t.vmrssKb, t.vmswapKb,
                    t.pfmajor, t.pfminor, t.cloneTs, u == null ? "<NA>" : u.name(), fds));
        }
        return res;
    }

    private static EventPredicate compileThreadFilter(String filter) {
        try {
            return FilterCompiler.compile(filter);
        } catch (FilterException e) {
            throw new ChiselException("invalid filter argument for get_thread_table: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates a filter for one (thread, fd) pair as sysdig does: against a synthetic read exit event of that
     * thread, with that fd as the event's fd.
     */
    private static final class FdProbe {
        private final EventContext probe;
        private final StateEngine state;

        FdProbe(StateEngine state, long ts) {
            this.state = state;
            this.probe = new EventContext(state);
            byte[] b = new byte[EventView.HEADER_LEN];
            putLong(b, 0, ts);
            putInt(b, 16, EventView.HEADER_LEN);
            b[20] = (byte) EventTypes.READ_X;
            b[21] = (byte) (EventTypes.READ_X >> 8);
            probe.ev.wrap(b, 0, 0, 0);
        }

        boolean matches(EventPredicate p, io.jdig.state.ThreadInfo t, io.jdig.state.FdInfo f) {
            byte[] b = probe.ev.buffer();
            putLong(b, 8, t.tid);
            probe.ev.wrap(b, 0, 0, 0);
            long savedFd = t.lastEventFd;
            t.lastEventFd = f.fd;
            var saved = state.swapCurrent(t, f);
            try {
                return p.test(probe);
            } finally {
                state.swapCurrent(saved.thread(), saved.fd());
                t.lastEventFd = savedFd;
            }
        }

        private static void putLong(byte[] b, int o, long v) {
            for (int i = 0; i < 8; i++) {
                b[o + i] = (byte) (v >>> (8 * i));
            }
        }

        private static void putInt(byte[] b, int o, int v) {
            for (int i = 0; i < 4; i++) {
                b[o + i] = (byte) (v >>> (8 * i));
            }
        }
    }

    private static FdTableEntry fdInfo(io.jdig.state.FdInfo f) {
        String name = clean(f.name());
        String type = f.type.label;
        if (!f.type.isIp()) {
            return FdTableEntry.plain(name, type);
        }
        String l4 = switch (f.l4proto) {
            case io.jdig.state.FdInfo.L4_TCP -> "tcp";
            case io.jdig.state.FdInfo.L4_UDP -> "udp";
            case io.jdig.state.FdInfo.L4_ICMP -> "icmp";
            case io.jdig.state.FdInfo.L4_RAW -> "raw";
            default -> "<NA>";
        };
        return switch (f.type) {
            case IPV4_SOCK -> new FdTableEntry(name, type, true, true, l4, f.role == io.jdig.state.FdInfo.ROLE_SERVER,
                    NetFormat.ipv4(f.dip), NetFormat.ipv4(f.sip), f.dport, f.sport);
            case IPV6_SOCK -> new FdTableEntry(name, type, true, true, l4, f.role == io.jdig.state.FdInfo.ROLE_SERVER,
                    NetFormat.ipv6(f.dip6 == null ? new byte[16] : f.dip6),
                    NetFormat.ipv6(f.sip6 == null ? new byte[16] : f.sip6), f.dport, f.sport);
            case IPV4_SERVSOCK -> new FdTableEntry(name, type, true, false, l4, true, NetFormat.ipv4(f.sip), null, f.sport, 0);
            default -> new FdTableEntry(name, type, true, false, l4, true,
                    NetFormat.ipv6(f.sip6 == null ? new byte[16] : f.sip6), null, f.sport, 0);
        };
    }

    /** sysdig's tostring_clean: the name without unprintable characters. */
    private static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f;
            if (bad && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            } else if (!bad && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public List<ContainerInfo> containerTable() {
        List<ContainerInfo> res = new ArrayList<>();
        for (Containers.Info i : state.containers().all().values()) {
            res.add(new ContainerInfo(i.id(), i.name(), i.image(), i.type()));
        }
        return res;
    }

    // ---- things a chisel may change ------------------------------------------------------------------------

    @Override
    public void setSnaplen(int snaplen) {
        this.snaplen = snaplen;
        snaplenRequested = true;
    }

    /**
     * sysdig.set_filter. sysdig refuses a second filter ("filter can only be set once"), so that a chisel's
     * filter and one given on the command line cannot be combined; jdig requires both.
     */
    @Override
    public void setGlobalFilter(String filter) {
        compile(filter);
        globalFilter = filter;
        globalFilterSet = true;
    }

    @Override
    public String globalFilter() {
        String user = userFilter;
        if (!globalFilterSet) {
            return user;
        }
        return user.isBlank() ? globalFilter : "(" + user + ") and (" + globalFilter + ")";
    }

    /** The filter the chisels set with sysdig.set_filter, or null. */
    String chiselFilter() {
        return globalFilterSet ? globalFilter : null;
    }

    @Override
    public void setBufferFormat(String format) {
        if (userBufferFormat) {
            return; // the user's -A/-x/-X/-b wins
        }
        ctx.bufferFormat = switch (format) {
            case "ascii" -> BufferFormat.ASCII;
            case "hex" -> BufferFormat.HEX;
            case "hexascii" -> BufferFormat.HEXASCII;
            case "base64", "jsonbase64" -> BufferFormat.BASE64;
            default -> BufferFormat.NORMAL;
        };
    }

    @Override
    public void log(String message, String severity) {
        if (debug || "error".equals(severity) || "critical".equals(severity)) {
            err.println(message);
        }
    }

    @Override
    public int[] terminalSize() {
        var con = System.console();
        if (con == null || !con.isTerminal()) {
            return new int[] {-1, -1};
        }
        int[] ws = windowSize();
        if (ws != null) {
            return ws;
        }
        int w = envInt("COLUMNS", 80);
        int h = envInt("LINES", 24);
        return new int[] {w, h};
    }

    /** {width, height} of the terminal on stdout, as sysdig reads it (ioctl TIOCGWINSZ), or null. */
    private static int[] windowSize() {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            var linker = java.lang.foreign.Linker.nativeLinker();
            var ioctl = linker.downcallHandle(linker.defaultLookup().find("ioctl").orElseThrow(),
                    java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT,
                            java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.JAVA_LONG,
                            java.lang.foreign.ValueLayout.ADDRESS),
                    java.lang.foreign.Linker.Option.firstVariadicArg(2));
            // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
            var ws = arena.allocate(8);
            int rc = (int) ioctl.invokeExact(1, 0x5413L /* TIOCGWINSZ */, ws);
            int rows = Short.toUnsignedInt(ws.get(java.lang.foreign.ValueLayout.JAVA_SHORT, 0));
            int cols = Short.toUnsignedInt(ws.get(java.lang.foreign.ValueLayout.JAVA_SHORT, 2));
            return rc == 0 && cols > 0 ? new int[] {cols, rows} : null;
        } catch (Throwable e) {
            return null; // no native access: fall back to COLUMNS and LINES
        }
    }

    private static int envInt(String name, int dflt) {
        try {
            String v = System.getenv(name);
            return v == null ? dflt : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    @Override
    public void setNextRunArgs(String args) {
        nextRunArgs = args;
    }

    @Override
    public boolean isTty() {
        var con = System.console();
        return con != null && con.isTerminal();
    }
}
