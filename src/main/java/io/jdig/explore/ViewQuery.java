package io.jdig.explore;

import java.util.List;

/**
 * What to show: a view, reached through a drill-down path, over a time range, with the user's filter and a sort.
 *
 * @param viewId     the view shown ({@code null}: the first root view)
 * @param path       the selections that led here, first view first (empty at the top)
 * @param filter     the user's filter in sysdig's language ("" for none)
 * @param range      the time range the events must fall in
 * @param sortColumn the column to sort by, numbered as csysdig does (1 = first column after the key), or 0 for the
 *                   view's default
 * @param ascending  the sort direction, or null for the column's natural one (numbers descending, text ascending)
 */
public record ViewQuery(String viewId, List<Selection> path, String filter, TimeRange range, int sortColumn,
                        Boolean ascending) {
    public ViewQuery {
        path = List.copyOf(path);
        filter = filter == null ? "" : filter.strip();
        range = range == null ? TimeRange.ALL : range;
    }

    /** The top of a view: no drill-down, no filter, the whole capture, the default sort. */
    public static ViewQuery of(String viewId) {
        return new ViewQuery(viewId, List.of(), "", TimeRange.ALL, 0, null);
    }

    public ViewQuery withView(String id) {
        return new ViewQuery(id, path, filter, range, 0, null);
    }

    public ViewQuery withFilter(String f) {
        return new ViewQuery(viewId, path, f, range, sortColumn, ascending);
    }

    public ViewQuery withRange(TimeRange r) {
        return new ViewQuery(viewId, path, filter, r, sortColumn, ascending);
    }

    public ViewQuery sortedBy(int column, Boolean asc) {
        return new ViewQuery(viewId, path, filter, range, column, asc);
    }

    /** One level up (Backspace): the view the last selection was made in, or this query at the top. */
    public ViewQuery back() {
        if (path.isEmpty()) {
            return this;
        }
        Selection last = path.get(path.size() - 1);
        return new ViewQuery(last.viewId(), path.subList(0, path.size() - 1), filter, range, 0, null);
    }
}
