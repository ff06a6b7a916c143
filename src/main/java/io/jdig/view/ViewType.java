package io.jdig.view;

/** The three shapes of a view. */
public enum ViewType {
    /** Rows keyed by a field, values aggregated per key. */
    TABLE,
    /** One row per matching event, in arrival order. */
    LIST,
    /** A latency histogram over time (a table keyed by quantized latency). */
    SPECTROGRAM
}
