package io.jdig.view;

/** A duration as sysdig's views write one where there is room for any width: "959ms", "3.00s", "1:05". */
public final class NiceTime {
    private NiceTime() {
    }

    /** {@code ns} nanoseconds in the short form csysdig's views and header use. */
    public static String of(long ns) {
        return CellText.time(ns, 0);
    }
}
