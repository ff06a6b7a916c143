package io.jdig.view;

import io.jdig.field.EventContext;

/**
 * What the view engine needs from an event source: every event after the state has taken it in (unfiltered: a
 * view filters for itself), and the end of the capture. A source that reads a file calls nothing else; a live one
 * also calls {@link #tick} when time passes without events.
 */
public interface ViewSink {
    void onEvent(EventContext c);

    /** The capture ended ({@code last}: the context still holding the last event, or null if there was none). */
    void onEnd(EventContext last);

    /** Live capture: no event for a while; a sample may be due at {@code nowNs}. */
    default void tick(long nowNs) {
    }
}
