package io.jdig.field;

/** Human-friendly renderings of durations and sizes. */
final class Nice {
    private Nice() {
    }

    /** A duration in ns as sysdig's latency.human prints it (e.g. 1.50ms, 3.20s). */
    static String time(long ns) {
        if (ns >= 1_000_000_000L) {
            return CFormat.fixed(ns / 1e9, 2) + "s";
        } else if (ns >= 1_000_000L) {
            return CFormat.fixed(ns / 1e6, 2) + "ms";
        } else if (ns >= 1_000L) {
            return CFormat.fixed(ns / 1e3, 2) + "us";
        }
        return ns + "ns";
    }
}
