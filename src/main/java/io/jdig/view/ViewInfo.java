package io.jdig.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A view as declared by a {@code view_info} table. Columns are kept in engine order: the key first, then the
 * group-by key, then the rest as declared. {@link #sortingCol()} is the column sorted by default, counted as the
 * table shows it (without the key of a group-by view).
 */
public record ViewInfo(String id, String name, String description, List<String> tags, List<String> tips,
                       ViewType type, List<ViewColumn> columns, List<String> appliesTo, String filter,
                       String drilldownTarget, boolean useDefaults, boolean isRoot, List<ViewAction> actions,
                       boolean drilldownIncreaseDepth, String spectroType, boolean propagateFilter, String source) {

    /** A view with its columns put in engine order. */
    public static ViewInfo of(String id, String name, String description, List<String> tags, List<String> tips,
                              ViewType type, List<ViewColumn> columns, List<String> appliesTo, String filter,
                              String drilldownTarget, boolean useDefaults, boolean isRoot, List<ViewAction> actions,
                              boolean drilldownIncreaseDepth, String spectroType, boolean propagateFilter,
                              String source) {
        List<ViewColumn> cols = new ArrayList<>(columns);
        keyToFront(cols, ViewColumn.IS_GROUPBY_KEY);
        keyToFront(cols, ViewColumn.IS_KEY);
        ViewInfo v = new ViewInfo(id, name, description, List.copyOf(tags), List.copyOf(tips), type,
                List.copyOf(cols), List.copyOf(appliesTo), filter, drilldownTarget, useDefaults, isRoot,
                List.copyOf(actions), drilldownIncreaseDepth, spectroType, propagateFilter, source);
        v.sortingCol(); // checks the sorting declaration
        return v;
    }

    private static void keyToFront(List<ViewColumn> cols, int flag) {
        for (int j = 0; j < cols.size(); j++) {
            if (cols.get(j).has(flag)) {
                cols.add(0, cols.remove(j));
                return;
            }
        }
    }

    public boolean doesGroupBy() {
        return columns.stream().anyMatch(c -> c.has(ViewColumn.IS_GROUPBY_KEY));
    }

    /** The default sorting column, as csysdig numbers it (1 = the first column after the key). */
    public int sortingCol() {
        int n = 0;
        int col = -1;
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).has(ViewColumn.IS_SORTING)) {
                col = j;
                n++;
            }
        }
        boolean gby = doesGroupBy();
        if (n > 1) {
            throw new IllegalArgumentException("view format error: more than one sorting column");
        }
        if (n == 0) {
            return gby ? 2 : 1;
        }
        return gby ? col - 1 : col;
    }

    /** The view with only the columns that have no tags or carry {@code tag} (csysdig's -pc picks "containers"). */
    public ViewInfo withTag(String tag) {
        List<ViewColumn> cols = new ArrayList<>();
        for (ViewColumn c : columns) {
            if (c.tags().isEmpty() || c.tags().contains(tag)) {
                cols.add(c);
            }
        }
        return new ViewInfo(id, name, description, tags, tips, type, List.copyOf(cols), appliesTo, filter,
                drilldownTarget, useDefaults, isRoot, actions, drilldownIncreaseDepth, spectroType, propagateFilter,
                source);
    }

    /** The view's filter with {@code %depth} replaced for a drill-down depth. */
    public String filter(int depth) {
        String f = filter;
        if (f.contains("%depth+1")) {
            return f.replace("%depth+1", Integer.toString(depth + 1)).replace("%depth + 1", Integer.toString(depth + 1));
        }
        if (f.contains("%depth-1")) {
            return f.replace("%depth-1", Integer.toString(depth - 1)).replace("%depth - 1", Integer.toString(depth - 1));
        }
        return f.replace("%depth", Integer.toString(depth));
    }

    /** The column a drill-down selects on: the group-by key, else the key; null for a list. */
    public ViewColumn key() {
        for (ViewColumn c : columns) {
            if (c.has(ViewColumn.IS_GROUPBY_KEY)) {
                return c;
            }
        }
        for (ViewColumn c : columns) {
            if (c.has(ViewColumn.IS_KEY)) {
                return c;
            }
        }
        return null;
    }

    /** Titles of the columns as shown (a list gets a leading unnamed one; a group-by view hides its key). */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        shown((c, size) -> names.add(c == null ? "" : c.name()), names);
        return names;
    }

    /** The columns as shown ({@link #columnNames()}'s order; null for a list view's first, unnamed one). */
    public List<ViewColumn> shownColumns() {
        List<ViewColumn> cols = new ArrayList<>();
        shown((c, size) -> cols.add(c), cols);
        return cols;
    }

    /** Widths of the columns as shown ({@link #columnNames()}'s order; -1 when the view gives none). */
    public List<Integer> columnSizes() {
        List<Integer> sizes = new ArrayList<>();
        shown((c, size) -> sizes.add(size), sizes);
        return sizes;
    }

    private interface Shown {
        void add(ViewColumn c, int size);
    }

    private <T> void shown(Shown s, List<T> into) {
        List<ViewColumn> order = new ArrayList<>();
        if (type == ViewType.LIST) {
            s.add(null, -1);
        }
        boolean gby = doesGroupBy();
        ViewColumn front = null;
        for (ViewColumn c : columns) {
            if (gby && c.has(ViewColumn.IS_KEY)) {
                continue;
            }
            if (gby && c.has(ViewColumn.IS_GROUPBY_KEY)) {
                front = c;
                continue;
            }
            order.add(c);
        }
        if (front != null) {
            order.add(0, front);
        }
        for (ViewColumn c : order) {
            s.add(c, c.colsize());
        }
    }
}
