package io.jdig.view;

import io.jdig.chisel.ChiselLocator;
import io.jdig.chisel.ChiselRuntime;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the views along the chisel path: the Lua files that define a global {@code view_info} table instead of
 * a chisel's description, read with the chisel runtime.
 */
public final class ViewLoader {
    private ViewLoader() {
    }

    private static final java.util.Map<List<String>, Loaded> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Views read from a path, and the files they were read from with their times, to know when to read again. */
    private record Loaded(List<ViewInfo> views, java.util.Map<String, Long> stamps) {
    }

    /**
     * Every view on the path (first file of each name wins, as for chisels), in path order. A process that runs
     * views several times (the tests, a UI switching views) reads the files again only when they changed.
     */
    public static List<ViewInfo> load(ChiselLocator locator) {
        Loaded l = CACHE.get(locator.entries());
        java.util.Map<String, Long> stamps = stamps(locator);
        if (l != null && l.stamps().equals(stamps)) {
            return l.views();
        }
        List<ViewInfo> views = read(locator);
        CACHE.put(locator.entries(), new Loaded(List.copyOf(views), stamps));
        return views;
    }

    private static java.util.Map<String, Long> stamps(ChiselLocator locator) {
        java.util.Map<String, Long> m = new java.util.HashMap<>();
        for (ChiselLocator.Source s : locator.all()) {
            m.put(s.path(), s.builtin() ? 0L : new java.io.File(s.path()).lastModified());
        }
        return m;
    }

    /** A view and the file that declares it. */
    record Found(ChiselLocator.Source source, ViewInfo view) {
    }

    private static List<ViewInfo> read(ChiselLocator locator) {
        BuiltinViews.Index index = BuiltinViews.index();
        List<ChiselLocator.Source> all = locator.all();
        List<ChiselLocator.Source> withLua = new ArrayList<>();
        for (ChiselLocator.Source s : all) {
            if (!s.builtin() || index == null) {
                withLua.add(s);
            }
        }
        java.util.Map<ChiselLocator.Source, ViewInfo> read = new java.util.HashMap<>();
        for (Found f : readWithLua(locator, withLua)) {
            read.put(f.source(), f.view());
        }
        List<ViewInfo> views = new ArrayList<>();
        for (ChiselLocator.Source s : all) {
            ViewInfo v = s.builtin() && index != null ? index.views().get(s.name()) : read.get(s);
            if (v != null) {
                views.add(v);
            }
        }
        return views;
    }

    /** The views the files declare, in their order, each file run with Lua. */
    static List<Found> readWithLua(ChiselLocator locator, List<ChiselLocator.Source> sources) {
        List<Found> views = new ArrayList<>();
        org.luaj.vm2.Globals lua = null;
        for (ChiselLocator.Source s : sources) {
            if (!mentionsView(s)) {
                continue; // a chisel: not worth a Lua state
            }
            if (lua == null) {
                lua = ChiselRuntime.scriptState(locator);
            }
            // one state for all view files (they only declare a table): what one leaves is cleared for the next
            lua.set("description", LuaValue.NIL);
            lua.set("view_info", LuaValue.NIL);
            if (!ChiselRuntime.runScript(lua, s) || lua.get("description").isstring()) {
                continue;
            }
            LuaValue g = lua;
            LuaValue vi = g.get("view_info");
            if (!vi.istable()) {
                continue;
            }
            try {
                views.add(new Found(s, parse(vi, s.path())));
            } catch (IllegalArgumentException e) {
                // a malformed view is left out, as csysdig leaves out what it cannot read
            }
        }
        return views;
    }

    /** The name of the global a view file sets, as a whole word (sysdig's v_cpus.lua sets view_infoz: no view). */
    private static final java.util.regex.Pattern VIEW_INFO = java.util.regex.Pattern.compile("\\bview_info\\b");

