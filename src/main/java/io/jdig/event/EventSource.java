package io.jdig.event;

import java.io.IOException;

/**
 * A stream of events in sysdig's byte layout (a v2 event header, the parameter length table, then the
 * parameters), from a trace file or from live capture. After {@link #next()} returns true, the current event
 * occupies {@code buffer()[offset() .. offset() + length)}; the bytes stay valid until the next call.
 */
public interface EventSource extends AutoCloseable {
    boolean next() throws IOException;

    byte[] buffer();

    int offset();

    /** The CPU the event was recorded on. */
    int cpu();

    /** Block flags (e.g. {@code SCAP_DF_STATE_ONLY = 1}); 0 for ordinary events. */
    int flags();

    @Override
    void close() throws IOException;
}
