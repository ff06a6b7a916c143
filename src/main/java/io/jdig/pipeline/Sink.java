package io.jdig.pipeline;

import io.jdig.field.EventContext;

import java.io.IOException;

/**
 * A consumer of the event stream: the printer, the JSON printer, the trace writer, chisels, the summary, a view,
 * a program using the API. A run calls, for each source (a trace file, standard input, live capture):
 * {@link #init}, then {@link #start} once the source is open, then the events, then {@link #end}; and
 * {@link #close} once after the last source. Every method but {@link #onEvent} does nothing by default.
 */
public interface Sink {
    /** Before the source is opened: the sink may ask the run for a filter of its own or a snaplen. */
    default void init(Run run) {
    }

    /** The source is open (a file's header has been read): its events follow. */
    default void start(Run run) throws IOException {
    }

    /**
     * An event that passed the filter, after the state has been updated by it. The context and its event are
     * reused for the next event: copy what must outlive the call. Returns false to stop the run.
     */
    boolean onEvent(EventContext c) throws IOException;

    /** An event the filter dropped (the state has still been updated by it). */
    default void onFilteredOut(EventContext c) {
    }

    /** A container event that leads a trace file: metadata, never numbered in output. Returns false to stop. */
    default boolean onLeadingEvent(EventContext c) throws IOException {
        return true;
    }

    /** Live capture found its ring buffers empty and is about to wait: a good time to flush. */
    default void idle() throws IOException {
    }

    /**
     * The source is over. {@code complete} is false when it was broken off by an error (a damaged file), true
     * when it was read to its end or stopped by a limit.
     */
    default void end(Run run, boolean complete) throws IOException {
    }

    /** After the last source, once, even when the run failed. */
    default void close(Run run) throws IOException {
    }

    /** Whether the sink reads the thread and fd tables; a live run whose sinks do not skips keeping them. */
    default boolean needsState() {
        return true;
    }

    /** Whether the sink asks for {@link Run#metadata()} (the trace writer, which writes it at the head of files). */
    default boolean needsMetadata() {
        return false;
    }
}
