package io.jdig.view;

import io.jdig.field.EventContext;
import io.jdig.filter.EventPredicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data of one view: csysdig's table engine. A table view keys rows by its key column and combines each
 * column's values per key; a group-by view then merges those rows by the group-by key at each sample. A list
 * view keeps one row per event. Rows come out in the order csysdig produces them (see {@link HashOrder} and
 * {@link IntroSort}).
 */
public final class ViewTable {
    /** One row: its key and the other columns' values. */
    public static final class Row {
        final Cell key;
        final Cell[] vals;

        Row(Cell key, Cell[] vals) {
            this.key = key;
            this.vals = vals;
        }

        /** The number held by shown column {@code j} (0 = the first column after the key). */
        public long number(int j) {
            return vals[j].num;
        }
    }

    private final boolean list;
    private final EventPredicate filter;
    private final boolean useDefaults;
    /** Columns as events fill them: the key first (for a list, a counter). */
    private final TableColumn[] pre;
    /** Columns after the group-by merge: the group-by key first; null when the view does not group. */
    private final TableColumn[] post;
    /** For each merged column, which of {@link #pre} it comes from. */
    private final int[] groupbyFrom;
    private final Cell[] scratch;
    /** Columns an existing row keeps as they are: see {@link #processKeyed}. */
    private final boolean[] unchanging;
    private final Cell[] mergeScratch;
    private final long refreshNs;

    private final HashOrder preOrder = new HashOrder();
    private Row[] preRows = new Row[64];
    private final HashOrder mergeOrder = new HashOrder();
    private Row[] mergeRows = new Row[64];
    private final List<Row> listRows = new ArrayList<>();
    private List<Row> sample = new ArrayList<>();
    /** The last sample in the order it was made, before any sort (so that it can be sorted again afresh). */
    private List<Row> unsorted = List.of();

    private long nextFlushNs;
    private int sortingCol = -1;
    private boolean ascending;
    private boolean justSorted = true;