    private static boolean mentionsView(ChiselLocator.Source s) {
        try (InputStream in = s.open()) {
            return VIEW_INFO.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads one {@code view_info} table. */
    static ViewInfo parse(LuaValue t, String source) {
        String id = str(t.get("id"));
        String name = str(t.get("name"));
        ViewType type = switch (str(t.get("view_type"))) {
            case "", "table" -> ViewType.TABLE;
            case "list" -> ViewType.LIST;
            case "spectrogram" -> ViewType.SPECTROGRAM;
            default -> throw new IllegalArgumentException("error in view " + id + ": view_type must be table or list");
        };
        List<ViewColumn> cols = new ArrayList<>();
        LuaValue ct = t.get("columns");
        if (ct.istable()) {
            for (LuaValue c : values(ct)) {
                if (c.istable()) {
                    cols.add(column(c));
                }
            }
        }
        List<ViewAction> actions = new ArrayList<>();
        LuaValue at = t.get("actions");
        if (at.istable()) {
            for (LuaValue a : values(at)) {
                if (a.istable()) {
                    String key = str(a.get("hotkey"));
                    String cmd = str(a.get("command"));
                    if (key.length() != 1 || cmd.isEmpty()) {
                        throw new IllegalArgumentException("error in view " + id + ": bad action");
                    }
                    actions.add(new ViewAction(key.charAt(0), cmd, str(a.get("description")),
                            a.get("ask_confirmation").toboolean(),
                            a.get("wait_finish").isnil() || a.get("wait_finish").toboolean()));
                }
            }
        }
        LuaValue pf = t.get("propagate_filter");
        return ViewInfo.of(id, name, str(t.get("description")), strings(t.get("tags")), strings(t.get("tips")), type,
                cols, strings(t.get("applies_to")), str(t.get("filter")), str(t.get("drilldown_target")),
                bool(t.get("use_defaults")), bool(t.get("is_root")), actions,
                bool(t.get("drilldown_increase_depth")), str(t.get("spectro_type")),
                pf.isnil() || pf.toboolean(), source);
    }

    private static ViewColumn column(LuaValue c) {
        int flags = 0;
        if (bool(c.get("is_key"))) {
            flags |= ViewColumn.IS_KEY;
        }
        if (bool(c.get("is_groupby_key"))) {
            flags |= ViewColumn.IS_GROUPBY_KEY;
        }
        if (bool(c.get("is_sorting"))) {
            flags |= ViewColumn.IS_SORTING;
        }
        if (bool(c.get("filter_in_child_only"))) {
            flags |= ViewColumn.FILTER_IN_CHILD_ONLY;
        }
        LuaValue size = c.get("colsize");
        int colsize = size.isnumber() ? (int) (long) size.todouble() : -1;
        return new ViewColumn(str(c.get("name")), str(c.get("field")), str(c.get("description")), colsize, flags,
                Aggregation.of(strOrNull(c.get("aggregation"))), Aggregation.of(strOrNull(c.get("groupby_aggregation"))),
                strings(c.get("tags")), str(c.get("filterfield")));
    }

    private static List<LuaValue> values(LuaValue t) {
        List<LuaValue> out = new ArrayList<>();
        LuaValue k = LuaValue.NIL;
        // the array part in order, then any other entries (sysdig walks the table with lua_next)
        int n = t.length();
        for (int i = 1; i <= n; i++) {
            out.add(t.get(i));
        }
        while (true) {
            Varargs e = t.next(k);
            k = e.arg1();
            if (k.isnil()) {
                break;
            }
            if (k.isinttype() && k.toint() >= 1 && k.toint() <= n) {
                continue;
            }
            out.add(e.arg(2));
        }
        return out;
    }

    private static List<String> strings(LuaValue t) {
        List<String> out = new ArrayList<>();
        if (t.istable()) {
            for (LuaValue v : values(t)) {
                if (v.isstring()) {
                    out.add(v.tojstring());
                }
            }
        }
        return out;
    }

    private static String str(LuaValue v) {
        return v.isstring() ? v.tojstring() : "";
    }

    private static String strOrNull(LuaValue v) {
        return v.isstring() ? v.tojstring() : null;
    }

    private static boolean bool(LuaValue v) {
        return v.isboolean() && v.toboolean();
    }
}
