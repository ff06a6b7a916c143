package io.jdig.explore;

import io.jdig.event.meta.Metadata;
import io.jdig.field.EventContext;
import io.jdig.pipeline.Outcome;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.pipeline.Source;
import io.jdig.state.StateEngine;
import io.jdig.view.ThreadOrder;
import io.jdig.view.ThreadPass;
import io.jdig.view.ViewException;
import io.jdig.view.ViewSnapshot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A live session: the pipeline's live source on a thread of its own, feeding a ring of the last events (for
 * {@link Exploration#saveRecent}), the overview's recorder, and the views the UIs have asked for, each sampled as
 * csysdig samples a live capture (every two seconds unless told otherwise, as csysdig's -d does). Listeners are told after each sample.
 */
final class LiveSession {
    final EventStore store;
    private final double keepSeconds;
    private final long sampleNs;
    private final SummaryRecorder recorder;
    private final Pipeline pipeline;
    private final Thread thread;
    private final Map<String, ViewSnapshot> views = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The live spectrograms being sampled (touched on the capture's thread only, changed through pending). */
    private final List<LiveSpectrogram> spectrograms = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Metadata startMeta;
    private volatile Run run;
    private volatile Outcome outcome;
    private volatile long delivered;
    private volatile long lastSample;
    private ThreadPass pass;
    private long raw;

    LiveSession(EventStore store, Exploration.LiveOptions options, io.jdig.state.PortNames ports) {
        this(store, options, ports, new Source.Live(options.snaplen(), true));
    }

    /** A session fed by {@code source} (live capture; tests feed a trace file through the same structures). */
    LiveSession(EventStore store, Exploration.LiveOptions options, io.jdig.state.PortNames ports, Source source) {
        this.store = store;
        this.keepSeconds = options.keepSeconds();
        this.sampleNs = options.sampleMs() * 1_000_000L;
        Feed feed = new Feed();
        this.pipeline = Pipeline.builder().source(source).portNames(ports)
                .sink(feed).tap(feed).errors(new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), "").build();
        StateEngine state = pipeline.context().state;
        this.recorder = new SummaryRecorder(state);
        // the log of the overview keeps only what the ring holds; the ring keeps the tables each chunk starts with
        recorder.pruneBefore(store::firstHeld);
        store.recordHeads(() -> {
            Metadata base = startMeta;
            return base == null ? null : RingHead.of(state, base, pipeline.context().num);
        });
        ThreadOrder order = new ThreadOrder();
        state.observeTable(StateEngine.TableObserver.both(order, recorder));
        this.pass = new ThreadPass(state, order);
        this.thread = Thread.ofPlatform().daemon().name("jdig-explore-live").unstarted(() -> {
            outcome = pipeline.run();
            started.countDown();
        });
    }

    /** Starts capturing; returns once the first events flow, or with the capture's error. */
    void start() {
        thread.start();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outcome != null && outcome.exitCode() != 0) {
            throw new ExploreException(outcome.error() == null ? "live capture could not start" : outcome.error());
        }
    }

    Metadata startMetadata() {
        return startMeta;
    }

    /**
     * What a replay of the ring reads: its events from the oldest chunk on, and the tables that chunk starts with;
     * and the sink to put first among the replay's, which puts back what the tables' records cannot say.
     */
    Replay replay(String name) {
        EventStore.Position from = store.start();
        RingHead head = store.headAt(from);
        // numbered as from the session's start: an event keeps its number while the ring holds it
        long before = head == null ? 0 : head.numbered();
        if (head == null) {
            Metadata start = startMeta == null ? new Metadata() : startMeta;
            return new Replay(new Source.Recorded(name, start, () -> store.reader(from), before), null);
        }
        return new Replay(new Source.Recorded(name, head.tables(), () -> store.reader(from), before),
                head.restorer());
    }

    record Replay(Source source, Sink first) {
    }

    long delivered() {
        return delivered;
    }

    void addListener(Runnable r) {
        listeners.add(r);
    }

    /** The view's last sample; the first query of a view starts sampling it. */
    ViewResult view(Exploration x, Exploration.Plan plan, io.jdig.explore.ViewQuery q) {
        String key = plan.view().id() + "\u0000" + plan.depth() + "\u0000" + plan.filter() + "\u0000"
                + q.sortColumn() + "\u0000" + q.ascending();
        asked.put(key, System.nanoTime());
        ViewSnapshot s = views.get(key);
        if (s == null) {
            ViewSnapshot made;
            try {
                made = new ViewSnapshot(plan.view(), plan.depth(), plan.filter(), q.sortColumn(), q.ascending(),
                        pass, sampleNs);
            } catch (ViewException e) {
                throw new ExploreException(e.getMessage(), e);
            }
            pending.add(() -> {
                views.putIfAbsent(key, made);
                forgetViews();
            });
            s = made;
        }
        return x.result(plan, q, s.rows(), s.sortColumn(), s.ascending(), s.events());
    }

    /**
     * A live spectrogram over {@code table} (sampled every {@link #spectrogramIntervalNs}), fed from the next event
     * on until it is closed.
     */
    LiveSpectrogram spectrogram(String viewId, String filter, int width, io.jdig.view.ViewTable table) {
        long interval = spectrogramIntervalNs();
        LiveSpectrogram s = new LiveSpectrogram(viewId, filter, width, interval,
                new SpectrogramFeed(table, pass, LiveSpectrogram.KEEP),
                gone -> pending.add(() -> spectrograms.remove(gone)));
        pending.add(() -> spectrograms.add(s));
        return s;
    }

    /** csysdig's spectrogram refresh: a quarter of the tables' when that is the default two seconds, else theirs. */
    long spectrogramIntervalNs() {
        return sampleNs == 2_000_000_000L ? sampleNs / 4 : sampleNs;
    }

    /** The most views sampled at once: each one asked for again after it was dropped starts sampling anew. */
    static final int MAX_VIEWS = 32;
    /** When each view was last asked for. */
    private final Map<String, Long> asked = new ConcurrentHashMap<>();

    /** On the capture's thread: the views asked for least recently go once there are too many. */
    private void forgetViews() {
        while (views.size() > MAX_VIEWS) {
            String oldest = null;
            long when = Long.MAX_VALUE;
            for (String k : views.keySet()) {
                long t = asked.getOrDefault(k, Long.MIN_VALUE);
                if (oldest == null || t < when) {
                    oldest = k;
                    when = t;
                }
            }
            views.remove(oldest);
            asked.remove(oldest);
        }
    }

    /** How many views are sampled (for tests). */
    int viewsSampled() {
        return views.size();
    }

    Summary summary() {
        return summary(null);
    }

    /** The overview's log: its entries, room and other sizes (for tests). */
    long[] logSize() {
        synchronized (recorder) {
            return recorder.logSize();
        }
    }

    /** The least room of the overview's log (tests: small, so that it is pruned often); before {@link #start}. */
    void logRoom(int room) {
        recorder.logRoom(room);
    }

    /** Waits for the capture to end (a trace file fed through a session). */
    void awaitEnd() throws InterruptedException {
        thread.join();
    }

    /** The overview of the events the ring holds, or (range not null) of those in {@code range}. */
    Summary summary(TimeRange range) {
        // a copy of the log and where the ring starts, taken together; the ring is read without the lock
        SummaryRecorder log;
        EventStore.Position from;
        synchronized (recorder) {
            log = recorder.frozen();
            from = store.start();
        }
        if (from != null) {
            Summary s = log.build(store.reader(from), from.chunk().firstEvent, log.end(),
                    Exploration.SUMMARY_SAMPLES, log.firstTs(), log.lastTs(), range);
            if (s != null) {
                return s;
            }
        }
        // nothing held yet, or the ring recycled its oldest chunk while it was read: with the capture waiting
        synchronized (recorder) {
            long first = store.firstHeld();
            return recorder.build(store.reader(), first, Exploration.SUMMARY_SAMPLES, recorder.firstTs(),
                    recorder.lastTs(), range);
        }
    }

    /** Where the last {@code seconds} the ring holds start (no further back than the session keeps). */
    long cutFor(double seconds) {
        return store.lastTs() - (long) (Math.min(seconds, keepSeconds) * 1e9);
    }

    /**
     * The machine, its interfaces, users and groups as the session's first look found them (the base of a saved
     * file's head, whose processes and fds come from the state engine at the cut).
     */
    Metadata machine() {
        return startMeta == null ? new Metadata() : startMeta;
    }

    void stop() {
        pipeline.stop();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampled() {
        lastSample = System.nanoTime();
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // a listener's failure is its own
            }
        }
    }

    /** The live run's sink and tap. */
    private final class Feed implements Sink, Pipeline.RawTap {
        private final List<ViewSnapshot> active = new ArrayList<>();

        @Override
        public void onEvent(byte[] buf, int off, int cpu, int flags) {
            store.append(buf, off, cpu, flags);
            raw++;
        }

        /** A trace file fed through a session keeps its header (the live source always has its /proc snapshot). */
        @Override
        public boolean needsMetadata() {
            return true;
        }

        @Override
        public void init(Run r) {
            r.requestProcessCpu(); // thread.cpu for the views' CPU columns, as csysdig asks sysdig's library for it
        }

        @Override
        public void start(Run r) {
            run = r;
            startMeta = r.metadata();
            synchronized (recorder) {
                recorder.start();
            }
            started.countDown();
        }

        @Override
        public boolean onEvent(EventContext c) {
            Runnable p;
            while ((p = pending.poll()) != null) {
                p.run();
                active.clear();
                active.addAll(views.values());
            }
            synchronized (recorder) {
                recorder.checkContainersEachEvent(raw - 1);
                recorder.onEvent(c, raw - 1);
            }
            delivered++;
            boolean sampled = false;
            for (ViewSnapshot v : active) {
                sampled |= v.onLiveEvent(c);
            }
            for (int i = 0; i < spectrograms.size(); i++) {
                sampled |= spectrograms.get(i).onLiveEvent(c);
            }
            if (sampled) {
                sampled();
            }
            return true;
        }

        @Override
        public void idle() {
            long now = System.currentTimeMillis() * 1_000_000L;
            boolean sampled = false;
            for (ViewSnapshot v : active) {
                sampled |= v.tickLive(now);
            }
            for (int i = 0; i < spectrograms.size(); i++) { // (one opened since the last event waits for the next)
                sampled |= spectrograms.get(i).tick(now);
            }
            if (sampled || System.nanoTime() - lastSample > sampleNs) {
                sampled();
            }
        }
    }
}
