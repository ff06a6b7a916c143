package io.jdig.explore;

import io.jdig.chisel.ChiselLocator;
import io.jdig.event.ByteBuf;
import io.jdig.event.Category;
import io.jdig.field.EventContext;
import io.jdig.field.Field;
import io.jdig.field.FieldRegistry;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;
import io.jdig.format.EventFormatter;
import io.jdig.pipeline.Outcome;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.pipeline.Source;
import io.jdig.state.PortNames;
import io.jdig.view.DrillPath;
import io.jdig.view.ThreadOrder;
import io.jdig.view.ThreadPass;
import io.jdig.view.ViewCatalog;
import io.jdig.view.ViewColumn;
import io.jdig.view.ViewException;
import io.jdig.view.ViewInfo;
import io.jdig.view.ViewSink;
import io.jdig.view.ViewSnapshot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An exploration of one capture: the questions the terminal and web UIs ask (a view through a drill-down path,
 * the events or the I/O data of a selection) answered over a trace file. Each answer runs the one pipeline over the
 * capture with the view engine as its sink.
 */
public final class Exploration implements AutoCloseable {
    private final Path trace;
    private final ViewCatalog catalog;
    private final PortNames ports;
    private final long firstTs;
    private final long lastTs;
    private final long events;

    private Exploration(Path trace, ViewCatalog catalog, PortNames ports, long[] span) {
        this.trace = trace;
        this.catalog = catalog;
        this.ports = ports;
        this.firstTs = span[0];
        this.lastTs = span[1];
        this.events = span[2];
    }

    /** Settings of an exploration: where views are found, container columns ({@code -pc}), service names. */
    public record Settings(List<String> chiselPaths, boolean containers, boolean inspectorViews, PortNames ports) {
        public static final Settings DEFAULT = new Settings(List.of(), false, false, PortNames.NUMBERS);
    }

    /**
     * Opens a trace file and reads it once (its time span, its size in events).
     *
     * @throws ExploreException when it cannot be read
     */
    public static Exploration open(Path trace, Settings settings) {
        return open(trace, settings, null);
    }

    /** How far the first read of a trace has got: called now and then with a fraction from 0 to 1. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(double fraction);
    }

    /**
     * Opens a trace file as {@link #open(Path, Settings)} does, telling {@code progress} (may be null) how far it
     * has got.
     */
    public static Exploration open(Path trace, Settings settings, ProgressListener progress) {
        if (!Files.isReadable(trace)) {
            throw new ExploreException(trace + ": no such file or not readable");
        }
        ViewCatalog catalog;
        try {
            ChiselLocator locator = ChiselLocator.standard(settings.chiselPaths(), System.getenv("JDIG_CHISEL_PATH"));
            catalog = ViewCatalog.load(locator, settings.containers(), settings.inspectorViews());
        } catch (ViewException e) {
            throw new ExploreException(e.getMessage(), e);
        }
        long[] span = new long[3];
        Exploration x = new Exploration(trace, catalog, settings.ports(), span);
        Run[] reading = new Run[1];
        x.runFiltered("", -1, r -> reading[0] = r, c -> {
            if ((span[2] & 0x3fff) == 0 && reading[0] != null && progress != null) {
                progress.progress(reading[0].readProgress() / 100);
            }
            long ts = c.ev.ts();
            if (span[0] == 0) {
                span[0] = ts;
            }
            span[1] = ts;
            span[2]++;
        });
        return new Exploration(trace, catalog, settings.ports(), span);
    }

    public ViewCatalog catalog() {
        return catalog;
    }

    /** The time of the first and the last event. */
    public TimeRange span() {
        return new TimeRange(firstTs, lastTs);
    }

    /** How many events the capture holds. */
    public long events() {
        return events;
    }

    public String source() {
        return trace.toString();
    }

