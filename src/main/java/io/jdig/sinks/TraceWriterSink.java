package io.jdig.sinks;

import io.jdig.event.Category;
import io.jdig.event.EventFlags;
import io.jdig.event.EventView;
import io.jdig.field.EventContext;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.PipelineException;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.scap.CycleWriter;
import io.jdig.scap.ScapWriter;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * {@code -w}: writes the events that pass the filter to a trace file (rotated as {@code -C}, {@code -G},
 * {@code -W}, {@code -e} ask), with the capture's metadata at its head; as sysdig does, also the internal events
 * the filter drops, and in fatfile mode ({@code -F}) the dropped events that change the state, marked state-only so
 * that readers update their tables from them without showing them. A write failure (a full disk) is said once and
 * stops the run; the file then holds the events up to its last whole block.
 */
public final class TraceWriterSink implements Sink {
    /** SCAP_DF_STATE_ONLY. */
    private static final int STATE_ONLY = 1;
    private static final long FLUSH_EVERY_NS = 1_000_000_000L;

    private final CycleWriter.Config config;
    private final boolean fatfile;
    private CycleWriter writer;
    private Run run;
    private boolean failed;
    private long lastFlush = System.nanoTime();

    public TraceWriterSink(CycleWriter.Config config, boolean fatfile) {
        this.config = config;
        this.fatfile = fatfile;
    }

    @Override
    public void init(Run r) {
        this.run = r;
    }

    /** Opens the first file when the first source is open (its metadata known). */
    @Override
    public void start(Run r) {
        if (writer != null) {
            return;
        }
        try {
            writer = new CycleWriter(config, r::metadata).open();
        } catch (IOException e) {
            failed = true;
            throw new PipelineException("cannot write " + config.base() + ": " + describe(e));
        }
    }

    @Override
    public boolean onLeadingEvent(EventContext c) {
        return write(c.ev, c.ev.blockFlags());
    }

    @Override
    public boolean onEvent(EventContext c) {
        return write(c.ev, c.ev.blockFlags());
    }

    @Override
    public void onFilteredOut(EventContext c) {
        EventView ev = c.ev;
        if (ev.info().category() == Category.INTERNAL) {
            write(ev, ev.blockFlags());
        } else if (fatfile && ev.info().has(EventFlags.MODIFIES_STATE)) {
            write(ev, ev.blockFlags() | STATE_ONLY);
        }
    }

    /** Live capture is waiting for events: what has been written reaches the disk at least once a second. */
    @Override
    public void idle() {
        if (writer != null && !failed && System.nanoTime() - lastFlush > FLUSH_EVERY_NS) {
            lastFlush = System.nanoTime();
            try {
                writer.flush();
            } catch (IOException e) {
                // reported at the next write
            }
        }
    }

    @Override
    public void close(Run r) {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            reportFailure(e);
        }
        if (failed) {
            r.fail();
        }
    }

    /** A rotated live capture starts each new file with the state engine's tables, so it needs them kept. */
    @Override
    public boolean needsState() {
        return config.live() && config.cycling();
    }

    @Override
    public boolean needsMetadata() {
        return true;
    }

    /** Writes one event; on a write failure says so once and returns false, which stops the run. */
    private boolean write(EventView ev, int flags) {
        if (failed) {
            return false;
        }
        try {
            if (run != null && run.draining()) {
                // the capture is ending: what the rings still hold goes to the current file, at once, rather than
                // waiting for new files (each with the process table) while the user waits for the end
                writer.keepCurrentFile();
            }
            return writer.write(ev.buffer(), ev.offset(), ev.cpu(), flags, ev.ts());
        } catch (IOException e) {
            reportFailure(e);
            return false;
        }
    }

    private void reportFailure(IOException e) {
        if (failed) {
            return;
        }
        failed = true;
        String name = writer.currentName() == null ? "trace file" : writer.currentName();
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        var err = run == null ? System.err : run.err();
        if (e instanceof ScapWriter.WriteFailedException) {
            err.println("jdig: writing " + name + " failed: " + why + "; capture stopped, the file holds "
                    + "the events up to the last whole block");
        } else {
            err.println("jdig: writing " + name + " failed: " + why + "; capture stopped");
        }
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such directory" : Pipeline.describe(e);
    }
}
