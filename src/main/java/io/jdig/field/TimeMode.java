package io.jdig.field;

/** The -t timestamp modes for evt.outputtime. */
public enum TimeMode {
    HUMAN, ABSOLUTE, RELATIVE, LATENCY, DELTA
}