    /**
     * Answers a view query.
     *
     * @throws ExploreException for an unknown view or a bad filter (its message says where)
     */
    public ViewResult view(ViewQuery q) {
        Plan plan = plan(q);
        ViewSnapshot[] snap = new ViewSnapshot[1];
        runView(plan, q, snap);
        ViewSnapshot s = snap[0];
        ViewInfo v = plan.view;
        List<String> names = v.columnNames();
        List<Integer> sizes = v.columnSizes();
        List<ViewResult.Column> cols = new ArrayList<>();
        List<ViewColumn> vc = v.columns();
        for (int j = 1; j < names.size(); j++) {
            String desc = j < vc.size() && vc.get(j).description() != null ? vc.get(j).description() : "";
            cols.add(new ViewResult.Column(names.get(j), sizes.get(j), desc));
        }
        List<ViewResult.Row> rows = new ArrayList<>(s.rows().size());
        for (ViewSnapshot.TextRow r : s.rows()) {
            rows.add(new ViewResult.Row(r.key(), r.cells()));
        }
        ViewColumn key = v.key();
        String drill = key != null && catalog.drillTarget(v, key.filterField(plan.depth)) != null
                ? key.filterField(plan.depth) : null;
        return new ViewResult(q.withView(v.id()).sortedBy(q.sortColumn(), q.ascending()), v.name(), plan.filter,
                List.copyOf(cols), List.copyOf(rows), s.sortColumn(), s.ascending(), drill, s.events());
    }

    /**
     * The query Enter on a row leads to: the view's drill-down target with the row's key as a selection, or null
     * when the view's rows cannot be opened.
     */
    public ViewQuery drillDown(ViewQuery from, String key) {
        Plan plan = plan(from);
        ViewColumn k = plan.view.key();
        if (k == null) {
            return null;
        }
        ViewInfo target = catalog.drillTarget(plan.view, k.filterField(plan.depth));
        if (target == null) {
            return null;
        }
        List<Selection> path = new ArrayList<>(from.path());
        path.add(new Selection(plan.view.id(), key));
        return new ViewQuery(target.id(), path, from.filter(), from.range(), 0, null);
    }

    /** The complete filter a query runs its view with (user, time range, drill-down, view). */
    public String filterOf(ViewQuery q) {
        return plan(q).filter;
    }

    /** The selection's filter without the current view's own filter: what echo and dig show for it. */
    public String selectionFilter(ViewQuery q) {
        return plan(q).selection;
    }

    /**
     * The events that pass {@code filter} within {@code range}, as sysdig's default line prints them, at most
     * {@code max} of them.
     */
    public List<String> dig(String filter, TimeRange range, int max) {
        String f = DrillPath.both(filter == null ? "" : filter.strip(), range.asFilter());
        check(f);
        EventFormatter fmt = EventFormatter.compile(EventFormatter.DEFAULT);
        List<String> out = new ArrayList<>();
        ByteBuf line = new ByteBuf(512);
        runFiltered(f, max, c -> {
            if (c.ev.info().category() == Category.INTERNAL) {
                return; // as the printer without -D
            }
            line.clear();
            if (fmt.appendText(c, line)) {
                out.add(new String(line.array(), 0, line.length(), StandardCharsets.UTF_8));
            }
        });
        return out;
    }

    /** The data of the I/O events that pass {@code filter} within {@code range}, at most {@code max} of them. */
    public List<EchoChunk> echo(String filter, TimeRange range, int max) {
        String f = DrillPath.both(DrillPath.both(filter == null ? "" : filter.strip(), range.asFilter()),
                "evt.is_io=true and evt.dir=<");
        check(f);
        Field num = FieldRegistry.create("evt.num", null);
        Field pid = FieldRegistry.create("proc.pid", null);
        Field tid = FieldRegistry.create("thread.tid", null);
        Field pname = FieldRegistry.create("proc.name", null);
        Field fd = FieldRegistry.create("fd.num", null);
        Field fdName = FieldRegistry.create("fd.name", null);
        Field fdType = FieldRegistry.create("fd.type", null);
        Field write = FieldRegistry.create("evt.is_io_write", null);
        Field res = FieldRegistry.create("evt.rawres", null);
        List<EchoChunk> out = new ArrayList<>();
        runFiltered(f, max, c -> {
            int di = c.ev.paramIndex("data");
            if (di < 0 || !c.ev.hasParam(di)) {
                return;
            }
            byte[] data = new byte[c.ev.paramLen(di)];
            System.arraycopy(c.ev.buffer(), c.ev.paramOffset(di), data, 0, data.length);
            out.add(new EchoChunk(longOf(num, c), c.ev.ts(), longOf(pid, c), longOf(tid, c), textOf(pname, c),
                    longOf(fd, c), textOf(fdName, c), textOf(fdType, c), longOf(write, c) != 0, longOf(res, c), data));
        });
        return out;
    }

    @Override
    public void close() {
    }

