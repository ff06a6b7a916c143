package io.jdig.chisel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.ZeroArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseIoLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.jse.JseOsLib;

/**
 * One running chisel: its own Lua state, filter, formatter and interval timer. Mirrors sysdig's
 * {@code sinsp_chisel} (load, set_args, on_init with chisel.exec replacement, run, do_timeout,
 * on_capture_start, on_capture_end).
 */
public final class Chisel {
    private static final Pattern LUAJ_POS = Pattern.compile("^@?([^\\s]*?):(\\d+) (.*)$", Pattern.DOTALL);

    private final ChiselHost host;
    private final ChiselLocator locator;
    private final OutputStream out;

    private String name;
    private ChiselInfo info;
    private Globals g;
    private LuaTable stringMeta;
    private LuaValue onEvent = LuaValue.NIL;

    private EventFilter filter;
    private NativeSum nativeSum;
    private CompiledFormat formatter;
    private long interval;
    private long preciseInterval;
    private boolean firstEvent = true;
    private long lastSampleTime;
    private long lastIntervalTs;
    private boolean endCapture;

    private String execName;
    private List<String> argvals = new ArrayList<>();

    private DatagramSocket udpSocket;
    private InetAddress udpAddr;
    private int udpPort;

    Chisel(ChiselHost host, ChiselLocator locator, OutputStream out, String name) {
        this.host = host;
        this.locator = locator;
        this.out = out;
        load(name);
    }

    public String name() { return name; }

    public ChiselInfo info() { return info; }

    boolean endCaptureRequested() { return endCapture; }

    // -------------------------------------------------------------------------------------------
    // loading

    private void load(String cmd) {
        this.name = cmd.trim();
        ChiselLocator.Source src = locator.find(name).orElseThrow(() -> unknownChisel(locator, name));
        reset();
        g = newGlobals(locator, out, this);
        // a chisel's helpers (require "common") come from its own directory first
        String path = src.path();
        int slash = path.lastIndexOf('/');
        if (slash >= 0) {
            g.get("package").set("path", path.substring(0, slash + 1) + "?.lua;" + locator.packagePath());
        }
        try (InputStream in = src.open()) {
            g.load(in, "@" + src.path(), "t", g).call();
        } catch (LuaError e) {
            throw fail("Failed to load chisel " + name + ": " + luaMessage(e), e);
        } catch (IOException e) {
            throw new ChiselException("can't open file " + name + ": " + e.getMessage(), e);
        }
        stringMeta = (LuaTable) LuaString.s_metatable;
        LuaValue args = g.get("args");
        if (!args.istable()) throw new ChiselException("Failed to load chisel " + name + ": args table missing");
        info = readInfo(g, name, src.path());
        cacheCallbacks();
    }

    private void reset() {
        filter = null;
        nativeSum = null;
        formatter = null;
        interval = 0;
        preciseInterval = 0;
        onEvent = LuaValue.NIL;
        if (udpSocket != null) udpSocket.close();
        udpSocket = null;
    }

    private void cacheCallbacks() {
        LuaValue f = g.get("on_event");
        onEvent = f.isfunction() ? f : LuaValue.NIL;
    }

    static ChiselException unknownChisel(ChiselLocator locator, String name) {
        List<String> near = locator.closest(name, 3);
        String msg = "can't open file " + name + ": no chisel named '" + name + "'";
        if (!near.isEmpty()) msg += " (did you mean " + String.join(", ", near) + "?)";
        return new ChiselException(msg);
    }

