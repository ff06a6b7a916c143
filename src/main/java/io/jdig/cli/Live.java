package io.jdig.cli;

import io.jdig.capture.BpfLoader;
import io.jdig.capture.CaptureException;
import io.jdig.capture.LiveEventSource;
import io.jdig.capture.ProcSnapshot;
import io.jdig.event.EventSource;
import io.jdig.event.meta.Metadata;
import io.jdig.filter.EventPredicate;
import io.jdig.scap.CycleWriter;
import io.jdig.scap.ScapWriter;
import io.jdig.state.StateEngine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live capture with the eBPF driver: {@code jdig [FILTER]} prints events as {@code jdig -r} prints a file,
 * {@code jdig -w FILE} writes them. The state starts from a /proc snapshot, fed to the state engine as the metadata
 * of a file would be (and written as the metadata blocks of {@code -w} files). Ctrl-C / SIGTERM stop the capture,
 * drain the rings and close the file so that it ends with a whole block.
 */
final class Live {
    private static final PrintStream err = System.err;

    private Live() {
    }

    static int run(Options o) {
        LiveEventSource.startWarmUp(); // JIT-compiles the ring reader while the rest starts
        EventPredicate filter = Jdig.compileFilter(o.filterText());
        int snaplen = o.snaplen != null ? o.snaplen : 80;
        if (snaplen < 0) {
            throw new Jdig.UsageException("invalid snaplen " + snaplen);
        }
        boolean tty = System.console() != null && System.console().isTerminal();
        // check the formatting options before touching the kernel
        Jdig.bufferFormat(o);
        Jdig.timeMode(o);
        var formatter = Jdig.formatter(o, tty);
        io.jdig.capture.StartupTrace.mark("Live.run");
        String problem = BpfLoader.environmentProblem();
        if (problem != null) {
            err.println("jdig: " + problem);
            return 1;
        }
        Set<String> interesting = InterestingTypes.of(o.filterText());
        LiveEventSource src;
        try {
            src = LiveEventSource.open(LiveEventSource.Options.defaults().withSnaplen(snaplen)
                    .withInteresting(interesting));
        } catch (CaptureException e) {
            err.println("jdig: " + oneLine(e.getMessage()));
            return 1;
        } catch (RuntimeException | LinkageError e) {
            err.println("jdig: cannot start live capture: " + oneLine(String.valueOf(e.getMessage())));
            return 1;
        }
        return new Session(o, src, filter, formatter).run();
    }

