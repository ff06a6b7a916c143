package io.jdig.view;

import io.jdig.chisel.ChiselLocator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The views built into the jar, read once by the build (with Lua, as any view) and kept in the jar as data, so that a
 * run does not start a Lua state and run some forty view files before its first event: the build calls
 * {@link #main} after compiling, and {@link ViewLoader} takes the built-in views from here when the index is there
 * (else it reads them with Lua, as before). The build also writes the list of the built-in chisels' names
 * ({@link ChiselLocator#writeBuiltinNames}), which spares listing the jar's directory.
 */
public final class BuiltinViews {
    /** Where the index sits among the classes. */
    static final String RESOURCE = "/io/jdig/view/builtin-views.dat";
    private static final int MAGIC = 0x4a445649; // "JDVI"
    private static final int VERSION = 1;

    /** What the index holds: the views by the name of the file declaring each. */
    record Index(Map<String, ViewInfo> views) {
    }

    private static volatile Index loaded;
    private static volatile boolean missing;

    private BuiltinViews() {
    }

    /** The index in the jar, or null when the build did not make one. */
    static Index index() {
        Index i = loaded;
        if (i != null || missing) {
            return i;
        }
        try (InputStream in = BuiltinViews.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                missing = true;
                return null;
            }
            i = read(new DataInputStream(new BufferedInputStream(in)));
        } catch (IOException | RuntimeException e) {
            missing = true; // a damaged index: the views are read with Lua instead
            return null;
        }
        loaded = i;
        return i;
    }

    /** Writes the index of the built-in views, and the list of built-in chisels, into the class directory given. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        ChiselLocator.writeBuiltinNames(classes);
        Path out = classes.resolve(RESOURCE.substring(1));
        ChiselLocator builtin = ChiselLocator.of(List.of(ChiselLocator.BUILTIN));
        Map<String, ViewInfo> views = new LinkedHashMap<>();
        for (ViewLoader.Found f : ViewLoader.readWithLua(builtin, builtin.all())) {
            views.put(f.source().name(), f.view());
        }
        Files.createDirectories(out.getParent());
        try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            write(d, new Index(views));
        }
    }

    static void write(DataOutputStream d, Index index) throws IOException {
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(index.views().size());
        for (Map.Entry<String, ViewInfo> e : index.views().entrySet()) {
            d.writeUTF(e.getKey());
            ViewInfo v = e.getValue();
            d.writeUTF(v.id());
            d.writeUTF(v.name());
            d.writeUTF(v.description());
            strings(d, v.tags());
            strings(d, v.tips());
            d.writeUTF(v.type().name());
            d.writeInt(v.columns().size());
            for (ViewColumn c : v.columns()) {
                d.writeUTF(c.name());
                d.writeUTF(c.field());
                d.writeUTF(c.description());
                d.writeInt(c.colsize());
                d.writeInt(c.flags());
                d.writeUTF(c.aggregation().name());
                d.writeUTF(c.groupbyAggregation().name());
                strings(d, c.tags());
                d.writeUTF(c.filterField());
            }
            strings(d, v.appliesTo());
            d.writeUTF(v.filter());
            d.writeUTF(v.drilldownTarget());
            d.writeBoolean(v.useDefaults());
            d.writeBoolean(v.isRoot());
            d.writeInt(v.actions().size());
            for (ViewAction a : v.actions()) {
                d.writeChar(a.hotkey());
                d.writeUTF(a.command());
                d.writeUTF(a.description());
                d.writeBoolean(a.askConfirmation());
                d.writeBoolean(a.waitFinish());
            }
            d.writeBoolean(v.drilldownIncreaseDepth());
            d.writeUTF(v.spectroType());
            d.writeBoolean(v.propagateFilter());
            d.writeUTF(v.source());
        }
    }

    static Index read(DataInputStream d) throws IOException {
        if (d.readInt() != MAGIC || d.readInt() != VERSION) {
            throw new IOException("not an index of views of this version");
        }
        int n = d.readInt();
        Map<String, ViewInfo> views = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String file = d.readUTF();
            String id = d.readUTF();
            String name = d.readUTF();
            String description = d.readUTF();
            List<String> tags = strings(d);
            List<String> tips = strings(d);
            ViewType type = ViewType.valueOf(d.readUTF());
            int nc = d.readInt();
            List<ViewColumn> cols = new ArrayList<>(nc);
            for (int j = 0; j < nc; j++) {
                cols.add(new ViewColumn(d.readUTF(), d.readUTF(), d.readUTF(), d.readInt(), d.readInt(),
                        Aggregation.valueOf(d.readUTF()), Aggregation.valueOf(d.readUTF()), strings(d), d.readUTF()));
            }
            List<String> appliesTo = strings(d);
            String filter = d.readUTF();
            String target = d.readUTF();
            boolean useDefaults = d.readBoolean();
            boolean isRoot = d.readBoolean();
            int na = d.readInt();
            List<ViewAction> actions = new ArrayList<>(na);
            for (int j = 0; j < na; j++) {
                actions.add(new ViewAction(d.readChar(), d.readUTF(), d.readUTF(), d.readBoolean(), d.readBoolean()));
            }
            boolean increaseDepth = d.readBoolean();
            String spectroType = d.readUTF();
            boolean propagate = d.readBoolean();
            String source = d.readUTF();
            views.put(file, new ViewInfo(id, name, description, tags, tips, type, List.copyOf(cols), appliesTo,
                    filter, target, useDefaults, isRoot, List.copyOf(actions), increaseDepth, spectroType, propagate,
                    source));
        }
        return new Index(java.util.Collections.unmodifiableMap(views));
    }

    private static void strings(DataOutputStream d, List<String> list) throws IOException {
        d.writeInt(list.size());
        for (String s : list) {
            d.writeUTF(s);
        }
    }

    private static List<String> strings(DataInputStream d) throws IOException {
        int n = d.readInt();
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = d.readUTF();
        }
        return List.of(a);
    }

    /** For tests: the index as written to a stream. */
    static void write(OutputStream out, Index index) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        write(d, index);
        d.flush();
    }
}
