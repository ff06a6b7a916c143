package io.jdig.cli;

import io.jdig.event.Category;
import io.jdig.event.EventFlags;
import io.jdig.event.EventView;
import io.jdig.field.EventContext;
import io.jdig.event.meta.Metadata;
import io.jdig.filter.EventPredicate;
import io.jdig.scap.CycleWriter;
import io.jdig.scap.ScapFormatException;
import io.jdig.scap.ScapReader;
import io.jdig.scap.ScapWriter;
import io.jdig.state.StateEngine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

/** -w: writing trace files, from live capture (see {@link Live}) or from trace files ({@code -r IN -w OUT}). */
final class Writer {
    private static final PrintStream err = System.err;
    /** writers that failed (disk full...): reported once */
    private static final Map<CycleWriter, Boolean> FAILED = new IdentityHashMap<>();

    private Writer() {
    }

    static CycleWriter.Config config(Options o, boolean live) {
        long c = o.fileSizeMb == null ? 0 : o.fileSizeMb;
        long g = o.rotateSeconds == null ? 0 : o.rotateSeconds;
        int w = o.fileLimit == null ? 0 : o.fileLimit;
        long e = o.eventLimit == null ? 0 : o.eventLimit;
        if (o.fileSizeMb != null && c <= 0) {
            throw new Jdig.UsageException("invalid file size");
        }
        if (o.rotateSeconds != null && g <= 0) {
            throw new Jdig.UsageException("invalid duration");
        }
        if (o.fileLimit != null && w <= 0) {
            throw new Jdig.UsageException("invalid file limit");
        }
        if (o.eventLimit != null && e <= 0) {
            throw new Jdig.UsageException("invalid event limit");
        }
        return new CycleWriter.Config(o.writeFile, c, g, w, e, o.compress, live);
    }

    /**
     * The tap behind -w: writes the events that pass the filter and, as sysdig does, the internal events it drops;
     * in fatfile mode (-F) also the dropped events that change the state, marked state-only so that readers
     * update their tables from them without showing them.
     */
    static EventLoop.Consumer tap(CycleWriter w, boolean fatfile) {
        return new EventLoop.Consumer() {
            @Override
            public boolean onEvent(EventContext c) {
                return write(w, c.ev, c.ev.blockFlags());
            }

            @Override
            public void onFilteredOut(EventContext c) {
                EventView ev = c.ev;
                if (ev.info().category() == Category.INTERNAL) {
                    write(w, ev, ev.blockFlags());
                } else if (fatfile && ev.info().has(EventFlags.MODIFIES_STATE)) {
                    write(w, ev, ev.blockFlags() | STATE_ONLY);
                }
            }
        };
    }

    /** SCAP_DF_STATE_ONLY: the event is there to keep the state right, not to be shown. */
    private static final int STATE_ONLY = 1;

    /** Writes one event; on a write failure says so once and returns false, which stops the capture. */
    static boolean write(CycleWriter w, EventView ev, int flags) {
        try {
            return w.write(ev.buffer(), ev.offset(), ev.cpu(), flags, ev.ts());
        } catch (ScapWriter.WriteFailedException e) {
            reportFailure(w, e);
            return false;
        } catch (IOException e) {
            reportFailure(w, e);
            return false;
        }
    }

    static synchronized void reportFailure(CycleWriter w, IOException e) {
        if (FAILED.put(w, Boolean.TRUE) != null) {
            return;
        }
        String name = w.currentName() == null ? "trace file" : w.currentName();
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof ScapWriter.WriteFailedException) {
            err.println("jdig: writing " + name + " failed: " + why + "; capture stopped, the file holds "
                    + "the events up to the last whole block");
        } else {
            err.println("jdig: writing " + name + " failed: " + why + "; capture stopped");
        }
    }

    static synchronized boolean failed(CycleWriter w) {
        return w != null && FAILED.containsKey(w);
    }

    /** Opens the first output file; says why on stderr and returns null when it cannot. */
    static CycleWriter openWriter(CycleWriter.Config cfg, java.util.function.Supplier<Metadata> meta) {
        try {
            return new CycleWriter(cfg, meta).open();
        } catch (IOException e) {
            err.println("jdig: cannot write " + cfg.base() + ": " + describe(e));
            return null;
        }
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** {@code jdig -r IN... -w OUT [filter]}: rewrites the metadata of the first file and the events that pass. */
    static int runOnFiles(Options o, StateEngine state, EventLoop loop, EventPredicate filter) {
        CycleWriter.Config cfg = config(o, false);
        boolean print = !o.quiet && (o.format != null || o.json);
        boolean tty = System.console() != null && System.console().isTerminal();
        Output out = new Output(o.unbuffered || o.json);
        loop.printer(Jdig.formatter(o, tty), o.json, out).filter(filter, o.displayFilter).quiet(!print)
                .debug(o.debug);
        if (o.numEvents != null) {
            loop.limit(o.numEvents);
        }
        if (o.maxSeconds != null) {
            loop.duration(o.maxSeconds * 1_000_000_000L);
        }
        Metadata meta = new Metadata();
        CycleWriter writer = null;
        int rc = 0;
        try {
            for (String f : o.readFiles) {
                Path p = Path.of(f);
                if (Files.isDirectory(p)) {
                    err.println("jdig: " + f + ": is a directory, not a trace file");
                    rc = 1;
                    break;
                }
                try (ScapReader r = ScapReader.open(p, Metadata.tee(state, meta))) {
                    r.readHeader();
                    if (writer == null) {
                        writer = openWriter(cfg, () -> meta);
                        if (writer == null) {
                            rc = 1;
                            break;
                        }
                        CycleWriter w = writer;
                        loop.tap(tap(w, o.fatfile));
                    }
                    loop.newSection();
                    Progress progress = o.progress ? new Progress(p) : null;
                    loop.run(progress != null ? progress.wrap(r) : r);
                    if (progress != null) {
                        progress.done();
                    }
                } catch (NoSuchFileException e) {
                    err.println("jdig: " + f + ": no such file");
                    rc = 1;
                } catch (ScapFormatException e) {
                    err.println("jdig: " + f + ": " + e.getMessage() + " (at byte " + e.offset() + ")");
                    rc = 1;
                }
                if (rc != 0 || loop.stopped()) {
                    break;
                }
            }
            if (failed(writer)) {
                rc = 1;
            }
        } catch (UncheckedIOException e) {
            // stdout closed
        } catch (IOException e) {
            err.println("jdig: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            rc = 1;
        } finally {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    reportFailure(writer, e);
                    rc = 1;
                }
            }
            try {
                out.flush();
            } catch (UncheckedIOException e) {
                // stdout closed
            }
        }
        return rc;
    }
}
