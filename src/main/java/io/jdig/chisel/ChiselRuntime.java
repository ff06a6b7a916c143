package io.jdig.chisel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;

/**
 * Runs the chisels of one jdig invocation ({@code -c} may be repeated).
 *
 * <pre>
 * ChiselRuntime rt = new ChiselRuntime(host, ChiselLocator.standard(chiselPathOpt), System.out);
 * Chisel c = rt.add("topprocs_net");        // load (unknown name: ChiselException with suggestions)
 * c.setArgs(argString);                     // the one argv element after -c NAME, if it belongs to the chisel
 * rt.init();                                // on_init of every chisel (follows chisel.exec)
 * ... open the capture ...
 * rt.captureStart();                        // on_capture_start
 * for each event (after the capture filter): host makes it current; if (!rt.processEvent()) break;
 * rt.captureEnd();                          // on_capture_end, also after Ctrl-C / end_capture
 * </pre>
 * Errors are {@link ChiselException}s whose message is the line to print; os.exit() in a chisel surfaces as
 * {@link ExitRequestedException}.
 */
public final class ChiselRuntime implements AutoCloseable {

    /** A chisel called os.exit(code). */
    public static final class ExitRequestedException extends RuntimeException {
        private final int code;
        ExitRequestedException(int code) { super("chisel requested exit " + code); this.code = code; }
        public int code() { return code; }
    }

    private final ChiselHost host;
    private final ChiselLocator locator;
    private final OutputStream out;
    private final List<Chisel> chisels = new ArrayList<>();

    public ChiselRuntime(ChiselHost host, ChiselLocator locator, OutputStream out) {
        this.host = host;
        this.locator = locator;
        this.out = out;
    }

    public ChiselLocator locator() { return locator; }

    public List<Chisel> chisels() { return Collections.unmodifiableList(chisels); }

    /** Loads a chisel by name (or path). */
    public Chisel add(String name) {
        Chisel c = guard(() -> new Chisel(host, locator, out, name));
        chisels.add(c);
        return c;
    }

    public void init() {
        for (Chisel c : chisels) guard(() -> { c.init(); return null; });
    }

    public void captureStart() {
        for (Chisel c : chisels) guard(() -> { c.captureStart(); return null; });
    }

    /**
     * Runs every chisel on the host's current event (interval callbacks, chisel filter, on_event, formatter).
     * @return false when a chisel called sysdig.end_capture(): stop reading and call {@link #captureEnd()}
     */
    public boolean processEvent() {
        boolean go = true;
        for (int i = 0, n = chisels.size(); i < n; i++) {
            Chisel c = chisels.get(i);
            try {
                if (!c.run()) go = false;
            } catch (LuaCompat.ExitRequest e) {
                throw new ExitRequestedException(e.code);
            }
        }
        return go;
    }

    /** Runs the interval timers only, for an event the capture filter dropped (sysdig's do_timeout). */
    public void timeouts() {
        for (int i = 0, n = chisels.size(); i < n; i++) {
            Chisel c = chisels.get(i);
            try {
                c.timeout();
            } catch (LuaCompat.ExitRequest e) {
                throw new ExitRequestedException(e.code);
            }
        }
    }

    public void captureEnd() {
        for (Chisel c : chisels) guard(() -> { c.captureEnd(); return null; });
        flush();
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException ignored) {
            // nothing sensible to do
        }
    }

    @Override
    public void close() {
        for (Chisel c : chisels) c.close();
        flush();
    }

    private interface Step<T> { T run(); }

    private static <T> T guard(Step<T> s) {
        try {
            return s.run();
        } catch (LuaCompat.ExitRequest e) {
            throw new ExitRequestedException(e.code);
        }
    }

    /** Information about every listable chisel on the path (for -cl), unreadable files skipped. */
    public static List<ChiselInfo> describeAll(ChiselLocator locator) {
        List<ChiselInfo> res = new ArrayList<>();
        for (ChiselLocator.Source s : locator.all()) {
            ChiselInfo i = describe(locator, s);
            if (i != null) res.add(i);
        }
        return res;
    }

    /**
     * The text of {@code -i NAME}; for a missing, hidden or view chisel a ChiselException with sysdig's message
     * ("chisel X not found - use -cl to list them.", to be printed on stderr with exit status 1).
     */
    public static String infoText(ChiselLocator locator, String name) {
        ChiselInfo i = locator.find(name).map(s -> describe(locator, s)).orElse(null);
        if (i == null || i.hidden() || i.view()) {
            throw new ChiselException("chisel " + name + " not found - use -cl to list them.");
        }
        return ChiselListing.info(i);
    }

    /**
     * A Lua state with the chisel API but no capture, in which several declarative files (csysdig's views) can be
     * run one after the other with {@link #runScript}.
     */
    public static Globals scriptState(ChiselLocator locator) {
        return Chisel.newGlobals(locator, OutputStream.nullOutputStream(), null);
    }

    /** Runs a file in a state made by {@link #scriptState}; false when it cannot be read or fails. */
    public static boolean runScript(Globals g, ChiselLocator.Source s) {
        try (InputStream in = s.open()) {
            g.load(in, "@" + s.path(), "t", g).call();
            return true;
        } catch (IOException | LuaError | LuaCompat.ExitRequest e) {
            return false;
        }
    }

    /** Information about one chisel (for -i); null if the file is not a loadable chisel. */
    public static ChiselInfo describe(ChiselLocator locator, ChiselLocator.Source s) {
        Globals g = Chisel.newGlobals(locator, OutputStream.nullOutputStream(), null);
        try (InputStream in = s.open()) {
            g.load(in, "@" + s.path(), "t", g).call();
        } catch (IOException | LuaError | LuaCompat.ExitRequest e) {
            return null;
        }
        ChiselInfo i = Chisel.readInfo(g, s.name(), s.path());
        if (i.view()) return i;
        if (!g.get("description").isstring() || !g.get("short_description").isstring() || g.get("args").isnil()) {
            return null;
        }
        return i;
    }
}
