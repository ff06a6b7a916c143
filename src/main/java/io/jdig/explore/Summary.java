package io.jdig.explore;

import java.util.List;

/**
 * The overview of a capture: what Sysdig Inspect's summary page shows, computed as the {@code wsysdig_summary}
 * chisel does (the same metrics, names, targets, intervals and totals), from the first read of the capture.
 *
 * @param startTs    time of the first event (ns since the epoch)
 * @param endTs      time of the last event
 * @param durationNs the time between them
 * @param intervalNs the length of a sample
 * @param containers the containers seen (id to name)
 * @param metrics    the tiles, in the chisel's order (those of the chisel that are zero and excludable left out)
 */
public record Summary(long startTs, long endTs, long durationNs, long intervalNs,
                      java.util.Map<String, String> containers, List<Metric> metrics) {

    /**
     * One tile.
     *
     * @param id               the chisel's name for the metric ({@code syscallCount}, {@code fileBytes}...)
     * @param name             its title
     * @param category         general, file, network, napps, security, performance, logs or infrastructure
     * @param targetView       the view (or {@code dig}, {@code echo}) a click on the tile opens
     * @param targetViewFilter the filter that view is opened with ("" for none)
     * @param drillDownKey     the chisel's drill-down key ("" or NONE when there is none)
     * @param sortingColumn    the column the target view is sorted by, or -1 for its default
     * @param aggregation      {@code sum} (a count or bytes per sample) or {@code avg} (a level)
     * @param total            the tile's number: the sum over the capture, or for a table metric the number of
     *                         distinct things (processes, files, ports...) seen over it
     * @param max              the largest sample
     * @param times            the start of each sample (ns since the epoch)
     * @param values           each sample's value
     */
    public record Metric(String id, String name, String category, String targetView, String targetViewFilter,
                         String drillDownKey, int sortingColumn, String aggregation, long total, long max,
                         long[] times, long[] values) {
    }

    /** The tile with this chisel id, or null. */
    public Metric metric(String id) {
        for (Metric m : metrics) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