    /** A fresh Lua state with the standard libraries, the LuaJIT compatibility fixes and the sysdig API. */
    static Globals newGlobals(ChiselLocator locator, OutputStream out, Chisel chisel) {
        Globals g = new Globals();
        g.STDOUT = out instanceof PrintStream ps ? ps : new PrintStream(out, false, StandardCharsets.UTF_8);
        g.load(new JseBaseLib());
        g.load(new PackageLib());
        g.load(new Bit32Lib());
        g.load(new TableLib());
        g.load(new StringLib());
        g.load(new CoroutineLib());
        g.load(new JseMathLib());
        g.load(new JseIoLib());
        g.load(new JseOsLib());
        LoadState.install(g);
        LuaC.install(g);
        g.finder = ChiselLocator::openResource;
        g.get("package").set("path", locator.packagePath());
        // Lua 5.1 names that LuaJIT still has
        LuaTable table = g.get("table").checktable();
        g.set("unpack", table.get("unpack"));
        g.set("loadstring", g.get("load"));
        table.set("getn", new OneArgFunction() {
            @Override public LuaValue call(LuaValue t) { return LuaValue.valueOf(t.checktable().length()); }
        });
        table.set("maxn", new OneArgFunction() {
            @Override public LuaValue call(LuaValue t) {
                double max = 0;
                LuaValue k = LuaValue.NIL;
                while (true) {
                    Varargs n = t.checktable().next(k);
                    if ((k = n.arg1()).isnil()) break;
                    if (k.type() == LuaValue.TNUMBER) max = Math.max(max, k.todouble());
                }
                return LuaValue.valueOf(max);
            }
        });
        table.set("insert", new VarArgFunction() {
            // LuaJIT (5.1) semantics: any position, including 0, shifts t[pos..#t] up by one
            @Override public Varargs invoke(Varargs a) {
                LuaTable t = a.checktable(1);
                int n = t.length() + 1;
                if (a.narg() == 2) {
                    t.rawset(n, a.arg(2));
                    return NONE;
                }
                if (a.narg() != 3) throw new LuaError("wrong number of arguments to 'insert'");
                int pos = a.checkint(2);
                for (int i = n; i > pos; i--) t.rawset(i, t.rawget(i - 1));
                t.rawset(pos, a.arg(3));
                return NONE;
            }
        });
        LuaValue luajTonumber = g.get("tonumber");
        g.set("tonumber", new VarArgFunction() {
            // Lua 5.1 skips any white space (isspace: also \t \n \v \f \r) around the number; LuaJ only blanks
            @Override public Varargs invoke(Varargs a) {
                LuaValue v = a.arg1();
                if (v.type() == LuaValue.TSTRING && (a.narg() < 2 || a.arg(2).isnil())) {
                    String t = v.tojstring();
                    int from = 0, to = t.length();
                    while (from < to && isSpace(t.charAt(from))) from++;
                    while (to > from && isSpace(t.charAt(to - 1))) to--;
                    if (from > 0 || to < t.length()) return luajTonumber.call(LuaValue.valueOf(t.substring(from, to)));
                }
                return luajTonumber.invoke(a);
            }
        });
        PrintStream stdout = g.STDOUT;
        g.get("os").set("execute", new VarArgFunction() {
            // C's system(): the command goes to /bin/sh (LuaJ split it at spaces and ran it without a shell);
            // the result is the wait status, exit code * 256, as LuaJIT returns it
            @Override public Varargs invoke(Varargs a) {
                if (a.isnoneornil(1)) return LuaValue.valueOf(1); // a shell is available
                stdout.flush();
                try {
                    Process p = new ProcessBuilder("/bin/sh", "-c", a.checkjstring(1)).inheritIO().start();
                    return LuaValue.valueOf(p.waitFor() << 8);
                } catch (java.io.IOException e) {
                    return LuaValue.valueOf(-1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return LuaValue.valueOf(-1);
                }
            }
        });
        LuaTable math = g.get("math").checktable();
        math.set("mod", math.get("fmod"));
        // LuaJIT has math.log10 (Lua 5.1) and math.log(x, base) (5.2); LuaJ has neither
        math.set("log10", new OneArgFunction() {
            @Override public LuaValue call(LuaValue x) { return LuaValue.valueOf(Math.log10(x.checkdouble())); }
        });
        math.set("log", new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                double x = a.checkdouble(1);
                if (a.isnoneornil(2)) return LuaValue.valueOf(Math.log(x));
                double base = a.checkdouble(2);
                if (base == 2.0) return LuaValue.valueOf(Math.log(x) / Math.log(2.0));
                if (base == 10.0) return LuaValue.valueOf(Math.log10(x));
                return LuaValue.valueOf(Math.log(x) / Math.log(base));
            }
        });
        LuaTable string = g.get("string").checktable();
        string.set("gfind", string.get("gmatch"));
        LuaCompat.install(g, g.STDOUT);
        // each Lua state gets its own string metatable (LuaJ keeps it in a static)
        LuaString.s_metatable = LuaValue.tableOf(new LuaValue[] {LuaValue.INDEX, string});
        if (chisel != null) chisel.installApi(g);
        else new Chisel.NoHostApi().install(g);
        return g;
    }

    /** Reads the globals sysdig reads at load time. */
    static ChiselInfo readInfo(Globals g, String name, String path) {
        LuaValue d = g.get("description");
        boolean view = !d.isstring() && g.get("view_info").istable();
        List<ChiselArg> args = new ArrayList<>();
        LuaValue at = g.get("args");
        if (at.istable()) {
            for (int i = 1; i <= at.length(); i++) {
                LuaValue a = at.get(i);
                if (!a.istable()) continue;
                args.add(new ChiselArg(str(a.get("name")), str(a.get("argtype")), str(a.get("description")),
                        a.get("optional").isboolean() && a.get("optional").toboolean()));
            }
        }
        LuaValue hidden = g.get("hidden");
        return new ChiselInfo(name, path, d.isstring() ? d.tojstring() : "", str(g.get("short_description")),
                str(g.get("category")), List.copyOf(args), hidden.isboolean() && hidden.toboolean(), view);
    }

    private static String str(LuaValue v) {
        return v.isstring() ? v.checkstring().tojstring() : "";
    }

    // -------------------------------------------------------------------------------------------
    // arguments

    /** sysdig's set_args(string): split on spaces, '...' or `...` group. */
    public void setArgs(String args) {
        setArgList(splitArgs(args, name));
    }

    static List<String> splitArgs(String args, String name) {
        List<String> vals = new ArrayList<>();
        args = args.strip();
        if (args.isEmpty()) return vals;
        int tokenBegin = 0;
        boolean inQuotes = false;
        int quoteCorrection = 0;
        int j;
        for (j = 0; j < args.length(); j++) {
            char c = args.charAt(j);
            if (c == ' ' && !inQuotes) {
                vals.add(args.substring(tokenBegin, Math.max(tokenBegin, j - quoteCorrection)));
                tokenBegin = j + 1;
                quoteCorrection = 0;
            } else if (c == '\'' || c == '`') {
                if (inQuotes) {
                    quoteCorrection = 1;
                    inQuotes = false;
                } else {
                    tokenBegin++;
                    inQuotes = true;
                }
            }
        }
        if (inQuotes) throw new ChiselException("corrupted parameters for chisel " + name);
        vals.add(args.substring(Math.min(tokenBegin, j), Math.max(Math.min(tokenBegin, j), j - quoteCorrection)));
        return vals;
    }

    /** Passes already split argument values to on_set_arg, checking their count. */
    public void setArgList(List<String> vals) {
        int req = info.requiredArgs();
        int opt = info.optionalArgs();
        if (vals.size() < req) {
            throw new ChiselException("wrong number of parameters for chisel " + name + ", " + req + " required, "
                    + vals.size() + " given");
        }
        if (vals.size() > req + opt) {
            throw new ChiselException("too many parameters for chisel " + name + ", " + req + " required, " + opt
                    + " optional, " + vals.size() + " given");
        }
        argvals = new ArrayList<>(vals);
        for (int j = 0; j < vals.size(); j++) {
            LuaValue f = g.get("on_set_arg");
            if (!f.isfunction()) throw new ChiselException("chisel " + name + " misses a set_arg() function.");
            Varargs r = call(f, LuaValue.varargsOf(LuaValue.valueOf(info.args().get(j).name()),
                    LuaValue.valueOf(vals.get(j))), name + " chisel error: ", false);
            if (!r.arg1().isboolean()) throw new ChiselException(name + " chisel error: wrong set_arg() return value.");
            if (!r.arg1().toboolean()) throw new ChiselException("set_arg() for chisel " + name + " failed.");
        }
    }

    // -------------------------------------------------------------------------------------------
    // callbacks

    /** on_init(); follows chisel.exec() replacements. */
    public void init() {
        LuaValue f = g.get("on_init");
        if (!f.isfunction()) return;
        Varargs r = call(f, LuaValue.NONE, name + ": error in init(): ", false);
        if (execName == null) {
            if (!r.arg1().isboolean()) throw new ChiselException(name + " chisel error: wrong init() return value.");
            if (!r.arg1().toboolean()) throw new ChiselException("init() for chisel " + name + " failed.");
        }
        cacheCallbacks();
        if (execName != null) {
            String next = execName;
            List<String> vals = argvals;
            execName = null;
            load(next);
            StringBuilder args = new StringBuilder();
            for (int j = 0; j < vals.size(); j++) {
                String v = vals.get(j);
                args.append(v.contains(" ") ? "'" + v + "'" : v);
                if (j < vals.size() - 1) args.append(' ');
            }
            argvals = new ArrayList<>();
            setArgs(args.toString());
            init();
        }
    }

    public void captureStart() {
        LuaValue f = g.get("on_capture_start");
        if (!f.isfunction()) return;
        Varargs r = call(f, LuaValue.NONE, name + " chisel error: ", false);
        if (!r.arg1().isboolean()) {
            throw new ChiselException(name + " chisel error: wrong on_capture_start() return value. Boolean expected.");
        }
        if (!r.arg1().toboolean()) throw new ChiselException("init() for chisel " + name + " failed.");
    }

    /** sysdig's sinsp_chisel::run for the host's current event; returns false if the chisel ended the capture. */
    boolean run() {
        LuaString.s_metatable = stringMeta;
        doTimeout();
        if (filter != null && !filter.matches()) return true;
        if (nativeSum != null) nativeSum.add();
        if (!onEvent.isnil()) {
            Varargs r = call(onEvent, LuaValue.NONE, name + " chisel error: ", true);
            if (endCapture) return false;
            if (!r.arg1().toboolean()) return true;
        }
        if (formatter != null) {
            try {
                formatter.writeLine(out);
            } catch (IOException e) {
                throw new ChiselException("write error: " + e.getMessage(), e);
            }
        }
        return true;
    }

    void timeout() {
        LuaString.s_metatable = stringMeta;
        doTimeout();
    }

    private void doTimeout() {
        long ts = host.eventTs();
        if (firstEvent) {
            if (interval != 0) lastSampleTime = ts - Long.remainderUnsigned(ts, interval);
            else if (preciseInterval != 0) lastSampleTime = ts;
            firstEvent = false;
            return;
        }
        if (interval != 0) {
            if (Long.compareUnsigned(ts - lastSampleTime, interval) < 0) {
                return; // still in the current interval: no division needed for most events
            }
            long sample = ts - Long.remainderUnsigned(ts, interval);
            if (sample != lastSampleTime) {
                long delta = 0;
                if (lastIntervalTs != 0) {
                    delta = ts - lastIntervalTs;
                    if (delta == 0) return;
                }
                callInterval(ts, delta);
                lastSampleTime = sample;
                lastIntervalTs = ts;
            }
        } else if (preciseInterval != 0) {
            if (ts - lastSampleTime >= preciseInterval) {
                long t;
                for (t = lastSampleTime; t <= ts - preciseInterval; t += preciseInterval) {
                    callInterval(t, preciseInterval);
                }
                lastSampleTime = t;
            }
        }
    }

    private void callInterval(long ts, long delta) {
        Varargs r = call(g.get("on_interval"), LuaValue.varargsOf(new LuaValue[] {
                LuaValue.valueOf((double) (ts / 1_000_000_000L)), LuaValue.valueOf((double) (ts % 1_000_000_000L)),
                LuaValue.valueOf((double) delta)}), name + " chisel error: calling on_interval() failed: ", true);
        if (!r.arg1().toboolean()) throw new ChiselException("execution terminated by the " + name + " chisel");
    }

    public void captureEnd() {
        LuaString.s_metatable = stringMeta;
        LuaValue f = g.get("on_capture_end");
        if (!f.isfunction()) return;
        long ts = host.firstEventTs();
        long te = host.lastEventTs();
        call(f, LuaValue.varargsOf(new LuaValue[] {LuaValue.valueOf((double) (te / 1_000_000_000L)),
                LuaValue.valueOf((double) (te % 1_000_000_000L)), LuaValue.valueOf((double) (te - ts))}),
                name + " chisel error: ", false);
    }

    void close() {
        if (udpSocket != null) udpSocket.close();
    }

    private Varargs call(LuaValue f, Varargs args, String prefix, boolean perEvent) {
        try {
            return f.invoke(args);
        } catch (LuaError e) {
            throw fail(prefix + luaMessage(e) + (perEvent ? " (event " + host.eventNum() + ")" : ""), e);
        }
    }

    /** Turns a LuaError into a ChiselException, letting host errors and os.exit through as they are. */
    private ChiselException fail(String msg, LuaError e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof LuaCompat.ExitRequest x) throw x;
            if (t instanceof ChiselException c) return new ChiselException(name + ": " + c.getMessage(), c);
        }
        return new ChiselException(msg, e);
    }

    /** LuaJ's "@file:12 msg" as Lua's "file:12: msg". */
    static String luaMessage(LuaError e) {
        String m = e.getMessage();
        if (m == null) return "error";
        Matcher mm = LUAJ_POS.matcher(m);
        if (mm.matches()) return mm.group(1) + ":" + mm.group(2) + ": " + mm.group(3);
        return m;
    }

    // -------------------------------------------------------------------------------------------
    // the sysdig / chisel / evt tables

    static LuaValue toLua(Object v) {
        if (v == null) return LuaValue.NIL;
        if (v instanceof Long l) return LuaValue.valueOf((double) l);
        if (v instanceof Integer i) return LuaValue.valueOf(i);
        if (v instanceof String s) return LuaValue.valueOf(s);
        if (v instanceof Boolean b) return LuaValue.valueOf(b);
        if (v instanceof Double d) return LuaValue.valueOf(d);
        if (v instanceof byte[] b) return LuaValue.valueOf(b);
        if (v instanceof Number n) return LuaValue.valueOf(n.doubleValue());
        return LuaValue.valueOf(v.toString());
    }

    private interface F0 { LuaValue f(); }
    private interface F1 { LuaValue f(LuaValue a); }
    private interface FV { Varargs f(Varargs a); }

    private static LuaValue fn0(F0 f) {
        return new ZeroArgFunction() { @Override public LuaValue call() { return f.f(); } };
    }

    private static LuaValue fn1(F1 f) {
        return new OneArgFunction() { @Override public LuaValue call(LuaValue a) { return f.f(a); } };
    }

    private static LuaValue fnv(FV f) {
        return new VarArgFunction() { @Override public Varargs invoke(Varargs a) { return f.f(a); } };
    }

    private static String luaStr(LuaValue v) {
        return v.isstring() ? v.tojstring() : null;
    }

    private void installApi(Globals g) {
        LuaTable sysdig = new LuaTable();
        sysdig.set("set_filter", fn1(a -> {
            try {
                host.setGlobalFilter(a.checkjstring());
            } catch (ChiselException e) {
                throw new ChiselException("invalid filter in chisel " + name + ": " + e.getMessage(), e);
            }
            return LuaValue.NONE;
        }));
        sysdig.set("set_snaplen", fn1(a -> { host.setSnaplen((int) a.checklong()); return LuaValue.NONE; }));
        sysdig.set("set_output_format", fn1(a -> {
            String f = a.checkjstring();
            if (!List.of("normal", "json", "simple", "hex", "hexascii", "ascii", "base64", "jsonbase64").contains(f)) {
                throw new ChiselException("invalid set_output_format value in chisel " + name);
            }
            host.setBufferFormat(f);
            return LuaValue.NONE;
        }));
        sysdig.set("set_fatfile_dump_mode", fn1(a -> { host.setFatfileDumpMode(a.toboolean()); return LuaValue.NONE; }));
        sysdig.set("is_live", fn0(() -> LuaValue.valueOf(host.isLive())));
        sysdig.set("is_tty", fn0(() -> LuaValue.valueOf(host.isTty())));
        sysdig.set("get_terminal_info", fn0(() -> {
            int[] s = host.terminalSize();
            LuaTable t = new LuaTable();
            t.set("width", s[0]);
            t.set("height", s[1]);
            return t;
        }));
        sysdig.set("get_filter", fn0(() -> LuaValue.valueOf(host.globalFilter() == null ? "" : host.globalFilter())));
        sysdig.set("get_machine_info", fn0(() -> {
            MachineInfo mi = host.machineInfo();
            if (mi == null) {
                throw new ChiselException("get_machine_info can only be called from the on_capture_start callback");
            }
            LuaTable t = new LuaTable();
            t.set("num_cpus", mi.numCpus());
            t.set("memory_size_bytes", (double) mi.memorySizeBytes());
            t.set("max_pid", (double) mi.maxPid());
            t.set("hostname", mi.hostname());
            return t;
        }));
        sysdig.set("get_thread_table", fn1(a -> threadTable(luaStr(a), true, false)));
        sysdig.set("get_thread_table_nofds", fn1(a -> threadTable(luaStr(a), false, false)));
        sysdig.set("get_thread_table_barebone", fn1(a -> threadTable(luaStr(a), true, true)));
        sysdig.set("get_thread_table_barebone_nofds", fn1(a -> threadTable(luaStr(a), false, true)));
        sysdig.set("get_container_table", fn0(() -> {
            LuaTable t = new LuaTable();
            int j = 0;
            for (ContainerInfo c : host.containerTable()) {
                LuaTable e = new LuaTable();
                e.set("id", c.id());
                e.set("name", c.name());
                e.set("image", c.image());
                e.set("type", c.type());
                t.rawset(++j, e);
            }
            return t;
        }));
        sysdig.set("is_print_container_data", fn0(() -> LuaValue.valueOf(host.isPrintContainerData())));
        sysdig.set("get_output_format", fn0(() -> LuaValue.valueOf("json".equals(host.outputFormat()) ? "json" : "normal")));
        sysdig.set("get_evtsource_name", fn0(() -> LuaValue.valueOf(host.isLive() ? "" : host.evtSourceName())));
        sysdig.set("get_firstevent_ts", fn0(() -> LuaValue.valueOf(Long.toUnsignedString(host.firstEventTs()))));
        sysdig.set("get_lastevent_ts", fn0(() -> LuaValue.valueOf(Long.toUnsignedString(host.lastEventTs()))));
        sysdig.set("make_ts", new TwoArgFunction() {
            @Override public LuaValue call(LuaValue s, LuaValue ns) {
                long sum = ((long) s.todouble() & 0xffffffffL) * 1_000_000_000L + ((long) ns.todouble() & 0xffffffffL);
                return LuaValue.valueOf(Long.toUnsignedString(sum));
            }
        });
        sysdig.set("add_ts", new TwoArgFunction() {
            @Override public LuaValue call(LuaValue a, LuaValue b) {
                return LuaValue.valueOf(Long.toUnsignedString(parseU64(a) + parseU64(b)));
            }
        });
        sysdig.set("subtract_ts", new TwoArgFunction() {
            @Override public LuaValue call(LuaValue a, LuaValue b) {
                return LuaValue.valueOf(Long.toString(parseU64(a) - parseU64(b)));
            }
        });
        sysdig.set("run_sysdig", fn1(a -> { host.setNextRunArgs(a.checkjstring()); return LuaValue.NONE; }));
        sysdig.set("run_app", sysdig.get("run_sysdig")); // the name sysdig 0.29 chisels (around) call it by
        sysdig.set("end_capture", fn0(() -> { endCapture = true; return LuaValue.NONE; }));
        sysdig.set("log", new TwoArgFunction() {
            @Override public LuaValue call(LuaValue m, LuaValue s) {
                host.log(m.tojstring(), s.isnil() ? "info" : s.tojstring());
                return LuaValue.NONE;
            }
        });
        sysdig.set("udp_setpeername", new TwoArgFunction() {
            @Override public LuaValue call(LuaValue addr, LuaValue port) {
                try {
                    udpAddr = InetAddress.getByName(addr.checkjstring());
                    udpPort = Integer.parseInt(port.tojstring().trim());
                    if (udpSocket == null) udpSocket = new DatagramSocket();
                } catch (IOException | NumberFormatException e) {
                    throw new ChiselException("udp_setpeername error: " + e.getMessage(), e);
                }
                return LuaValue.NONE;
            }
        });
        sysdig.set("udp_send", fn1(a -> {
            if (udpSocket == null) throw new ChiselException("udp_send error: udp_setpeername not called");
            LuaString s = a.checkstring();
            try {
                udpSocket.send(new DatagramPacket(s.m_bytes, s.m_offset, s.m_length, udpAddr, udpPort));
            } catch (IOException e) {
                throw new ChiselException("udp_send error: " + e.getMessage(), e);
            }
            return LuaValue.NONE;
        }));
        sysdig.set("get_read_progress", fn0(() -> LuaValue.valueOf(host.readProgress())));
        g.set("sysdig", sysdig);
        g.get("package").get("loaded").set("sysdig", sysdig);

        LuaTable chisel = new LuaTable();
        chisel.set("request_field", fn1(a -> {
            String f = luaStr(a);
            if (f == null) throw new ChiselException("chisel requesting nil field");
            return new LuaUserdata(host.requestField(f));
        }));
        chisel.set("set_filter", fn1(a -> {
            String f = a.isnil() ? "" : a.checkjstring();
            try {
                filter = f.isBlank() ? null : host.compileFilter(f);
            } catch (ChiselException e) {
                throw new ChiselException("invalid filter in chisel " + name + ": " + e.getMessage(), e);
            }
            return LuaValue.NONE;
        }));
        chisel.set("set_event_formatter", fn1(a -> {
            String f = a.isnil() ? "" : a.checkjstring();
            formatter = host.compileFormatter(f.equals("default") ? "" : f);
            return LuaValue.NONE;
        }));
        chisel.set("set_interval_ns", fn1(a -> { interval = (long) a.checkdouble(); return LuaValue.NONE; }));
        chisel.set("set_interval_s", fn1(a -> {
            interval = (long) a.checkdouble() * 1_000_000_000L;
            return LuaValue.NONE;
        }));
        chisel.set("set_precise_interval_ns", fn1(a -> { preciseInterval = (long) a.checkdouble(); return LuaValue.NONE; }));
        // jdig extension: table_generator's per-event loop in Java (see NativeSum)
        chisel.set("native_sum", new TwoArgFunction() {
            @Override public LuaValue call(LuaValue keyHandles, LuaValue valueHandle) {
                LuaTable kt = keyHandles.checktable();
                FieldHandle[] ks = new FieldHandle[kt.length()];
                for (int i = 0; i < ks.length; i++) ks[i] = handle(kt.get(i + 1));
                NativeSum sum = new NativeSum(host, ks, handle(valueHandle));
                nativeSum = sum;
                LuaTable obj = new LuaTable();
                obj.set("take", fn1(self -> sum.take()));
                return obj;
            }
        });
        chisel.set("exec", fnv(a -> {
            String cn = luaStr(a.arg1());
            if (cn == null) throw new ChiselException("invalid exec field name in chisel " + name);
            execName = cn;
            argvals = new ArrayList<>();
            for (int i = 2; i <= a.narg(); i++) {
                String v = luaStr(a.arg(i));
                if (v == null) break;
                argvals.add(v);
            }
            return LuaValue.NONE;
        }));
        g.set("chisel", chisel);
        g.get("package").get("loaded").set("chisel", chisel);

        LuaTable evt = new LuaTable();
        evt.set("field", fn1(a -> {
            if (!(a instanceof LuaUserdata u) || !(u.m_instance instanceof FieldHandle h)) return LuaValue.NIL;
            return host.fieldLua(h);
        }));
        evt.set("get_num", fn0(() -> LuaValue.valueOf((double) host.eventNum())));
        evt.set("get_ts", fnv(a -> {
            long ts = host.eventTs();
            return LuaValue.varargsOf(LuaValue.valueOf((double) (ts / 1_000_000_000L)),
                    LuaValue.valueOf((double) (ts % 1_000_000_000L)));
        }));
        evt.set("get_type", fn0(() -> LuaValue.valueOf(host.eventType())));
        evt.set("get_cpuid", fn0(() -> LuaValue.valueOf(host.eventCpu())));
        g.set("evt", evt);
        g.get("package").get("loaded").set("evt", evt);
    }

    private static FieldHandle handle(LuaValue v) {
        if (v instanceof LuaUserdata u && u.m_instance instanceof FieldHandle h) return h;
        throw new LuaError("field handle expected");
    }

    private static long parseU64(LuaValue v) {
        String s = v.tojstring().trim();
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return (long) v.todouble();
        }
    }

    private LuaValue threadTable(String filterStr, boolean includeFds, boolean barebone) {
        LuaTable res = new LuaTable();
        for (ThreadTableEntry t : host.threadTable(filterStr == null || filterStr.isEmpty() ? null : filterStr)) {
            LuaTable e = new LuaTable();
            e.set("tid", (double) t.tid());
            e.set("pid", (double) t.pid());
            if (!barebone) {
                e.set("ptid", (double) t.ptid());
                e.set("comm", t.comm());
                e.set("exe", t.exe());
                e.set("flags", (double) t.flags());
                e.set("fdlimit", (double) t.fdlimit());
                e.set("uid", (double) t.uid());
                e.set("gid", (double) t.gid());
                e.set("nchilds", (double) t.nchilds());
                e.set("vmsize_kb", (double) t.vmsizeKb());
                e.set("vmrss_kb", (double) t.vmrssKb());
                e.set("vmswap_kb", (double) t.vmswapKb());
                e.set("pfmajor", (double) t.pfmajor());
                e.set("pfminor", (double) t.pfminor());
                e.set("clone_ts", Long.toString(t.cloneTs()));
                e.set("username", t.username() == null ? "<NA>" : t.username());
                LuaTable args = new LuaTable();
                for (int j = 0; j < t.args().size(); j++) args.rawset(j + 1, LuaValue.valueOf(t.args().get(j)));
                e.set("args", args);
                LuaTable env = new LuaTable();
                for (int j = 0; j < t.env().size(); j++) env.rawset(j + 1, LuaValue.valueOf(t.env().get(j)));
                e.set("env", env);
            }
            LuaTable fdt = new LuaTable();
            if (includeFds) {
                for (Map.Entry<Long, FdTableEntry> fe : t.fds().entrySet()) {
                    FdTableEntry fd = fe.getValue();
                    LuaTable f = new LuaTable();
                    if (!barebone) {
                        f.set("name", fd.name());
                        f.set("type", fd.type());
                    }
                    if (fd.inet()) {
                        if (fd.client()) f.set("cip", fd.cip());
                        f.set("sip", fd.sip());
                        if (fd.client()) f.set("cport", fd.cport());
                        f.set("sport", fd.sport());
                        f.set("is_server", LuaValue.valueOf(fd.isServer()));
                        f.set("l4proto", fd.l4proto() == null ? "<NA>" : fd.l4proto());
                    }
                    fdt.rawset((int) (long) fe.getKey(), f);
                }
            }
            e.set("fdtable", fdt);
            res.rawset((int) t.tid(), e);
        }
        return res;
    }

    /** API stubs for loading a chisel only to read its description (-cl / -i). */
    private static final class NoHostApi {
        void install(Globals g) {
            LuaValue fail = fnv(a -> { throw new LuaError("not available while listing chisels"); });
            for (String t : new String[] {"sysdig", "chisel", "evt"}) {
                LuaTable tbl = new LuaTable();
                LuaTable mt = new LuaTable();
                mt.set(LuaValue.INDEX, fn1(k -> fail));
                tbl.setmetatable(mt);
                g.set(t, tbl);
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
