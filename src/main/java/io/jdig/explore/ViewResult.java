package io.jdig.explore;

import java.util.List;

/**
 * A view's table as csysdig shows it at the end of a capture (or at the last sample of a live one).
 *
 * @param query        the query answered, with the view id resolved
 * @param name         the view's name
 * @param filter       the complete filter the view ran with (user, drill-down and view filters)
 * @param columns      the columns shown, the key column first
 * @param rows         the rows, sorted
 * @param sortColumn   the column sorted by (csysdig's numbering: 1 = first after the key)
 * @param ascending    the sort direction
 * @param drillKeyField the field a drill-down from a row compares with its key, or null when rows cannot be opened
 * @param drillKeyQuoted whether that key is quoted in a drill-down's filter (csysdig's rule for its type)
 * @param eventsRead   how many events of the capture the answer looked at
 */
public record ViewResult(ViewQuery query, String name, String filter, List<Column> columns, List<Row> rows,
                         int sortColumn, boolean ascending, String drillKeyField, boolean drillKeyQuoted,
                         long eventsRead) {

    /** A row's key as a drill-down from it writes it in the filter (and in the "For:" line), as csysdig does. */
    public String drillValue(String key) {
        return io.jdig.view.DrillPath.selected(key, drillKeyQuoted);
    }

    /**
     * A column: its title, its width in characters as the view declares it, its description, and whether its
     * title and values go on the right (numbers, times and durations, as csysdig's screen puts them).
     */
    public record Column(String name, int size, String description, boolean alignsRight) {
    }

    /** A row: its key (what a drill-down from it selects) and its cells as csysdig prints them, key first. */
    public record Row(String key, List<String> cells) {
    }

    public boolean canDrillDown() {
        return drillKeyField != null;
    }
}
