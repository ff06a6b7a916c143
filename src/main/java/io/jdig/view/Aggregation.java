package io.jdig.view;

/** How a column combines the values of the events (or, for a group-by view, of the rows) that share a key. */
public enum Aggregation {
    /** The first value stays. */
    NONE,
    SUM,
    /** The sum, shown divided by the number of values. */
    AVG,
    /** The sum, shown per second of capture. */
    TIME_AVG,
    MIN,
    /** The largest number; for strings, the latest value. */
    MAX;

    /** The aggregation named in a view file; unknown names mean none, as in csysdig. */
    public static Aggregation of(String name) {
        if (name == null) {
            return NONE;
        }
        return switch (name) {
            case "SUM" -> SUM;
            case "AVG" -> AVG;
            case "TIME_AVG" -> TIME_AVG;
            case "MIN" -> MIN;
            case "MAX" -> MAX;
            default -> NONE;
        };
    }
}
