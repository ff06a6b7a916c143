package io.jdig.consumer;

import io.jdig.filter.FilterException;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.Source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * A trace file read an event at a time, for programs that pull events rather than take callbacks:
 *
 * <pre>{@code
 * try (TraceFile f = TraceFile.open(Path.of("trace.scap"), "proc.name=curl")) {
 *     while (f.hasMoreEvents()) {
 *         SystemEvent e = f.readEvent();
 *         System.out.println(e.number() + " " + e.type() + " " + e.getString("fd.name"));
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #readEvent()} returns the same object each time, showing the event just read; the state (threads,
 * fds) is that of this event.
 */
public final class TraceFile implements AutoCloseable {
    private final Pipeline.Cursor cursor;
    private final SystemEvent event;
    private final Tables tables;
    private boolean ready;
    private boolean ended;

    private TraceFile(Path file, String filter) {
        Pipeline p;
        try {
            p = Pipeline.builder().errors(new PrintStream(OutputStream.nullOutputStream()), "")
                    .source(new Source.TraceFile(file)).filter(filter)
                    .sink(c -> true).build();
        } catch (FilterException e) {
            throw new InvalidFilterException(e.getMessage(), filter, e.position());
        }
        this.tables = new Tables(p.context().state);
        this.event = new SystemEvent(p.context(), new FieldReader(), tables);
        this.cursor = p.cursor();
    }

    /** Opens a trace file (plain or gzip); every event is read. */
    public static TraceFile open(Path file) {
        return new TraceFile(file, "");
    }

    /**
     * Opens a trace file; only events that pass the filter, in sysdig's language, are read.
     *
     * @throws InvalidFilterException with the position of the mistake
     */
    public static TraceFile open(Path file, String filter) {
        return new TraceFile(file, filter == null ? "" : filter);
    }

    /**
     * Whether another event follows (internal events, such as the driver's process lists, are passed over).
     *
     * @throws IOException the file is missing, not a trace, or damaged (the message says where)
     */
    public boolean hasMoreEvents() throws IOException {
        while (!ready && !ended) {
            if (!cursor.next()) {
                ended = true;
            } else if (event.internal()) {
                continue;
            } else {
                ready = true;
            }
        }
        return ready;
    }

    /** The next event. @throws NoSuchElementException at the end */
    public SystemEvent readEvent() throws IOException {
        if (!hasMoreEvents()) {
            throw new NoSuchElementException("no more events");
        }
        ready = false;
        return event;
    }

    /** The threads the state knows as of the event last read. */
    public ThreadTable threads() {
        return new ThreadTable(tables);
    }

    @Override
    public void close() throws IOException {
        cursor.close();
    }
}