    static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static final class Session {
        final Options o;
        final LiveEventSource src;
        final EventPredicate filter;
        final io.jdig.format.EventFormatter formatter;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();
        volatile boolean finished;
        long lastWriterFlush = System.nanoTime();
        long reportedDrops;

        Session(Options o, LiveEventSource src, EventPredicate filter, io.jdig.format.EventFormatter formatter) {
            this.o = o;
            this.src = src;
            this.filter = filter;
            this.formatter = formatter;
        }

        int run() {
            long t0 = System.nanoTime();
            Thread caller = Thread.currentThread();
            Thread hook = new Thread(() -> {
                interrupted.set(true);
                src.stop();
                try {
                    done.await(15, TimeUnit.SECONDS);
                    // the run has ended cleanly: let the caller exit with its status (0, as sysdig after Ctrl-C or
                    // SIGTERM) instead of the JVM's 128+signal when this hook returns first
                    caller.join(10_000);
                } catch (InterruptedException e) {
                    // exit now
                }
            }, "jdig-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Thread monitor = Thread.ofPlatform().daemon().name("jdig-drops").start(this::watchDrops);
            Thread timer = null;
            if (o.maxSeconds != null && o.maxSeconds > 0) {
                long ms = o.maxSeconds * 1000;
                timer = Thread.ofPlatform().daemon().name("jdig-timer").start(() -> {
                    try {
                        Thread.sleep(ms);
                        src.stop();
                    } catch (InterruptedException e) {
                        // finished earlier
                    }
                });
            }
            int rc = 0;
            Output out = new Output(o.unbuffered || o.json);
            CycleWriter writer = null;
            Summary summary = o.summary ? new Summary() : null;
            try {
                Metadata meta = ProcSnapshot.take(!o.excludeUsers);
                io.jdig.capture.StartupTrace.mark("/proc snapshot taken");
                StateEngine state = new StateEngine();
                meta.replay(state);
                EventLoop loop = new EventLoop(state);
                Jdig.configure(loop.context(), o);
                boolean print = !o.quiet && (o.writeFile == null || o.format != null || o.json);
                loop.printer(formatter, o.json, out).filter(filter, o.displayFilter).quiet(!print).debug(o.debug);
                loop.summary(summary);
                // a plain -w copies events: no filter, printer or summary reads the state, so it is not kept
                loop.stateless(o.writeFile != null && !print && filter == null && summary == null);
                if (o.numEvents != null) {
                    loop.limit(o.numEvents);
                }
                if (o.maxSeconds != null) {
                    loop.duration(o.maxSeconds * 1_000_000_000L);
                }
                if (o.writeFile != null) {
                    boolean[] first = {true};
                    boolean users = !o.excludeUsers;
                    writer = Writer.openWriter(Writer.config(o, true), () -> {
                        if (first[0]) {
                            first[0] = false;
                            return meta;
                        }
                        return ProcSnapshot.take(users);
                    });
                    if (writer == null) {
                        return 1;
                    }
                    CycleWriter w = writer;
                    loop.tap(Writer.tap(w, o.fatfile));
                }
                boolean printing = print;
                CycleWriter w = writer;
                EventSource source = new IdleFlushing(src, () -> {
                    if (printing) {
                        out.flush();
                    }
                    if (w != null && System.nanoTime() - lastWriterFlush > 1_000_000_000L) {
                        lastWriterFlush = System.nanoTime();
                        try {
                            w.flush();
                        } catch (IOException e) {
                            // reported at the next write
                        }
                    }
                });
                io.jdig.capture.StartupTrace.mark("writer open, consuming");
                Chisels.Session chisels = null;
                if (!o.chisels.isEmpty()) {
                    chisels = new Chisels.Session(o, loop, out, err, true);
                    chisels.init(filter, o.displayFilter);
                    // a chisel's sysdig.set_snaplen (echo_fds: 2000) applies to the capture, unless -s was given
                    if (o.snaplen == null && chisels.requestedSnaplen() >= 0) {
                        try {
                            src.setSnaplen(chisels.requestedSnaplen());
                        } catch (CaptureException e) {
                            err.println("jdig: cannot set the snaplen the chisel asks for: " + oneLine(e.getMessage()));
                        }
                    }
                    chisels.start("");
                }
                try {
                    loop.run(source);
                } finally {
                    if (chisels != null) {
                        chisels.end();
                        chisels.close();
                    }
                }
                if (Writer.failed(writer)) {
                    rc = 1;
                }
            } catch (io.jdig.chisel.ChiselException e) {
                err.println("jdig: " + e.getMessage());
                rc = 1;
            } catch (io.jdig.chisel.ChiselRuntime.ExitRequestedException e) {
                rc = e.code();
            } catch (ScapWriter.WriteFailedException e) {
                rc = 1; // already reported
            } catch (UncheckedIOException e) {
                rc = 0; // stdout closed (jdig | head)
            } catch (IOException e) {
                err.println("jdig: " + (o.writeFile != null ? o.writeFile + ": " : "") + Writer.describe(e));
                rc = 1;
            } finally {
                src.stop();
                if (timer != null) {
                    timer.interrupt();
                }
                if (writer != null) {
                    try {
                        writer.close();
                    } catch (ScapWriter.WriteFailedException e) {
                        Writer.reportFailure(writer, e);
                        rc = 1;
                    } catch (IOException e) {
                        err.println("jdig: " + o.writeFile + ": " + e.getMessage());
                        rc = 1;
                    }
                }
                try {
                    out.flush();
                } catch (UncheckedIOException e) {
                    // stdout closed
                }
                if (summary != null) {
                    summary.print(System.out);
                }
                monitor.interrupt();
                try {
                    monitor.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished = true;
                reportDrops(true);
                if (o.verbose) {
                    long drops = sum(src.dropsPerCpu());
                    double secs = (System.nanoTime() - t0) / 1e9;
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
            return rc;
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
                if (atEnd && !o.verbose) {
                    err.println("jdig: " + drops + " events dropped in total: the kernel found the ring buffers full");
                } else if (!atEnd) {
                    err.println("jdig: " + (drops - reportedDrops) + " events dropped (ring buffers full), "
                            + drops + " so far");
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
    }

    /** Calls {@code onIdle} (flush the output) whenever the rings are empty, before blocking. */
    private static final class IdleFlushing implements EventSource {
        private final LiveEventSource src;
        private final Runnable onIdle;

        IdleFlushing(LiveEventSource src, Runnable onIdle) {
            this.src = src;
            this.onIdle = onIdle;
        }

        @Override
        public boolean next() {
            if (src.poll()) {
                return true;
            }
            onIdle.run();
            return src.next();
        }

        @Override
        public byte[] buffer() {
            return src.buffer();
        }

        @Override
        public int offset() {
            return src.offset();
        }

        @Override
        public int cpu() {
            return src.cpu();
        }

        @Override
        public int flags() {
            return src.flags();
        }

        @Override
        public void close() {
            src.close();
        }
    }
}
