package io.jdig.explore;

/**
 * A span of capture time in nanoseconds since the epoch, both ends included, as a filter on {@code evt.rawtime}
 * would select it.
 */
public record TimeRange(long fromNs, long toNs) {
    /** The whole capture. */
    public static final TimeRange ALL = new TimeRange(0, Long.MAX_VALUE);

    public TimeRange {
        if (Long.compareUnsigned(fromNs, toNs) > 0) {
            throw new IllegalArgumentException("a time range cannot end before it starts");
        }
    }

    public boolean isAll() {
        return fromNs == 0 && toNs == Long.MAX_VALUE;
    }

    public boolean contains(long ts) {
        return Long.compareUnsigned(ts, fromNs) >= 0 && Long.compareUnsigned(ts, toNs) <= 0;
    }

    /** The range as a filter expression ("" for the whole capture). */
    public String asFilter() {
        if (isAll()) {
            return "";
        }
        return "evt.rawtime>=" + Long.toUnsignedString(fromNs) + " and evt.rawtime<=" + Long.toUnsignedString(toNs);
    }
}