    // ---- planning -----------------------------------------------------------------------------------------

    private record Plan(ViewInfo view, int depth, String filter, String selection) {
    }

    private Plan plan(ViewQuery q) {
        try {
            DrillPath path = new DrillPath();
            int depth = 0;
            List<Selection> sels = q.path();
            for (int i = 0; i < sels.size(); i++) {
                Selection s = sels.get(i);
                ViewInfo v = catalog.select(s.viewId());
                ViewColumn key = v.key();
                if (key == null) {
                    throw new ExploreException("view " + v.id() + " has no key to drill down from");
                }
                String field = key.filterField(depth);
                String next = i + 1 < sels.size() ? sels.get(i + 1).viewId() : q.viewId();
                if (v.drilldownIncreaseDepth() && !"spectro_tracers".equals(next)) {
                    depth++;
                }
                String vfilter = v.propagateFilter() ? v.filter(depth) : "";
                path.push(new DrillPath.Step(field, quote(s.key()), key, vfilter));
            }
            ViewInfo view = catalog.select(q.viewId());
            String selection = DrillPath.both(DrillPath.both(q.filter(), q.range().asFilter()), path.filter(false));
            String complete = DrillPath.both(selection, view.filter(depth));
            return new Plan(view, depth, complete, selection);
        } catch (ViewException e) {
            throw new ExploreException(e.getMessage(), e);
        }
    }

    /** A key as a filter value: quoted, so that names with spaces or operators stay one value. */
    static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void check(String filter) {
        if (filter.isBlank()) {
            return;
        }
        try {
            FilterCompiler.compile(filter);
        } catch (FilterException e) {
            throw new ExploreException(e.getMessage(), e);
        }
    }

    // ---- runs ---------------------------------------------------------------------------------------------

    private void runView(Plan plan, ViewQuery q, ViewSnapshot[] out) {
        ViewFeed feed = new ViewFeed();
        Pipeline p = pipeline(null, feed, -1);
        var state = p.context().state;
        try {
            out[0] = new ViewSnapshot(plan.view, plan.depth, plan.filter, q.sortColumn(), q.ascending(),
                    new ThreadPass(state, ThreadOrder.follow(state)));
        } catch (ViewException e) {
            throw new ExploreException(e.getMessage(), e);
        }
        feed.view = out[0];
        finish(p.run());
    }

    /** The view engine as a sink: every event after the state update, then the end of the capture. */
    private static final class ViewFeed implements Sink {
        ViewSink view;
        EventContext last;

        @Override
        public boolean onEvent(EventContext c) {
            last = c;
            view.onEvent(c);
            return true;
        }

        @Override
        public void end(Run run, boolean complete) {
            if (complete) {
                view.onEnd(last);
            }
        }
    }

    private void runFiltered(String filter, long max, Consumer<EventContext> action) {
        runFiltered(filter, max, r -> { }, action);
    }

    private void runFiltered(String filter, long max, Consumer<Run> started, Consumer<EventContext> action) {
        Pipeline p = pipeline(filter, new Sink() {
            @Override
            public void start(Run run) {
                started.accept(run);
            }

            @Override
            public boolean onEvent(EventContext c) {
                action.accept(c);
                return true;
            }
        }, max);
        finish(p.run());
    }

    private Pipeline pipeline(String filter, Sink sink, long max) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Pipeline.Builder b = Pipeline.builder().source(new Source.TraceFile(trace)).portNames(ports).sink(sink)
                .errors(new PrintStream(errors, true, StandardCharsets.UTF_8), "");
        if (filter != null && !filter.isBlank()) {
            try {
                b.filter(filter);
            } catch (FilterException e) {
                throw new ExploreException(e.getMessage(), e);
            }
        }
        if (max >= 0) {
            b.maxEvents(max);
        }
        return b.build();
    }

    private static void finish(Outcome o) {
        if (o.exitCode() != 0) {
            throw new ExploreException(o.error() == null ? "the capture could not be read" : o.error());
        }
    }

    private static long longOf(Field f, EventContext c) {
        return f.extract(c) ? f.value.num : -1;
    }

    private static String textOf(Field f, EventContext c) {
        if (!f.extract(c)) {
            return "";
        }
        ByteBuf b = new ByteBuf(64);
        f.appendText(b);
        return new String(b.array(), 0, b.length(), StandardCharsets.UTF_8);
    }
}