    /**
     * @param view      the view, its columns in engine order
     * @param depth     the drill-down depth its {@code %depth} placeholders stand for
     * @param filter    the complete filter (view, user, drill-down), or null
     * @param refreshNs the time between samples (lists sample every 200 ms whatever it is)
     */
    public ViewTable(ViewInfo view, int depth, EventPredicate filter, long refreshNs) {
        this.list = view.type() == ViewType.LIST;
        this.filter = filter;
        this.useDefaults = view.useDefaults();
        this.refreshNs = list ? 200_000_000L : refreshNs;
        List<ViewColumn> cols = view.columns();
        List<TableColumn> p = new ArrayList<>();
        boolean hasKey = false;
        for (ViewColumn c : cols) {
            TableColumn tc = new TableColumn(c.field(depth), c.aggregation());
            if (c.has(ViewColumn.IS_KEY)) {
                if (hasKey) {
                    throw new ViewException("invalid table configuration: multiple keys specified");
                }
                p.add(0, tc);
                hasKey = true;
            } else {
                p.add(tc);
            }
        }
        if (!list && !hasKey) {
            throw new ViewException("table is missing the key");
        }
        if (list) {
            if (hasKey) {
                throw new ViewException("list table can't have a key");
            }
            p.add(0, new TableColumn("util.cnt", Aggregation.NONE));
        }
        if (p.size() < 2) {
            throw new ViewException("table has no values");
        }
        this.pre = p.toArray(TableColumn[]::new);
        this.scratch = newCells(pre.length);
        this.unchanging = new boolean[pre.length];
        for (int j = 1; j < pre.length; j++) {
            TableColumn tc = pre[j];
            unchanging[j] = tc.aggregation == Aggregation.NONE && useDefaults && tc.setDefault(new Cell())
                    && !tc.field.keepsState();
        }
        int gby = 0;
        for (ViewColumn c : cols) {
            if (c.has(ViewColumn.IS_GROUPBY_KEY)) {
                gby++;
            }
        }
        if (gby == 0) {
            post = null;
            groupbyFrom = null;
            mergeScratch = null;
            return;
        }
        if (gby > 1) {
            throw new ViewException("invalid table definition: multiple groupby keys");
        }
        if (list) {
            throw new ViewException("group by not supported for list tables");
        }
        List<TableColumn> q = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            ViewColumn c = cols.get(j);
            if (c.has(ViewColumn.IS_KEY)) {
                continue;
            }
            TableColumn tc = pre[j];
            tc.mergeAggregation = c.groupbyAggregation();
            if (c.has(ViewColumn.IS_GROUPBY_KEY)) {
                q.add(0, tc);
                from.add(0, j);
            } else {
                q.add(tc);
                from.add(j);
            }
        }
        this.post = q.toArray(TableColumn[]::new);
        this.groupbyFrom = from.stream().mapToInt(Integer::intValue).toArray();
        this.mergeScratch = newCells(post.length);
    }

    private static Cell[] newCells(int n) {
        Cell[] c = new Cell[n];
        for (int i = 0; i < n; i++) {
            c[i] = new Cell();
        }
        return c;
    }

    public boolean isList() {
        return list;
    }

    /** The columns shown, after the key (merged columns for a group-by view). */
    TableColumn[] shownColumns() {
        TableColumn[] cols = post != null ? post : pre;
        return Arrays.copyOfRange(cols, 1, cols.length);
    }

    /** Column types before the merge (what csysdig's legend reads). */
    TableColumn[] preColumns() {
        return pre;
    }

    TableColumn keyColumn() {
        return post != null ? post[0] : pre[0];
    }

    /** An event: through the filter, its fields extracted, into its row. */
    public void process(EventContext c) {
        if (filter != null && !filter.test(c)) {
            return;
        }
        if (!list) {
            processKeyed(c);
            return;
        }
        for (int j = 0; j < pre.length; j++) {
            if (!fill(c, j)) {
                return;
            }
        }
        Cell[] vals = new Cell[pre.length - 1];
        for (int j = 1; j < pre.length; j++) {
            vals[j - 1] = scratch[j].copy();
            vals[j - 1].cnt = 1;
        }
        Cell key = scratch[0].copy();
        key.cnt = 1;
        listRows.add(new Row(key, vals));
    }

    /** Extracts column j into its scratch cell, or its default; false when the event adds nothing to the table. */
    private boolean fill(EventContext c, int j) {
        return pre[j].extract(c, scratch[j]) || useDefaults && pre[j].setDefault(scratch[j]);
    }

    /**
     * A table view's event. The key first: when its row exists, the columns that would not change it (kept as
     * first seen, never failing thanks to a default, and free of state of their own) are not even extracted, as
     * the result is the same as csysdig's extracting them and then leaving the row alone.
     */
    private void processKeyed(EventContext c) {
        if (!fill(c, 0)) {
            return;
        }
        Cell key = scratch[0];
        TableColumn keyCol = pre[0];
        long h = KeyBytes.hash(keyCol, key);
        Row row = null;
        for (int n = preOrder.first(h); n >= 0; n = preOrder.nextWithHash(n, h)) {
            Row r = preRows[n];
            if (KeyBytes.equal(keyCol, r.key, key)) {
                row = r;
                break;
            }
        }
        if (row == null) {
            for (int j = 1; j < pre.length; j++) {
                if (!fill(c, j)) {
                    return;
                }
            }
            insertRow(preOrder, pre, scratch, h, false);
            return;
        }
        for (int j = 1; j < pre.length; j++) {
            if (!unchanging[j] && !fill(c, j)) {
                return;
            }
        }
        for (int j = 1; j < pre.length; j++) {
            if (!unchanging[j]) {
                Combine.add(pre[j], row.vals[j - 1], scratch[j], pre[j].aggregation);
            }
        }
    }

    private void addRow(HashOrder order, TableColumn[] cols, Cell[] fields, boolean merging) {
        TableColumn keyCol = cols[0];
        Cell key = fields[0];
        long h = KeyBytes.hash(keyCol, key);
        Row[] rows = merging ? mergeRows : preRows;
        for (int n = order.first(h); n >= 0; n = order.nextWithHash(n, h)) {
            Row r = rows[n];
            if (KeyBytes.equal(keyCol, r.key, key)) {
                for (int j = 1; j < cols.length; j++) {
                    TableColumn c = cols[j];
                    Combine.add(c, r.vals[j - 1], fields[j], merging ? c.mergeAggregation : c.aggregation);
                }
                return;
            }
        }
        insertRow(order, cols, fields, h, merging);
    }

    private void insertRow(HashOrder order, TableColumn[] cols, Cell[] fields, long h, boolean merging) {
        Cell key = fields[0];
        Row[] rows = merging ? mergeRows : preRows;
        int n = order.insert(h);
        Cell[] vals = new Cell[cols.length - 1];
        for (int j = 1; j < cols.length; j++) {
            vals[j - 1] = fields[j].copy();
        }
        Cell k = key.copy();
        k.cnt = 1;
        if (n >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(n + 1, rows.length * 2));
            if (merging) {
                mergeRows = rows;
            } else {
                preRows = rows;
            }
        }
        rows[n] = new Row(k, vals);
    }

    /**
     * The end of a sample (csysdig's flush): from the second one on, the thread table pass and the rows of the
     * sample are made and the table starts again.
     */
    public void flush(long ts, ThreadPass threads) {
        if (nextFlushNs != 0) {
            if (threads != null) {
                threads.run(ts, c -> {
                    if (filter == null || filter.test(c)) {
                        process(c);
                    }
                });
            }
            createSample();
            preOrder.clear();
            mergeOrder.clear();
        }
        nextFlushNs = ts - Long.remainderUnsigned(ts, refreshNs) + refreshNs;
    }

    /** The column sorted by, as csysdig numbers it (1 = the first column after the key); 0 for none. */
    public int sortingColumn() {
        return sortingCol + 1;
    }

    /** Whether the sort is ascending. */
    public boolean ascending() {
        return ascending;
    }

    /** When the next sample is due (for live captures). */
    public long nextFlushNs() {
        return nextFlushNs;
    }

    private void createSample() {
        if (list) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        if (post != null) {
            mergeOrder.clear();
            for (int n = preOrder.head(); n >= 0; n = preOrder.after(n)) {
                Row r = preRows[n];
                for (int j = 0; j < post.length; j++) {
                    int col = groupbyFrom[j];
                    mergeScratch[j].set(col == 0 ? r.key : r.vals[col - 1]);
                }
                addRow(mergeOrder, post, mergeScratch, true);
            }
            for (int n = mergeOrder.head(); n >= 0; n = mergeOrder.after(n)) {
                rows.add(mergeRows[n]);
            }
        } else {
            for (int n = preOrder.head(); n >= 0; n = preOrder.after(n)) {
                rows.add(preRows[n]);
            }
        }
        sample = rows;
        unsorted = List.copyOf(rows);
    }

    /**
     * The last sample sorted again as if the table had been made with this sort ({@code col} as csysdig numbers
     * columns, {@code asc} null for the column's natural direction): the rows come out in the order a new run with
     * that sort would give. Tables only (a list's events are not kept twice).
     */
    public List<Row> resorted(int col, Boolean asc) {
        if (list) {
            throw new ViewException("a list is not sorted again");
        }
        sortingCol = -1;
        sortBy(col);
        if (asc != null && ascending != asc) {
            sortBy(col);
        }
        sample = new ArrayList<>(unsorted);
        justSorted = true;
        return sample();
    }

    /** Sets the sorting column as csysdig numbers it (1 = first column after the key). */
    public void sortBy(int col) {
        TableColumn[] cols = post != null ? post : pre;
        if (col == 0) {
            if (!list) {
                throw new ViewException("cannot sort by key");
            }
            sortingCol = -1;
            return;
        }
        if (col >= cols.length) {
            throw new ViewException("invalid table sorting column");
        }
        if (col == sortingCol + 1) {
            ascending = !ascending;
        } else {
            ascending = switch (cols[col].type) {
                case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, RELTIME, ABSTIME, DOUBLE, BOOL -> false;
                default -> true;
            };
        }
        justSorted = true;
        sortingCol = col - 1;
    }

    /** The rows of the last sample, sorted (a list is sorted once, the first time it is asked for). */
    public List<Row> sample() {
        List<Row> rows = list ? listRows : sample;
        if (list && (sortingCol == -1 || !justSorted)) {
            return rows;
        }
        justSorted = false;
        if (!rows.isEmpty()) {
            int sc = sortingCol;
            io.jdig.event.ParamType type = pre[post != null ? sc + 2 : sc + 1].type;
            boolean asc = ascending;
            Row[] a = rows.toArray(Row[]::new);
            IntroSort.sort(a, a.length, (x, y) -> Compare.before(type, x.vals[sc], y.vals[sc], asc));
            rows.clear();
            rows.addAll(Arrays.asList(a));
        }
        return rows;
    }
}
