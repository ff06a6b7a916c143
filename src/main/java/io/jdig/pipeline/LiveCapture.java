package io.jdig.pipeline;

import io.jdig.capture.BpfLoader;
import io.jdig.capture.CaptureException;
import io.jdig.capture.LiveEventSource;
import io.jdig.capture.ProcSnapshot;
import io.jdig.capture.StartupTrace;
import io.jdig.event.meta.Metadata;
import io.jdig.state.TableSnapshot;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live source: the eBPF driver's events, with the state started from a /proc snapshot fed to the state engine as
 * a file's metadata would be. Ctrl-C and SIGTERM stop the capture, drain the rings and let every sink end cleanly
 * (a trace file then ends with a whole block). Drops counted by the kernel are reported as they happen and in total.
 */
final class LiveCapture {
    private static final int DEFAULT_SNAPLEN = 80;

    private final Pipeline pipeline;
    private final Source.Live settings;
    private final Run run;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private volatile boolean finished;
    private long reportedDrops;
    private LiveEventSource src;

    LiveCapture(Pipeline pipeline, Source.Live settings) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.run = pipeline.runState();
    }

    int run() {
        LiveEventSource.startWarmUp(); // JIT-compiles the ring reader while the rest starts
        StartupTrace.mark("live capture");
        String problem = BpfLoader.environmentProblem();
        if (problem != null) {
            pipeline.error(problem);
            return 1;
        }
        int snaplen = settings.snaplen() >= 0 ? settings.snaplen() : DEFAULT_SNAPLEN;
        try {
            src = LiveEventSource.open(LiveEventSource.Options.defaults().withSnaplen(snaplen)
                    .withInteresting(pipeline.interestingTypes()));
        } catch (CaptureException e) {
            pipeline.error(oneLine(e.getMessage()));
            return 1;
        } catch (RuntimeException | LinkageError e) {
            pipeline.error("cannot start live capture: " + oneLine(String.valueOf(e.getMessage())));
            return 1;
        }
        return capture();
    }

    private int capture() {
        long t0 = System.nanoTime();
        Thread capturing = Thread.currentThread();
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            run.startDraining();
            src.stop();
            try {
                done.await(15, TimeUnit.SECONDS);
                // let the capturing thread finish (the program then exits with its own status, 0 as sysdig's,
                // not the signal's)
                capturing.join(10_000);
            } catch (InterruptedException e) {
                // exit now
            }
        }, "jdig-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread monitor = Thread.ofPlatform().daemon().name("jdig-drops").start(this::watchDrops);
        Thread timer = null;
        long maxNs = pipeline.maxDurationNs();
        if (maxNs > 0) {
            timer = Thread.ofPlatform().daemon().name("jdig-timer").start(() -> {
                try {
                    TimeUnit.NANOSECONDS.sleep(maxNs);
                    run.startDraining();
                    src.stop();
                } catch (InterruptedException e) {
                    // finished earlier
                }
            });
        }
        EventLoop loop = pipeline.loop();
        try {
            Metadata first = ProcSnapshot.take(settings.withUsers());
            StartupTrace.mark("/proc snapshot taken");
            first.replay(run.state());
            boolean[] firstCall = {true};
            pipeline.beginSource(settings, () -> {
                if (firstCall[0]) {
                    firstCall[0] = false;
                    return first;
                }
                // a later file of a rotated capture: the engine's tables, as sinsp dumps its own, rather than a
                // new scan of /proc that would hold up the reading of the rings at every file
                return TableSnapshot.of(run.state(), first);
            });
            loop.stateless(!pipeline.needsState());
            // a chisel's sysdig.set_snaplen (echo_fds: 2000) applies to the capture, unless -s was given
            if (settings.snaplen() < 0 && run.requestedSnaplen() >= 0) {
                try {
                    src.setSnaplen(run.requestedSnaplen());
                } catch (CaptureException e) {
                    pipeline.error("cannot set the snaplen a chisel asks for: " + oneLine(e.getMessage()));
                }
            }
            pipeline.startSinks();
            StartupTrace.mark("sinks started, consuming");
            io.jdig.event.EventSource events = new IdleNotifying(src, pipeline);
            if (run.processCpuRequested()) {
                events = new ProcessCpuEvents(events);
            }
            pipeline.readAll(events);
            return 0;
        } catch (IOException e) {
            pipeline.error(Pipeline.describe(e));
            return 1;
        } finally {
            src.stop();
            if (timer != null) {
                timer.interrupt();
            }
            monitor.interrupt();
            try {
                monitor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished = true;
            reportDrops(true);
            if (pipeline.verbose()) {
                long drops = sum(src.dropsPerCpu());
                double secs = (System.nanoTime() - t0) / 1e9;
                var err = pipeline.err();
                err.printf(Locale.ROOT, "Driver Events:%d%nDriver Drops:%d%nSuppressed by Comm:%d%n",
                        src.eventsSeen(), drops, 0);
                err.printf(Locale.ROOT, "Elapsed time: %.3f, Captured Events: %d, %.2f eps%n", secs,
                        src.eventsDelivered(), src.eventsDelivered() / secs);
            }
            src.close();
            done.countDown();
            if (!interrupted.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
        }
    }

    private void watchDrops() {
        while (!finished) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (finished) {
                return;
            }
            reportDrops(false);
        }
    }

    private synchronized void reportDrops(boolean atEnd) {
        long drops = sum(src.dropsPerCpu());
        if (drops > reportedDrops) {
            if (atEnd && !pipeline.verbose()) {
                pipeline.err().println(pipeline.prefix() + drops
                        + " events dropped in total: the kernel found the ring buffers full");
            } else if (!atEnd) {
                pipeline.err().println(pipeline.prefix() + (drops - reportedDrops)
                        + " events dropped (ring buffers full), " + drops + " so far");
            }
            reportedDrops = drops;
        }
    }

    private static long sum(long[] v) {
        long n = 0;
        for (long x : v) {
            n += x;
        }
        return n;
    }

    static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Tells the sinks whenever the rings are empty, before waiting (they flush their output then), and again every
     * {@link #IDLE_REPEAT_NS} while no event comes (a view samples on time even when nothing happens).
     */
    private static final class IdleNotifying extends WrappedSource {
        private static final long IDLE_REPEAT_NS = 50_000_000L;
        private final LiveEventSource src;
        private final Pipeline pipeline;

        IdleNotifying(LiveEventSource src, Pipeline pipeline) {
            super(src);
            this.src = src;
            this.pipeline = pipeline;
        }

        @Override
        public boolean next() throws IOException {
            if (src.poll()) {
                return true;
            }
            while (true) {
                pipeline.idle();
                if (src.next(IDLE_REPEAT_NS)) {
                    return true;
                }
                if (src.over()) {
                    return false;
                }
            }
        }
    }
}
