package io.jdig.explore;

import io.jdig.chisel.ChiselLocator;
import io.jdig.event.ByteBuf;
import io.jdig.event.Category;
import io.jdig.event.meta.Metadata;
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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An exploration of one capture: the questions the terminal and web UIs ask (a view through a drill-down path,
 * the events or the I/O data of a selection, the overview) answered over a trace file or a live system.
 *
 * <h2>How answers are made fast</h2>
 * <ul>
 * <li><b>One read.</b> {@link #open} reads the trace file once, through the pipeline, and keeps every raw event (in
 * sysdig's layout, with its CPU and block flags) in an {@link EventStore}: a private, already unlinked temporary
 * file mapped into memory, so the events live in the page cache and not on the Java heap, and a gzip trace is
 * inflated only once. The capture's header metadata is kept too. Progress of that read goes to a listener.</li>
 * <li><b>Replays, never the file.</b> Every later answer (a view, a drill-down, a time range, dig, echo) runs the
 * same pipeline over the stored events ({@link Source.Recorded}): the state starts from the kept metadata and the
 * events are copied from the mapped store a megabyte at a time. The answer is then exactly what the pipeline
 * gives over the file, which is what {@code cjdig -r T -v VIEW --raw FILTER} prints.</li>
 * <li><b>Results cached, several views per replay.</b> An answer is kept per query (an LRU), so going back, or
 * returning to a view, is immediate; one replay feeds any number of views at once, and right after the first read
 * background replays compute the views the overview's tiles lead to, then the other views (eight per replay), so
 * that a view switch at the top finds its table ready.</li>
 * <li><b>The overview in the first read.</b> {@link #summary()} is the {@code wsysdig_summary} chisel's computation
 * done in Java while the file is read (see {@link SummaryRecorder}), with no second pass over the events' data.</li>
 * </ul>
 *
 * <p>Memory: the heap holds the header metadata, a sparse index (a time and position for every 1024th event), the
 * summary's log of contributing events (20 bytes an entry, one to four entries for each I/O, process or network
 * event), the names of the files and connections touched and the cached results; the events themselves (their
 * uncompressed size, without block headers) are in the mapped temporary file, which the kernel pages in and out as
 * memory allows. A capture of 5 GB uncompressed costs 5 GB of temporary disk space and, on the heap, a few hundred
 * MB at most (about 50 million events of 100 bytes: 1.4 MB of index, and up to a few hundred MB of log when most
 * events are I/O).
 *
 * <p>Live, every structure that grows with the events is bounded by the ring: the ring itself (in bytes), its index,
 * the overview's log and names (pruned to the events the ring holds, see {@link SummaryRecorder}), the tables each
 * chunk of the ring starts with (one per chunk, for replays of a ring whose beginning was dropped), and the views
 * sampled (the most recently asked).
 *
 * <p>Live ({@link #live}): the pipeline's live source feeds the same structures; the store is then a ring holding
 * the last seconds (bounded in bytes) that {@link #saveRecent} writes out as a trace file, views are sampled every
 * two seconds as csysdig does live, and listeners are told after each sample.
 *
 * <p>A capture whose file holds more than one section (its state restarted mid-way) is answered by reading the
 * file again for each question, as before: the stored header could not describe it.
 */
public final class Exploration implements AutoCloseable {
    /** Samples of the overview, as the chisel takes them. */
    public static final int SUMMARY_SAMPLES = 400;
    private static final int CACHE_SIZE = 256;

    private final Path trace;
    private final String name;
    private final ViewCatalog catalog;
    private final PortNames ports;
    private final EventStore store;
    private final Metadata header;
    private final boolean rereadFile;
    private final long firstTs;
    private final long lastTs;
    private final long events;
    private final Summary summary;
    /** The overview's log of the first read, for the overview of a time range (null live: the session has one). */
    private final SummaryRecorder recorder;
    private final Map<CacheKey, CompletableFuture<ViewResult>> cache = new LinkedHashMap<>(64, 0.75f, true);
    private final Thread warming;
    private final LiveSession live;
    private volatile boolean closed;

    private Exploration(Path trace, ViewCatalog catalog, PortNames ports, EventStore store, Metadata header,
                        boolean rereadFile, long[] span, Summary summary, SummaryRecorder recorder) {
        this.trace = trace;
        this.name = trace.toString();
        this.catalog = catalog;
        this.ports = ports;
        this.store = store;
        this.header = header;
        this.rereadFile = rereadFile;
        this.firstTs = span[0];
        this.lastTs = span[1];
        this.events = span[2];
        this.summary = summary;
        this.recorder = recorder;
        this.live = null;
        this.warming = Thread.ofPlatform().daemon().name("jdig-explore-warm").unstarted(this::warm);
    }

    private Exploration(ViewCatalog catalog, PortNames ports, LiveSession live) {
        this.trace = null;
        this.name = "live";
        this.catalog = catalog;
        this.ports = ports;
        this.store = live.store;
        this.header = null;
        this.rereadFile = false;
        this.firstTs = 0;
        this.lastTs = 0;
        this.events = 0;
        this.summary = null;
        this.recorder = null;
        this.live = live;
        this.warming = null;
    }

    /** Settings of an exploration: where views are found, container columns ({@code -pc}), service names. */
    public record Settings(List<String> chiselPaths, boolean containers, boolean inspectorViews, PortNames ports) {
        public static final Settings DEFAULT = new Settings(List.of(), false, false, PortNames.NUMBERS);
    }

    /**
     * Settings of a live session.
     *
     * @param keepSeconds how far back {@link #saveRecent} can go
     * @param keepBytes   the most memory the ring of recent events may take (its oldest events are dropped)
     * @param snaplen     bytes of each I/O buffer to capture, or -1 for the default
     */
    public record LiveOptions(double keepSeconds, long keepBytes, int snaplen, long sampleMs) {
        public static final LiveOptions DEFAULT = new LiveOptions(300, 1L << 30, -1, 2000);

        public LiveOptions {
            if (sampleMs <= 0) {
                throw new IllegalArgumentException("the time between samples must be positive, not " + sampleMs);
            }
        }

        /** The same options with views sampled every {@code ms} milliseconds (csysdig's -d). */
        public LiveOptions withSampleMs(long ms) {
            return new LiveOptions(keepSeconds, keepBytes, snaplen, ms);
        }

        /** The same options with a ring of at most {@code bytes}. */
        public LiveOptions withKeepBytes(long bytes) {
            return new LiveOptions(keepSeconds, bytes, snaplen, sampleMs);
        }

        /** The same options with {@link Exploration#saveRecent} going back at most {@code seconds}. */
        public LiveOptions withKeepSeconds(double seconds) {
            return new LiveOptions(seconds, keepBytes, snaplen, sampleMs);
        }

        /** The same options with that snaplen (-1: the default). */
        public LiveOptions withSnaplen(int len) {
            return new LiveOptions(keepSeconds, keepBytes, len, sampleMs);
        }
    }

    /**
     * Starts a live session (as root): the live system's events feed the ring, the overview and the views asked
     * for, sampled every {@link LiveOptions#sampleMs} (two seconds by default).
     *
     * @throws ExploreException when live capture cannot start (not root, no BPF...)
     */
    public static Exploration live(Settings settings) {
        return live(settings, LiveOptions.DEFAULT);
    }

    /** {@link #live(Settings)} with the ring's bounds and the snaplen. */
    public static Exploration live(Settings settings, LiveOptions options) {
        EventStore store;
        try {
            store = EventStore.ring(null, options.keepBytes());
        } catch (IOException e) {
            throw new ExploreException("cannot make a temporary file for the recent events: "
                    + Pipeline.describe(e), e);
        }
        return live(settings, new LiveSession(store, options, settings.ports()));
    }

    /**
     * A live session's structures fed from a trace file instead of the live system, with a ring of
     * {@code chunkBytes} chunks (tests: a ring that drops its beginning, without root).
     */
    static Exploration replayedLive(Path trace, Settings settings, LiveOptions options, int chunkBytes, int logRoom)
            throws IOException {
        EventStore store = EventStore.ring(null, options.keepBytes(), chunkBytes);
        LiveSession s = new LiveSession(store, options, settings.ports(), new Source.TraceFile(trace));
        s.logRoom(logRoom);
        return live(settings, s);
    }

    /** The live session (null on a file). */
    LiveSession session() {
        return live;
    }

    private static Exploration live(Settings settings, LiveSession session) {
        ViewCatalog catalog = catalogOf(settings);
        Exploration x = new Exploration(catalog, settings.ports(), session);
        try {
            session.start();
        } catch (RuntimeException e) {
            x.close();
            throw e;
        }
        return x;
    }

    /**
     * Live: {@code listener} is called (on the capture's thread: keep it short) after each two-second sample of the
     * views, or every two seconds when nothing happens. On a file it is never called.
     */
    public void addRefreshListener(Runnable listener) {
        if (live != null) {
            live.addListener(listener);
        }
    }

    /** How far the first read of a trace has got: called now and then with a fraction from 0 to 1. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(double fraction);
    }

    /**
     * Opens a trace file and reads it once (its time span, its size in events).
     *
     * @throws ExploreException when it cannot be read
     */
    public static Exploration open(Path trace, Settings settings) {
        return open(trace, settings, null);
    }

    /**
     * Opens a trace file and reads it once into memory (see the class description), telling {@code progress}
     * (may be null) how far it has got; then the root views are computed in the background.
     *
     * @throws ExploreException when it cannot be read
     */
    public static Exploration open(Path trace, Settings settings, ProgressListener progress) {
        if (!Files.isReadable(trace)) {
            throw new ExploreException(trace + ": no such file or not readable");
        }
        ViewCatalog catalog = catalogOf(settings);
        EventStore store;
        try {
            store = EventStore.unbounded(null);
        } catch (IOException e) {
            throw new ExploreException("cannot make a temporary file for the capture's events: "
                    + Pipeline.describe(e), e);
        }
        try {
            FirstRead first = new FirstRead(store, progress);
            Pipeline p = Pipeline.builder().source(new Source.TraceFile(trace)).portNames(settings.ports())
                    .sink(first).tap(first).errors(new PrintStream(new ByteArrayOutputStream(), true,
                            StandardCharsets.UTF_8), "").cutShortEnds(true).build();
            first.recorder = new SummaryRecorder(p.context().state);
            List<Pending> early = new ArrayList<>();
            List<ViewSnapshot> earlyViews = new ArrayList<>();
            ThreadPass pass = new ThreadPass(p.context().state, first.order);
            for (String id : EARLY_VIEWS) {
                try {
                    ViewQuery q = ViewQuery.of(id);
                    Plan plan = plan(catalog, q);
                    earlyViews.add(new ViewSnapshot(plan.view, plan.depth, plan.filter, q.sortColumn(),
                            q.ascending(), pass));
                    early.add(new Pending(plan, q));
                } catch (ExploreException | ViewException e) {
                    // not among the views offered (or broken): computed, or reported, when asked for
                }
            }
            first.views = earlyViews.toArray(ViewSnapshot[]::new);
            Outcome read = p.run();
            finish(read);
            if (progress != null) {
                progress.progress(1.0);
            }
            SummaryRecorder rec = first.recorder;
            Summary summary = rec.build(store.reader(), 0, SUMMARY_SAMPLES);
            long[] span = {first.firstTs, first.lastTs, rec.delivered()};
            Exploration x = new Exploration(trace, catalog, settings.ports(), store, first.header, rec.sections > 1,
                    span, summary, rec);
            x.cutShort = read.cutShort();
            for (int i = 0; i < early.size(); i++) {
                x.adopt(early.get(i), earlyViews.get(i));
            }
            x.warming.start();
            return x;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static ViewCatalog catalogOf(Settings settings) {
        try {
            ChiselLocator locator = ChiselLocator.standard(settings.chiselPaths(), System.getenv("JDIG_CHISEL_PATH"));
            return ViewCatalog.load(locator, settings.containers(), settings.inspectorViews());
        } catch (ViewException e) {
            throw new ExploreException(e.getMessage(), e);
        }
    }

    /**
     * The root views computed during the first read itself (the pass reads and follows the state anyway), ready as
     * soon as the overview is: the processes, which the UIs open first and which cost the most to replay. Each view
     * added here makes the first read longer (measured on 5 million events: the processes add about a second, the
     * files, connections and system calls together as much again), so the others are left to the background
     * replays that start with the overview.
     */
    private static final List<String> EARLY_VIEWS = List.of("procs");

    /** A view computed by the first read: cached as a replay's would be. */
    private void adopt(Pending p, ViewSnapshot s) {
        ViewResult r = kept(p, s);
        synchronized (cache) {
            cache.putIfAbsent(CacheKey.of(p.plan, p.q), CompletableFuture.completedFuture(r));
        }
    }

    /** The answer a computed table gives; the table is kept to be sorted again when it is not too big. */
    private ViewResult kept(Pending p, ViewSnapshot s) {
        if (s.canResort() && s.rows().size() <= 100_000) {
            synchronized (tables) {
                tables.putIfAbsent(TableKey.of(p.plan), s);
            }
        }
        return result(p.plan, p.q, s.rows(), s.sortColumn(), s.ascending(), s.events());
    }

    /**
     * The first read: every raw event into the store, every delivered one to the summary and to the views
     * computed on the way.
     */
    private static final class FirstRead implements Sink, Pipeline.RawTap {
        final EventStore store;
        final ProgressListener progress;
        final ThreadOrder order = new ThreadOrder();
        ViewSnapshot[] views = new ViewSnapshot[0];
        EventContext last;
        SummaryRecorder recorder;
        Metadata header;
        long raw;
        long firstTs;
        long lastTs;
        java.util.function.LongSupplier bytesRead = () -> 0;
        long size = -1;

        FirstRead(EventStore store, ProgressListener progress) {
            this.store = store;
            this.progress = progress;
        }

        @Override
        public void onOpen(java.util.function.LongSupplier read, long fileSize) {
            bytesRead = read;
            size = fileSize;
        }

        @Override
        public void onEvent(byte[] buf, int off, int cpu, int flags) {
            store.append(buf, off, cpu, flags);
            if ((++raw & 0xffff) == 0 && progress != null && size > 0) {
                progress.progress(Math.min(0.999, (double) bytesRead.getAsLong() / size));
            }
        }

        @Override
        public void init(Run run) {
            run.state().observeTable(io.jdig.state.StateEngine.TableObserver.both(order, recorder));
        }

        @Override
        public void end(Run run, boolean complete) {
            if (complete) {
                for (ViewSnapshot v : views) {
                    v.onEnd(last);
                }
            }
        }

        @Override
        public void start(Run run) {
            if (header == null) {
                header = run.metadata();
            }
            recorder.start();
        }

        @Override
        public boolean onEvent(EventContext c) {
            long ts = c.ev.ts();
            if (firstTs == 0) {
                firstTs = ts;
            }
            lastTs = ts;
            recorder.checkContainersEachEvent(raw - 1);
            recorder.onEvent(c, raw - 1);
            last = c;
            for (ViewSnapshot v : views) {
                v.onEvent(c);
            }
            return true;
        }

        @Override
        public boolean needsMetadata() {
            return true;
        }
    }

    public ViewCatalog catalog() {
        return catalog;
    }

    /** The time of the first and the last event (live: of those held now). */
    public TimeRange span() {
        if (live != null) {
            return new TimeRange(store.firstTs(), Math.max(store.firstTs(), store.lastTs()));
        }
        return new TimeRange(firstTs, lastTs);
    }

    /** How many events the capture holds (live: how many have been captured so far). */
    public long events() {
        return live != null ? live.delivered() : events;
    }

    public String source() {
        return name;
    }

    /**
     * Why the trace file could not be read to its end (cut short, or damaged from some point on), or null when it
     * was read whole. Everything here is then of the events before that point, as csysdig shows such a file.
     */
    public String cutShort() {
        return cutShort;
    }

    private volatile String cutShort;

    /** Whether this is a live session ({@link #live}). */
    public boolean isLive() {
        return live != null;
    }

    /**
     * The overview: the {@code wsysdig_summary} chisel's metrics in {@value #SUMMARY_SAMPLES} samples over the
     * capture (live: over the events the ring holds now).
     */
    public Summary summary() {
        if (live != null) {
            return live.summary();
        }
        return summary;
    }

    /**
     * The overview over a part of the capture: what the {@code wsysdig_summary} chisel prints when it is run with
     * the range as a filter ({@link TimeRange#asFilter}), every tile exact (totals, maxima and the timeline, whose
     * samples still divide the whole capture, as the chisel's do: those outside the range are zero but for the
     * running containers, whose table the chisel does not filter). One pass over the stored events' times; the
     * last few ranges asked for are kept.
     */
    public Summary summary(TimeRange range) {
        if (range == null || range.isAll()) {
            return summary();
        }
        if (live != null) {
            return live.summary(range);
        }
        synchronized (rangeSummaries) {
            Summary s = rangeSummaries.get(range);
            if (s != null) {
                return s;
            }
        }
        Summary s;
        foreground.incrementAndGet();
        try {
            synchronized (recorder) {
                s = recorder.build(store.reader(), 0, SUMMARY_SAMPLES, recorder.firstTs(), recorder.lastTs(), range);
            }
        } finally {
            foreground.decrementAndGet();
        }
        synchronized (rangeSummaries) {
            rangeSummaries.put(range, s);
        }
        return s;
    }

    private final Map<TimeRange, Summary> rangeSummaries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TimeRange, Summary> e) {
            return size() > 16;
        }
    };

    /**
     * Answers a view query: from the cache, else by sorting a cached table again, else by one replay of the stored
     * events (live: the view's last two-second sample; the first query of a view starts sampling it).
     *
     * @throws ExploreException for an unknown view or a bad filter (its message says where)
     */
    public ViewResult view(ViewQuery q) {
        Plan plan = plan(q);
        if (live != null) {
            return live.view(this, plan, q);
        }
        checkViewFilter(plan);
        CacheKey key = CacheKey.of(plan, q);
        CompletableFuture<ViewResult> mine;
        CompletableFuture<ViewResult> f;
        synchronized (cache) {
            f = cache.get(key);
            if (f == null || f.isCompletedExceptionally()) {
                mine = new CompletableFuture<>();
                cache.put(key, mine);
                trimCache();
                f = null;
            } else {
                mine = null;
            }
        }
        if (f != null) {
            try {
                return f.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof ExploreException x) {
                    throw x;
                }
                throw e;
            }
        }
        CompletableFuture<ViewResult> background;
        synchronized (cache) {
            background = inflight.get(key);
        }
        if (background != null) {
            // the background replay under way computes it: wait for it rather than stop it
            try {
                ViewResult r = background.join();
                mine.complete(r);
                return r;
            } catch (java.util.concurrent.CompletionException e) {
                // it gave way to another question: compute it here
            }
        }
        foreground.incrementAndGet();
        try {
            ViewResult r = resortedFromCache(plan, q);
            if (r == null) {
                r = replayViews(List.of(new Pending(plan, q))).get(0);
            }
            mine.complete(r);
            return r;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            synchronized (cache) {
                cache.remove(key, mine);
            }
            throw e;
        } finally {
            foreground.decrementAndGet();
        }
    }

    /** The same table sorted another way, when a replay made it already: sorted again, no replay. */
    private ViewResult resortedFromCache(Plan plan, ViewQuery q) {
        ViewSnapshot snap;
        synchronized (tables) {
            snap = tables.get(TableKey.of(plan));
        }
        if (snap == null) {
            return null;
        }
        synchronized (snap) {
            snap.resort(q.sortColumn(), q.ascending());
            return result(plan, q, snap.rows(), snap.sortColumn(), snap.ascending(), snap.events());
        }
    }

    /**
     * Computes several views in one replay and caches them (for a UI that knows what it will show next). Views
     * already cached are left out.
     */
    public void prefetch(List<ViewQuery> queries) {
        prefetch(queries, false);
    }

    /**
     * @param yielding give way to questions asked meanwhile: the replay stops when one starts (false is returned)
     *                 and nothing of it is kept
     */
    private boolean prefetch(List<ViewQuery> queries, boolean yielding) {
        if (live != null) {
            return true;
        }
        List<Pending> todo = new ArrayList<>();
        java.util.Set<CacheKey> seen = new java.util.HashSet<>();
        synchronized (cache) {
            for (ViewQuery q : queries) {
                Plan plan;
                try {
                    plan = plan(q);
                    checkViewFilter(plan);
                } catch (ExploreException e) {
                    continue;
                }
                CacheKey key = CacheKey.of(plan, q);
                if (!cache.containsKey(key) && seen.add(key)) {
                    todo.add(new Pending(plan, q));
                }
            }
        }
        if (todo.isEmpty()) {
            return true;
        }
        List<CompletableFuture<ViewResult>> announced = new ArrayList<>();
        synchronized (cache) {
            for (Pending t : todo) {
                CompletableFuture<ViewResult> f = new CompletableFuture<>();
                inflight.put(CacheKey.of(t.plan, t.q), f);
                announced.add(f);
            }
        }
        List<Object> rs;
        boolean failed = false;
        try {
            rs = replayAll(todo, yielding);
        } catch (RuntimeException e) {
            rs = null;
            failed = true; // each view will say what is wrong when it is asked for
        }
        synchronized (cache) {
            for (int i = 0; i < todo.size(); i++) {
                CacheKey k = CacheKey.of(todo.get(i).plan, todo.get(i).q);
                inflight.remove(k);
                if (rs != null && rs.get(i) instanceof ViewResult r) {
                    cache.putIfAbsent(k, CompletableFuture.completedFuture(r));
                    announced.get(i).complete(r);
                } else {
                    announced.get(i).completeExceptionally(new ExploreException("not computed in the background"));
                }
            }
            trimCache();
        }
        return rs != null || failed || !yielding;
    }

    /** Views a background replay is computing now. */
    private final Map<CacheKey, CompletableFuture<ViewResult>> inflight = new java.util.HashMap<>();

    /** Whether the answer to {@code q} is ready (cached), so that asking costs nothing. */
    public boolean isReady(ViewQuery q) {
        if (live != null) {
            return true;
        }
        Plan plan;
        try {
            plan = plan(q);
        } catch (ExploreException e) {
            return true;
        }
        synchronized (cache) {
            CompletableFuture<ViewResult> f = cache.get(CacheKey.of(plan, q));
            return f != null && f.isDone();
        }
    }

    private void trimCache() {
        var it = cache.entrySet().iterator();
        while (cache.size() > CACHE_SIZE && it.hasNext()) {
            var e = it.next();
            if (e.getValue().isDone()) {
                it.remove();
            }
        }
    }

    /**
     * In the background after the first read, giving way to any question asked meanwhile: the views the overview's
     * tiles open, then every other view (spectrograms aside), then the drill-downs from the first rows of the
     * tiles' views.
     */
    private void warm() {
        List<ViewQuery> first = new ArrayList<>();
        List<ViewQuery> rest = new ArrayList<>();
        java.util.Set<String> tiles = new java.util.LinkedHashSet<>(List.of("procs", "files", "connections",
                "syscalls", "sports"));
        if (summary != null) {
            for (Summary.Metric m : summary.metrics()) {
                tiles.add(m.targetView());
            }
        }
        for (ViewInfo v : catalog.views()) {
            if (v.type() == io.jdig.view.ViewType.SPECTROGRAM) {
                continue;
            }
            (tiles.contains(v.id()) ? first : rest).add(ViewQuery.of(v.id()));
        }
        List<List<ViewQuery>> batches = new ArrayList<>();
        for (int i = 0; i < first.size(); i += WARM_BATCH) {
            batches.add(first.subList(i, Math.min(first.size(), i + WARM_BATCH)));
        }
        for (int i = 0; i < rest.size(); i += WARM_BATCH) {
            batches.add(rest.subList(i, Math.min(rest.size(), i + WARM_BATCH)));
        }
        try {
            for (List<ViewQuery> b : batches) {
                warmBatch(b);
            }
            List<ViewQuery> downs = new ArrayList<>();
            for (ViewQuery top : first) {
                if (!isReady(top)) {
                    continue;
                }
                List<ViewResult.Row> rows = view(top).rows();
                for (int i = 0; i < Math.min(DRILL_WARM_ROWS, rows.size()); i++) {
                    ViewQuery d = drillDown(top, rows.get(i).key());
                    if (d != null) {
                        downs.add(d);
                    }
                }
            }
            for (int i = 0; i < downs.size(); i += WARM_BATCH) {
                warmBatch(downs.subList(i, Math.min(downs.size(), i + WARM_BATCH)));
            }
        } catch (RuntimeException e) {
            // a view that cannot be computed is reported when it is asked for
        }
    }

    private static final int DRILL_WARM_ROWS = 8;
    /**
     * Views per background replay: a replay of several views costs less than one each, but a question that waits
     * for one waits for all of its views.
     */
    private static final int WARM_BATCH = 3;

    private void warmBatch(List<ViewQuery> batch) {
        while (!closed) {
            while (foreground.get() > 0 && !closed) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (closed || prefetch(batch, true)) {
                return;
            }
        }
    }

    /** Waits until the background replays are over (for tests and benchmarks). */
    public void awaitWarm() throws InterruptedException {
        if (warming != null) {
            warming.join();
        }
    }

    /** Views whose replay is under way for a question (background replays give way to them). */
    private final java.util.concurrent.atomic.AtomicInteger foreground = new java.util.concurrent.atomic.AtomicInteger();

    /** Tables kept after their replay, to be sorted again: by view, depth and filter. */
    private final Map<TableKey, ViewSnapshot> tables = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TableKey, ViewSnapshot> e) {
            return size() > TABLES_KEPT;
        }
    };
    private static final int TABLES_KEPT = 64;

    private record TableKey(String view, int depth, String filter) {
        static TableKey of(Plan p) {
            return new TableKey(p.view.id(), p.depth, p.filter);
        }
    }

    private record CacheKey(String view, int depth, String filter, int sort, Boolean asc) {
        static CacheKey of(Plan p, ViewQuery q) {
            return new CacheKey(p.view.id(), p.depth, p.filter, q.sortColumn(), q.ascending());
        }
    }

    private record Pending(Plan plan, ViewQuery q) {
    }

    private void checkViewFilter(Plan plan) {
        check(plan.filter);
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

    /** The view csysdig's F12 opens on a selection. */
    public static final String SPECTROGRAM_VIEW = "spectro_all";
    /** csysdig's refresh interval for spectrograms on a file: a quarter of the tables' two seconds. */
    public static final long SPECTROGRAM_INTERVAL_NS = 500_000_000L;

    /**
     * The latency spectrogram of a query (csysdig's F12): of its view when that is a spectrogram view, otherwise
     * of {@value #SPECTROGRAM_VIEW} over the query's selection (its user filter, time range and drill-down path,
     * not its view's own filter), sampled every {@link #SPECTROGRAM_INTERVAL_NS} of capture time over a replay of
     * the stored events.
     *
     * @param width the number of latency buckets (a screen's columns; -1 gives csysdig's batch quantization)
     * @throws ExploreException when the view or the filter is invalid
     */
    public Spectrogram spectrogram(ViewQuery q, int width) {
        SpectroTable t = spectroTable(q, width, SPECTROGRAM_INTERVAL_NS);
        SpectrogramFeed[] feed = new SpectrogramFeed[1];
        Sink sink = new Sink() {
            @Override
            public boolean onEvent(EventContext c) {
                return feed[0].onEvent(c);
            }

            @Override
            public void end(Run run, boolean complete) {
                feed[0].end(run, complete);
            }
        };
        Pipeline p = pipeline(null, sink, -1);
        var state = p.context().state;
        feed[0] = new SpectrogramFeed(t.table, new ThreadPass(state, ThreadOrder.follow(state)));
        foreground.incrementAndGet();
        try {
            finish(p.run());
        } finally {
            foreground.decrementAndGet();
        }
        return new Spectrogram(t.view.id(), t.filter, width, SPECTROGRAM_INTERVAL_NS, feed[0].samples());
    }

    /**
     * Live: the latency spectrogram of a query as {@link #spectrogram} makes it, but sampled from now on by the live
     * capture (a row each refresh interval, csysdig's live F12) until the caller closes it.
     *
     * @throws ExploreException when the view or the filter is invalid, or this is not a live session
     */
    public LiveSpectrogram liveSpectrogram(ViewQuery q, int width) {
        if (live == null) {
            throw new ExploreException("a live spectrogram needs a live session");
        }
        SpectroTable t = spectroTable(q, width, live.spectrogramIntervalNs());
        return live.spectrogram(t.view.id(), t.filter, width, t.table);
    }

    /** A spectrogram's view, complete filter and table. */
    private record SpectroTable(ViewInfo view, String filter, io.jdig.view.ViewTable table) {
    }

    private SpectroTable spectroTable(ViewQuery q, int width, long intervalNs) {
        Plan plan = plan(q);
        ViewInfo view = plan.view;
        int depth = plan.depth;
        String filter = plan.filter;
        try {
            if (view.type() != io.jdig.view.ViewType.SPECTROGRAM) {
                view = catalog.select(SPECTROGRAM_VIEW);
                filter = DrillPath.both(plan.selection, view.filter(depth));
            }
        } catch (ViewException e) {
            throw new ExploreException(e.getMessage(), e);
        }
        check(filter);
        io.jdig.filter.EventPredicate predicate = null;
        if (!filter.isBlank()) {
            try {
                predicate = FilterCompiler.compile(filter);
            } catch (FilterException e) {
                throw new ExploreException(e.getMessage(), e);
            }
        }
        ViewInfo v = view;
        io.jdig.filter.EventPredicate pred = predicate;
        io.jdig.view.ViewTable table;
        try {
            table = io.jdig.field.LatencyScale.with(width,
                    () -> new io.jdig.view.ViewTable(v, depth, pred, intervalNs));
        } catch (ViewException e) {
            throw new ExploreException(e.getMessage(), e);
        }
        table.sortBy(v.sortingCol());
        return new SpectroTable(v, filter, table);
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

    /**
     * Writes the events of the last {@code seconds} of the capture (live: of those the ring still holds) to a
     * trace file sysdig reads, mode 0600, with the processes and their fds at its head.
     *
     * @return how many events were written
     * @throws ExploreException when the file cannot be written
     */
    public long saveRecent(Path file, double seconds) {
        long cut = live != null ? live.cutFor(seconds) : lastTs - (long) (seconds * 1e9);
        Metadata base = live != null ? live.machine() : header;
        return TraceSaver.save(store, tablesAt(cut, base), file, cut);
    }

    /**
     * The processes and their fds as the state engine has them just before the first stored event at or after
     * {@code ts} (a replay of the stored events up to there), with {@code base}'s machine, users and groups; as
     * sysdig heads each file it writes with the tables of that moment. A file saved from a cut then names the
     * files, sockets and processes of the events after it, also those opened or started before it.
     */
    private Metadata tablesAt(long ts, Metadata base) {
        Metadata[] at = {null};
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Pipeline.Builder b = replay();
        io.jdig.state.StateEngine[] state = {null};
        b.portNames(ports).errors(new PrintStream(errors, true, StandardCharsets.UTF_8), "")
                .tap((buf, off, cpu, flags) -> {
                    if (at[0] == null && Long.compareUnsigned(io.jdig.event.EventView.i64(buf, off), ts) >= 0) {
                        at[0] = io.jdig.state.TableSnapshot.of(state[0], base); // before this event changes them
                    }
                })
                .sink(c -> at[0] == null);
        Pipeline p = b.build();
        state[0] = p.context().state;
        finish(p.run());
        return at[0] != null ? at[0] : io.jdig.state.TableSnapshot.of(state[0], base);
    }

    @Override
    public void close() {
        closed = true;
        foreground.incrementAndGet(); // a background replay under way stops now
        if (live != null) {
            live.stop();
        }
        if (warming != null && warming.isAlive()) {
            try {
                warming.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        store.close();
    }

    // ---- planning -----------------------------------------------------------------------------------------

    /**
     * @param entity the drill-down's selections of one process or thread ({@code proc.pid}, {@code thread.tid}),
     *               "" for none: every event of that process or thread passes it, so a replay may apply it before
     *               the state engine parses (it then skips the parse of other threads' events that do not change
     *               the tables) and still give the same answer
     */
    record Plan(ViewInfo view, int depth, String filter, String selection, String entity) {
    }

    private Plan plan(ViewQuery q) {
        return plan(catalog, q);
    }

    private static Plan plan(ViewCatalog catalog, ViewQuery q) {
        return plan(catalog, q, null);
    }

    /**
     * The filter csysdig gives the echo and dig windows (F5, F6) of the row with {@code key} in {@code q}'s view:
     * the drill-down path with one more level for the row, its key written as it is, and no view's own filter.
     */
    public String spyFilter(ViewQuery q, String key) {
        return plan(catalog, q, key).selection;
    }

    /** @param spyKey a row of the view to see through echo or dig (one more level, not quoted), or null */
    private static Plan plan(ViewCatalog catalog, ViewQuery q, String spyKey) {
        try {
            DrillPath path = new DrillPath();
            String entity = "";
            int depth = 0;
            List<Selection> sels = q.path();
            if (spyKey != null) {
                sels = new ArrayList<>(sels);
                sels.add(new Selection(q.viewId(), spyKey));
            }
            for (int i = 0; i < sels.size(); i++) {
                Selection s = sels.get(i);
                ViewInfo v = catalog.select(s.viewId());
                ViewColumn key = v.key();
                if (key == null) {
                    throw new ExploreException("view " + v.id() + " has no key to drill down from");
                }
                String field = key.filterField(depth);
                boolean quoted = key.quotedWhenSelected(depth) && (spyKey == null || i < sels.size() - 1);
                String next = i + 1 < sels.size() ? sels.get(i + 1).viewId() : q.viewId();
                if (v.drilldownIncreaseDepth() && !"spectro_tracers".equals(next)) {
                    depth++;
                }
                String vfilter = v.propagateFilter() ? v.filter(depth) : "";
                String value = DrillPath.selected(s.key(), quoted);
                path.push(new DrillPath.Step(field, value, key, vfilter));
                if (field.equals("proc.pid") || field.equals("thread.tid")) {
                    entity = DrillPath.both(entity, field + "=" + value);
                }
            }
            ViewInfo view = catalog.select(q.viewId());
            String selection = DrillPath.both(DrillPath.both(q.filter(), q.range().asFilter()), path.filter(false));
            String complete = DrillPath.both(selection, view.filter(depth));
            return new Plan(view, depth, complete, selection, entity);
        } catch (ViewException e) {
            throw new ExploreException(e.getMessage(), e);
        }
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

    /** The answer read from the trace file itself, as before the store: what tests compare the store's with. */
    ViewResult viewFromFile(ViewQuery q) {
        Plan plan = plan(q);
        ViewFeed feed = new ViewFeed(null);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Pipeline p = Pipeline.builder().source(new Source.TraceFile(trace)).portNames(ports).sink(feed)
                .errors(new PrintStream(errors, true, StandardCharsets.UTF_8), "").cutShortEnds(true).build();
        var state = p.context().state;
        ViewSnapshot snap;
        try {
            snap = new ViewSnapshot(plan.view, plan.depth, plan.filter, q.sortColumn(), q.ascending(),
                    new ThreadPass(state, ThreadOrder.follow(state)));
        } catch (ViewException e) {
            throw new ExploreException(e.getMessage(), e);
        }
        feed.views = new ViewSink[] {snap};
        finish(p.run());
        return result(plan, q, snap.rows(), snap.sortColumn(), snap.ascending(), snap.events());
    }

    /**
     * One replay of the capture feeding every pending view; their results in the same order (a view that cannot
     * be made gives its ExploreException in its place).
     */
    private List<Object> replayAll(List<Pending> todo, boolean yielding) {
        if (todo.isEmpty()) {
            return new ArrayList<>();
        }
        ViewFeed feed = new ViewFeed(yielding ? foreground : null);
        String entity = todo.get(0).plan.entity;
        for (Pending t : todo) {
            if (!t.plan.entity.equals(entity)) {
                entity = "";
            }
        }
        Pipeline p = pipeline(entity.isEmpty() || rereadFile ? null : entity, feed, -1);
        // a time range that ends before the capture's last second: no event after it, and none of the made-up
        // events of the thread pass at the end, can pass the views' filters, so the replay stops at its end and
        // the views are told the capture's last time and size as a full replay would
        long stopAfter = -1;
        long passTs = lastTs - Long.remainderUnsigned(lastTs, 1_000_000_000L) - 1;
        for (Pending t : todo) {
            TimeRange r = t.q.range();
            long end = r.isAll() || Long.compareUnsigned(r.toNs(), passTs) >= 0 ? -1 : r.toNs();
            if (end == -1) {
                stopAfter = -1;
                break;
            }
            stopAfter = stopAfter == -1 ? end : Math.max(stopAfter, end);
        }
        if (!rereadFile && live == null && stopAfter != -1) {
            feed.stopAfter(stopAfter, lastTs, events);
        }
        var state = p.context().state;
        ThreadPass pass = new ThreadPass(state, ThreadOrder.follow(state));
        List<Object> out = new ArrayList<>();
        List<ViewSnapshot> snaps = new ArrayList<>();
        for (Pending t : todo) {
            try {
                ViewSnapshot v = new ViewSnapshot(t.plan.view, t.plan.depth, t.plan.filter, t.q.sortColumn(),
                        t.q.ascending(), pass);
                snaps.add(v);
                out.add(v);
            } catch (ViewException e) {
                out.add(new ExploreException(e.getMessage(), e));
            }
        }
        feed.views = snaps.toArray(ViewSink[]::new);
        finish(p.run());
        if (feed.gaveWay) {
            return null;
        }
        if (feed.views.length == 0) {
            return out;
        }
        for (int i = 0; i < todo.size(); i++) {
            if (out.get(i) instanceof ViewSnapshot s) {
                out.set(i, kept(todo.get(i), s));
            }
        }
        return out;
    }

    private List<ViewResult> replayViews(List<Pending> todo) {
        List<ViewResult> rs = new ArrayList<>();
        for (Object o : replayAll(todo, false)) {
            if (o instanceof ExploreException e) {
                throw e;
            }
            rs.add((ViewResult) o);
        }
        return rs;
    }

    ViewResult result(Plan plan, ViewQuery q, List<ViewSnapshot.TextRow> textRows, int sortColumn, boolean asc,
                      long eventsSeen) {
        ViewInfo v = plan.view;
        List<String> names = v.columnNames();
        List<Integer> sizes = v.columnSizes();
        List<ViewResult.Column> cols = new ArrayList<>();
        List<ViewColumn> vc = v.shownColumns(); // (a grouping view's key columns are not in the order given)
        for (int j = 1; j < names.size(); j++) {
            ViewColumn c = j < vc.size() ? vc.get(j) : null;
            String desc = c != null && c.description() != null ? c.description() : "";
            cols.add(new ViewResult.Column(names.get(j), sizes.get(j), desc, c != null && c.alignsRight()));
        }
        List<ViewResult.Row> rows = new ArrayList<>(textRows.size());
        for (ViewSnapshot.TextRow r : textRows) {
            rows.add(new ViewResult.Row(r.key(), r.cells()));
        }
        ViewColumn key = v.key();
        String drill = key != null && catalog.drillTarget(v, key.filterField(plan.depth)) != null
                ? key.filterField(plan.depth) : null;
        return new ViewResult(q.withView(v.id()).sortedBy(q.sortColumn(), q.ascending()), v.name(), plan.filter,
                List.copyOf(cols), List.copyOf(rows), sortColumn, asc, drill, key != null
                && key.quotedWhenSelected(plan.depth), eventsSeen);
    }

    /** The view engine as a sink: every event after the state update, then the end of the capture. */
    private static final class ViewFeed implements Sink {
        private final java.util.concurrent.atomic.AtomicInteger yieldTo;
        ViewSink[] views;
        EventContext last;
        boolean gaveWay;

        private long stopAfter = -1;
        private long captureLastTs;
        private long captureEvents;
        private long seen;
        private boolean stoppedEarly;

        ViewFeed(java.util.concurrent.atomic.AtomicInteger yieldTo) {
            this.yieldTo = yieldTo;
        }

        /** Stops after the last event at or before {@code ts}; the views then end as at the capture's end. */
        void stopAfter(long ts, long lastTs, long events) {
            stopAfter = ts;
            captureLastTs = lastTs;
            captureEvents = events;
        }

        @Override
        public boolean onEvent(EventContext c) {
            if (yieldTo != null && yieldTo.get() > 0) {
                gaveWay = true;
                return false;
            }
            if (stopAfter != -1 && Long.compareUnsigned(c.ev.ts(), stopAfter) > 0) {
                stoppedEarly = true;
                return false;
            }
            seen++;
            last = c;
            for (ViewSink v : views) {
                v.onEvent(c);
            }
            return true;
        }

        /** An event the replay's entity filter dropped: the views count it and take its time, as unfiltered. */
        @Override
        public void onFilteredOut(EventContext c) {
            seen++;
            last = c;
            for (ViewSink v : views) {
                ((ViewSnapshot) v).onSkipped(c);
            }
        }

        @Override
        public void end(Run run, boolean complete) {
            if (stoppedEarly) {
                for (ViewSink v : views) {
                    ((ViewSnapshot) v).skipTail(captureLastTs, captureEvents - seen);
                }
            }
            if (complete && !gaveWay) {
                for (ViewSink v : views) {
                    v.onEnd(last);
                }
            }
        }
    }

    private void runFiltered(String filter, long max, Consumer<EventContext> action) {
        Pipeline p = pipeline(filter, new Sink() {
            @Override
            public boolean onEvent(EventContext c) {
                action.accept(c);
                return true;
            }
        }, max);
        foreground.incrementAndGet();
        try {
            finish(p.run());
        } finally {
            foreground.decrementAndGet();
        }
    }

    /** The source every answer reads: the stored events, or (a capture of several sections) the file again. */
    private Source replaySource() {
        if (rereadFile) {
            return new Source.TraceFile(trace);
        }
        return new Source.Recorded(name, header, store::reader);
    }

    /** A pipeline being built over the stored events (live: the ring, from the tables where it starts). */
    private Pipeline.Builder replay() {
        // (a capture of several sections is read from its file again: up to where the first read stopped)
        Pipeline.Builder b = Pipeline.builder().cutShortEnds(true);
        if (live != null) {
            LiveSession.Replay r = live.replay(name);
            b.source(r.source());
            if (r.first() != null) {
                b.sink(r.first());
            }
        } else {
            b.source(replaySource());
        }
        return b;
    }

    private Pipeline pipeline(String filter, Sink sink, long max) {
        if (closed) {
            throw new ExploreException("the exploration is closed");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Pipeline.Builder b = replay();
        b.portNames(ports).sink(sink).errors(new PrintStream(errors, true, StandardCharsets.UTF_8), "");
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
