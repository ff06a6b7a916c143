package io.jdig.view;

import io.jdig.event.ByteBuf;
import io.jdig.event.ParamType;
import io.jdig.field.EventContext;
import io.jdig.field.Json;
import io.jdig.filter.EventPredicate;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * One view run over a capture in csysdig's batch modes: {@code -j} (the JSON that Sysdig Inspect reads) or
 * {@code --raw} (the table as text), printed exactly as csysdig prints them. On a file, csysdig samples only at
 * the end of the capture: once with the events read (the text mode prints that sample), then, after seeing the
 * last event a second time, with the pass over the thread table; live, it samples every refresh interval (at the
 * first event past the interval's end, or at a {@link #tick} past it when no event comes), and prints each sample
 * as it is made. With {@code -j} on a file, a progress line every 300,000 events.
 */
public final class BatchRun implements ViewSink {
    /** The two batch outputs. */
    public enum Mode {
        JSON, RAW
    }

    private static final String RULE = "----------------------\n";

    private final ViewCatalog catalog;
    private final ViewInfo view;
    private final Mode mode;
    private final boolean live;
    private final long refreshNs;
    private final ThreadPass threads;
    private final OutputStream out;
    private final ByteBuf buf = new ByteBuf(1 << 16);
    private final String userFilter;
    private final ViewTable table;
    /** Drill-down depth: batch runs show the first view of a session. */
    private static final int DEPTH = 0;
    private long firstTs;
    private long lastTs;
    private int eof;
    /** How far through the file reading is, in percent (-j on a file prints it now and then); null: not shown. */
    private DoubleSupplier readProgress;
    private long lastProgressEvent;
    private boolean stopped;

    /**
     * @param userFilter the filter given on the command line ("" for none), as csysdig joins its words
     */
    public BatchRun(ViewCatalog catalog, ViewInfo view, String userFilter, Mode mode, long refreshNs, boolean live,
                    ThreadPass threads, OutputStream out) {
        this.catalog = catalog;
        this.view = view;
        this.mode = mode;
        this.live = live;
        this.threads = threads;
        this.out = out;
        this.userFilter = userFilter;
        long interval = refreshNs;
        if (view.type() == ViewType.SPECTROGRAM && refreshNs == 2_000_000_000L) {
            interval = refreshNs / 4;
        }
        this.refreshNs = interval;
        String complete = DrillPath.both(userFilter, view.filter(DEPTH));
        EventPredicate filter = compile(complete);
        this.table = new ViewTable(view, DEPTH, filter, interval);
        table.sortBy(view.sortingCol());
    }

    private static EventPredicate compile(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return FilterCompiler.compile(text);
        } catch (FilterException e) {
            throw new ViewException(e.getMessage());
        }
    }

    /**
     * With {@code -j} on a file: where to read how far through it reading has got, for the progress lines csysdig
     * prints every 300,000 events.
     */
    public void progressFrom(DoubleSupplier readProgress) {
        this.readProgress = readProgress;
    }

    /** Prints what csysdig prints before the first event. */
    public void start() {
        if (mode == Mode.JSON) {
            buf.append("{\"slices\": [\n{\"progress\": 0},\n");
        }
    }

    @Override
    public void onEvent(EventContext c) {
        long ts = c.ev.ts();
        if (!live) {
            if (firstTs == 0) {
                firstTs = ts;
                if (mode == Mode.JSON && readProgress != null) {
                    readProgress.getAsDouble(); // from here the reader follows its figure as it goes
                }
            }
            lastTs = ts;
            if (mode == Mode.JSON && c.num - lastProgressEvent > PROGRESS_EVERY) {
                progressLine();
                lastProgressEvent = c.num;
            }
        } else if (ts > table.nextFlushNs()) {
            endOfSample(ts);
        }
        table.process(c);
        if (buf.length() > (1 << 15)) {
            flushOut();
        }
    }

    @Override
    public void tick(long nowNs) {
        if (!live) {
            return;
        }
        long due = table.nextFlushNs();
        if (due != 0 && nowNs > due) {
            endOfSample(nowNs);
        }
        if (buf.length() > 0) {
            flushOut();
        }
    }

    @Override
    public void onEnd(EventContext last) {
        if (live) {
            stop(); // Ctrl-C, SIGTERM: what was printed stays, the JSON is closed
            return;
        }
        if (last != null) {
            long ts = last.ev.ts();
            // csysdig sees the end of the file twice and samples each time; the last event, handed to the table
            // again in between, adds nothing there
            endOfSample(ts);
            eof++;
            endOfSample(ts);
            eof++;
        }
        stop();
    }

    /** The capture stopped before its end (-n): nothing more is sampled. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (mode == Mode.JSON) {
            buf.append("]}\n");
        }
        flushOut();
    }

    /** csysdig's progress line: the reader's figure with two decimals, the number of events since the last. */
    private static final long PROGRESS_EVERY = 300_000;

    private void progressLine() {
        double p = readProgress == null ? 0 : readProgress.getAsDouble();
        buf.append("{\"progress\": ").append(io.jdig.field.CFormat.fixed(p, 2)).append("},\n");
        flushOut();
    }

    private void endOfSample(long ts) {
        table.flush(ts, threads);
        long delta = live ? refreshNs : lastTs - firstTs;
        if (mode == Mode.JSON) {
            if (live || eof > 0) {
                buf.append("{\"progress\": 100, ");
                List<ViewTable.Row> rows = table.sample();
                int count = json(rows, delta);
                buf.append("\"count\": ").append(count).append(", ");
                buf.append("\"info\": ");
                info();
                buf.append("}\n");
            }
        } else {
            raw(table.sample(), delta);
        }
        if (live) {
            flushOut(); // a sample shows when it is made
        }
    }

    private void raw(List<ViewTable.Row> rows, long delta) {
        TableColumn[] cols = table.shownColumns();
        for (ViewTable.Row r : rows) {
            for (int j = 0; j < cols.length; j++) {
                String s = CellText.nice(cols[j], r.vals[j], cols[j].timeAveraged() ? delta : 0);
                buf.append(s == null ? "(null)" : s).append((byte) ' ');
            }
            buf.append((byte) '\n');
        }
        buf.append(RULE);
    }

    private int json(List<ViewTable.Row> rows, long delta) {
        if (rows.isEmpty()) {
            return 0;
        }
        TableColumn[] cols = table.shownColumns();
        TableColumn key = table.keyColumn();
        buf.append("\"data\": [\n");
        int n = rows.size();
        for (int k = 0; k < n; k++) {
            ViewTable.Row r = rows.get(k);
            buf.append("{\"d\":[");
            for (int j = 0; j < cols.length; j++) {
                if (j > 0) {
                    buf.append((byte) ',');
                }
                CellText.json(buf, cols[j], r.vals[j], cols[j].timeAveraged() ? delta : 0);
            }
            buf.append("],\"k\":");
            String ks = CellText.plain(key, r.key);
            Json.appendString(buf, ks == null ? "" : ks);
            buf.append((byte) '}');
            if (k < n - 1) {
                buf.append(",\n");
            }
        }
        buf.append("],\n");
        return n;
    }

    /** The "info" object: what Sysdig Inspect needs to show the table and drill down from it. */
    private void info() {
        buf.append((byte) '{');
        boolean comma = false;
        if (!view.appliesTo().isEmpty()) {
            buf.append("\"appliesTo\":[");
            for (int i = 0; i < view.appliesTo().size(); i++) {
                if (i > 0) {
                    buf.append((byte) ',');
                }
                Json.appendString(buf, view.appliesTo().get(i));
            }
            buf.append((byte) ']');
            comma = true;
        }
        if (comma) {
            buf.append((byte) ',');
        }
        ViewColumn key = view.key();
        if (key != null) {
            buf.append("\"canDrillDown\":true,\"drillDownKeyField\":");
            Json.appendString(buf, key.field());
        } else {
            buf.append("\"canDrillDown\":false");
        }
        if (view.type() == ViewType.TABLE) {
            String[] template = filterTemplate();
            buf.append(",\"filterTemplate\":");
            Json.appendString(buf, template[0]);
            buf.append(",\"filterTemplateF\":");
            Json.appendString(buf, template[1]);
        }
        buf.append(",\"legend\":");
        legend();
        buf.append(",\"sortingCol\":").append(view.sortingCol());
        buf.append((byte) '}');
    }

    private void legend() {
        List<String> names = view.columnNames();
        List<Integer> sizes = view.columnSizes();
        TableColumn[] pre = table.preColumns();
        int off = names.size() == pre.length - 1 ? 1 : 0;
        TableColumn[] legend = legendColumns();
        if (names.size() <= 1) {
            buf.append("null");
            return;
        }
        buf.append((byte) '[');
        for (int j = 1; j < names.size(); j++) {
            if (j > 1) {
                buf.append((byte) ',');
            }
            buf.append("{\"format\":");
            Json.appendString(buf, formatName(legend[j].format));
            buf.append(",\"name\":");
            Json.appendString(buf, names.get(j));
            buf.append(",\"size\":").append(sizes.get(j));
            buf.append(",\"type\":");
            Json.appendString(buf, typeName(pre[j + off].type));
            buf.append((byte) '}');
        }
        buf.append((byte) ']');
    }

    /** The columns whose print formats the legend shows: merged ones for a group-by view. */
    private TableColumn[] legendColumns() {
        TableColumn[] shown = table.shownColumns();
        TableColumn[] all = new TableColumn[shown.length + 1];
        all[0] = table.keyColumn();
        System.arraycopy(shown, 0, all, 1, shown.length);
        return all;
    }

    /** The filter a drill-down from the first row would run with: without, then with, the target view's filter. */
    private String[] filterTemplate() {
        DrillPath path = new DrillPath();
        ViewInfo selected = view;
        int d = DEPTH;
        ViewColumn key = view.key();
        String field = key.filterField(DEPTH);
        ViewInfo target = catalog.drillTarget(view, field);
        if (target != null) {
            if (view.drilldownIncreaseDepth() && !target.id().equals("spectro_tracers")) {
                d++;
            }
            String vfilter = view.propagateFilter() ? view.filter(d) : "";
            path.push(new DrillPath.Step(field, "", key, vfilter));
            selected = target;
        }
        String noView = DrillPath.both(userFilter, path.filter(true));
        return new String[] {noView, DrillPath.both(noView, selected.filter(d))};
    }

    static String formatName(io.jdig.event.PrintFormat f) {
        return switch (f) {
            case DEC -> "DEC";
            case HEX -> "HEX";
            case OCT -> "OCT";
            case ID -> "ID";
            case DIR -> "DIR";
            case PADDED_DEC -> "10_PADDED_DEC";
            default -> "NA";
        };
    }

    static String typeName(ParamType t) {
        return t == ParamType.DYN ? "DYNAMIC" : t.name();
    }

    private void flushOut() {
        try {
            out.write(buf.array(), 0, buf.length());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buf.clear();
    }
}
