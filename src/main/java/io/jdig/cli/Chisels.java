package io.jdig.cli;

import io.jdig.chisel.Chisel;
import io.jdig.chisel.ChiselException;
import io.jdig.chisel.ChiselListing;
import io.jdig.chisel.ChiselLocator;
import io.jdig.chisel.ChiselRuntime;
import io.jdig.field.EventContext;
import io.jdig.filter.EventPredicate;
import io.jdig.scap.ScapFormatException;
import io.jdig.scap.ScapReader;
import io.jdig.state.StateEngine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** -c, -cl and -i: running and describing chisels. */
final class Chisels {
    private Chisels() {
    }

    /** The chisel search path: see {@link ChiselLocator#standard(List, String)}. */
    static ChiselLocator locator(List<String> chiselPaths) {
        return ChiselLocator.standard(chiselPaths, System.getenv("JDIG_CHISEL_PATH"));
    }

    static int list(Options o, PrintStream out) {
        out.print(ChiselListing.list(ChiselRuntime.describeAll(locator(o.chiselPath)), true));
        out.flush();
        return 0;
    }

    static int info(Options o, PrintStream out) {
        try {
            out.print(ChiselRuntime.infoText(locator(o.chiselPath), o.chiselInfo));
            out.flush();
            return 0;
        } catch (ChiselException e) {
            throw new Jdig.UsageException(e.getMessage());
        }
    }

    /** Chisels attached to an event loop: created once, then begun and ended for each capture (file or live). */
    static final class Session {
        private final EventLoop loop;
        private final Output out;
        private final ChiselBridge bridge;
        private final ChiselRuntime rt;
        private final Options opts;

        Session(Options o, EventLoop loop, Output out, PrintStream err, boolean live) {
            this.opts = o;
            this.loop = loop;
            this.out = out;
            EventContext ctx = loop.context();
            ctx.maxBufferLen = 0; // sysdig cuts buffers at 80 characters only when no chisel runs
            ctx.live = live;
            ChiselOut cout = new ChiselOut(out);
            bridge = new ChiselBridge(ctx, o, cout, err);
            rt = new ChiselRuntime(bridge, locator(o.chiselPath), cout);
            for (int i = 0; i < o.chisels.size(); i++) {
                String name = o.chisels.get(i);
                String args = i < o.chiselArgs.size() ? o.chiselArgs.get(i) : null;
                Chisel c = rt.add(name);
                if (args != null) {
                    c.setArgs(args);
                } else if (c.info().requiredArgs() > 0) {
                    throw new ChiselException("missing arguments for chisel " + name);
                }
            }
            if (o.numEvents != null) {
                loop.limit(o.numEvents);
            }
            if (o.maxSeconds != null) {
                loop.duration(o.maxSeconds * 1_000_000_000L);
            }
            loop.consumer(new EventLoop.Consumer() {
                @Override
                public boolean onEvent(EventContext c) {
                    bridge.lastTs = c.ev.ts();
                    return rt.processEvent();
                }

                @Override
                public void onFilteredOut(EventContext c) {
                    bridge.lastTs = c.ev.ts();
                    rt.timeouts();
                }
            });
        }

        /** on_init, then the capture filter (the user's and the chisels'); before the capture is opened. */
        void init(EventPredicate userFilter, boolean displayFilter) {
            rt.init();
            loop.filter(combine(userFilter, bridge.chiselFilter()), displayFilter);
        }

        /** on_capture_start, once the capture is open. */
        void start(String sourceName) {
            bridge.sourceName = sourceName;
            rt.captureStart();
        }

        void end() {
            out.endOfCapture(opts);
            rt.captureEnd();
        }

        /** The snaplen a chisel asked for with sysdig.set_snaplen (in on_init), or -1. */
        int requestedSnaplen() {
            return bridge.snaplenRequested ? bridge.snaplen : -1;
        }

        /** The arguments a chisel asked a second run with (sysdig.run_app), or null. */
        String nextRunArgs() {
            return bridge.nextRunArgs;
        }

        void close() {
            rt.close();
            flushQuietly(out);
        }
    }

    /**
     * Runs the chisels over the trace files, as sysdig does for each file: on_init, open, on_capture_start, the
     * events that pass the capture filter, on_capture_end. Events are printed only by the chisels.
     */
    static int runOnFiles(Options o, StateEngine state, EventLoop loop, EventPredicate filter, Output out,
                          PrintStream err) {
        Session session = null;
        int rc = 0;
        try {
            session = new Session(o, loop, out, err, false);
            for (String f : o.readFiles) {
                rc = readOne(f, state, loop, session, filter, o.displayFilter, err);
                if (rc != 0 || loop.stopped()) {
                    break;
                }
            }
        } catch (ChiselException e) {
            flushQuietly(out);
            err.println("jdig: " + e.getMessage());
            return 1;
        } catch (ChiselRuntime.ExitRequestedException e) {
            flushQuietly(out);
            return e.code();
        } finally {
            if (session != null) {
                o.nextRunArgs = session.nextRunArgs();
                session.close();
            }
            flushQuietly(out);
        }
        return rc;
    }

    private static EventPredicate combine(EventPredicate user, String chiselFilter) {
        if (chiselFilter == null || chiselFilter.isBlank()) {
            return user;
        }
        EventPredicate ch = ChiselBridge.compile(chiselFilter);
        if (user == null) {
            return ch;
        }
        return c -> user.test(c) && ch.test(c);
    }

    private static int readOne(String file, StateEngine state, EventLoop loop, Session session,
                               EventPredicate filter, boolean displayFilter, PrintStream err) {
        Path p = Path.of(file);
        if (Files.isDirectory(p)) {
            err.println("jdig: " + file + ": is a directory, not a trace file");
            return 1;
        }
        session.init(filter, displayFilter);
        try (ScapReader r = ScapReader.open(p, state)) {
            r.readHeader();
            loop.newSection();
            session.start(file);
            try {
                loop.run(r);
            } finally {
                session.end();
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("jdig: " + file + ": no such file");
            return 1;
        } catch (ScapFormatException e) {
            err.println("jdig: " + file + ": " + e.getMessage() + " (at byte " + e.offset() + ")");
            return 1;
        } catch (UncheckedIOException e) {
            return 0; // output closed
        } catch (IOException e) {
            err.println("jdig: " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    static void flushQuietly(Output out) {
        try {
            out.flush();
        } catch (UncheckedIOException e) {
            // stdout closed
        }
    }
}
