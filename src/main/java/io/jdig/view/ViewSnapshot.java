package io.jdig.view;

import io.jdig.field.EventContext;
import io.jdig.filter.EventPredicate;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;

import java.util.ArrayList;
import java.util.List;

/**
 * A view run over a capture to its end, kept as the table csysdig shows for a file: the sample made after the
 * last event with the pass over the thread table, its cells as csysdig prints them. Interactive front ends (the
 * terminal and web UIs) read views through it.
 */
public final class ViewSnapshot implements ViewSink {
    /** One row: its key as a drill-down compares it ("" in a list), and its shown cells as printed. */
    public record TextRow(String key, List<String> cells) {
    }

    private final ViewTable table;
    private final ThreadPass threads;
    private final long refreshNs;
    private final int defaultSort;
    private long firstTs;
    private long lastTs;
    private long events;
    private volatile List<TextRow> rows = List.of();

    /**
     * @param view       the view
     * @param depth      the drill-down depth its {@code %depth} placeholders stand for
     * @param filter     the complete filter (user, drill-down, view), "" for none
     * @param sortColumn the column to sort by (csysdig's numbering), 0 for the view's default
     * @param ascending  the direction, or null for the column's natural one
     * @throws ViewException when the filter or the view is invalid
     */
    public ViewSnapshot(ViewInfo view, int depth, String filter, int sortColumn, Boolean ascending,
                        ThreadPass threads) {
        this(view, depth, filter, sortColumn, ascending, threads, 2_000_000_000L);
    }

    /** @param sampleNs live, the time between samples of a table (spectrograms sample every half second) */
    public ViewSnapshot(ViewInfo view, int depth, String filter, int sortColumn, Boolean ascending,
                        ThreadPass threads, long sampleNs) {
        this.threads = threads;
        EventPredicate p = null;
        if (!filter.isBlank()) {
            try {
                p = FilterCompiler.compile(filter);
            } catch (FilterException e) {
                throw new ViewException(e.getMessage());
            }
        }
        this.refreshNs = view.type() == ViewType.SPECTROGRAM ? 500_000_000L : sampleNs;
        this.table = new ViewTable(view, depth, p, refreshNs);
        this.defaultSort = view.sortingCol();
        int col = sortColumn > 0 ? sortColumn : view.sortingCol();
        table.sortBy(col);
        if (ascending != null && table.ascending() != ascending) {
            table.sortBy(col);
        }
    }

    @Override
    public void onEvent(EventContext c) {
        long ts = c.ev.ts();
        if (firstTs == 0) {
            firstTs = ts;
        }
        lastTs = ts;
        events++;
        table.process(c);
    }

    /**
     * An event the view's filter would reject anyway, dropped before it (a replay restricted to one process): it
     * counts, and its time is the capture's, but the table does not see it.
     */
    public void onSkipped(EventContext c) {
        long ts = c.ev.ts();
        if (firstTs == 0) {
            firstTs = ts;
        }
        lastTs = ts;
        events++;
    }

    /**
     * The rest of the capture was not replayed (none of it could pass the filter): its {@code count} events end at
     * {@code lastTs}.
     */
    public void skipTail(long lastTs, long count) {
        if (count > 0) {
            this.lastTs = lastTs;
            events += count;
        }
    }

    @Override
    public void onEnd(EventContext last) {
        if (last != null) {
            // as csysdig on a file: one sample at the end, another with the pass over the thread table
            table.flush(lastTs, threads);
            table.flush(lastTs, threads);
        }
        rows = text(table.sample(), lastTs - firstTs);
    }

    /**
     * The rows of the capture's end sorted another way, as a run made with that sort would give them (see
     * {@link ViewTable#resorted}); this snapshot's rows, sort column and direction become those.
     *
     * @param sortColumn the column (csysdig's numbering), 0 for the view's default
     * @param ascending  the direction, or null for the column's natural one
     */
    public synchronized void resort(int sortColumn, Boolean ascending) {
        int col = sortColumn > 0 ? sortColumn : defaultSort;
        rows = text(table.resorted(col, ascending), lastTs - firstTs);
    }

    /** Whether {@link #resort} can be used (tables, not lists). */
    public boolean canResort() {
        return !table.isList();
    }

    /**
     * Live, as csysdig samples a live capture: an event, after the rows of the sample that ended before it were
     * made if it starts a new one. Returns true when a new sample's rows are ready in {@link #rows()}.
     */
    public boolean onLiveEvent(EventContext c) {
        long ts = c.ev.ts();
        boolean sampled = Long.compareUnsigned(ts, table.nextFlushNs()) > 0 && sampleLive(ts);
        if (firstTs == 0) {
            firstTs = ts;
        }
        lastTs = ts;
        events++;
        table.process(c);
        return sampled;
    }

    /** Live, no event for a while: the sample is made if its time ({@code nowNs}) has passed. */
    public boolean tickLive(long nowNs) {
        return table.nextFlushNs() != 0 && Long.compareUnsigned(nowNs, table.nextFlushNs()) > 0 && sampleLive(nowNs);
    }

    private boolean sampleLive(long ts) {
        boolean started = table.nextFlushNs() != 0;
        table.flush(ts, threads);
        if (!started) {
            return false;
        }
        rows = text(table.sample(), refreshNs);
        return true;
    }

    private List<TextRow> text(List<ViewTable.Row> sample, long delta) {
        TableColumn[] cols = table.shownColumns();
        TableColumn key = table.keyColumn();
        List<TextRow> out = new ArrayList<>(sample.size());
        for (ViewTable.Row r : sample) {
            List<String> cells = new ArrayList<>(cols.length);
            String k = table.isList() ? null : CellText.plain(key, r.key);
            for (int j = 0; j < cols.length; j++) {
                String s = CellText.nice(cols[j], r.vals[j], cols[j].timeAveraged() ? delta : 0);
                cells.add(s == null ? "" : s.strip());
            }
            out.add(new TextRow(k == null ? "" : k, List.copyOf(cells)));
        }
        return List.copyOf(out);
    }

    public List<TextRow> rows() {
        return rows;
    }

    public int sortColumn() {
        return table.sortingColumn();
    }

    public boolean ascending() {
        return table.ascending();
    }

    /** Events the view was shown (before its filter). */
    public long events() {
        return events;
    }
}
