package io.jdig.web;

import io.jdig.explore.EchoChunk;
import io.jdig.explore.Exploration;
import io.jdig.explore.ExploreException;
import io.jdig.explore.Selection;
import io.jdig.explore.Summary;
import io.jdig.explore.TimeRange;
import io.jdig.explore.Spectrogram;
import io.jdig.explore.ViewQuery;
import io.jdig.explore.ViewResult;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;
import io.jdig.view.ViewInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JSON API over one exploration: each method answers one endpoint from its query parameters. A query is
 * {@code view}, the drill-down path as repeated {@code pv}/{@code pk} pairs (view id and row key of each step),
 * {@code filter} (the user's, in sysdig's language), {@code from} and {@code to} (ns since the epoch), {@code sort}
 * and {@code asc}.
 */
final class Api {
    private static final int CACHED = 64;
    /** The exploration, once the capture has been read (null before). */
    private volatile Exploration x;
    private volatile double progress;
    private final List<Runnable> refreshListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Path trace;
    /** One question at a time: the exploration's runs share its view catalog. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> e) {
            return size() > CACHED;
        }
    };

    /** The API over {@code trace} (null: live), answering once {@link #ready} is given the exploration. */
    Api(Path trace) {
        this.trace = trace;
    }

    /** How far the first read has got (0 to 1). */
    void progress(double fraction) {
        progress = fraction;
    }

    void ready(Exploration exploration) {
        for (Runnable r : refreshListeners) {
            exploration.addRefreshListener(r);
        }
        x = exploration;
    }

    /** Live: {@code r} is told after each sample (once the session has started). */
    void addRefreshListener(Runnable r) {
        refreshListeners.add(r);
        Exploration e = x;
        if (e != null) {
            e.addRefreshListener(r);
        }
    }

    /** The exploration, or null while the capture is being read. */
    Exploration explorationOrNull() {
        return x;
    }

    boolean isLive() {
        Exploration e = x;
        return e != null ? e.isLive() : trace == null;
    }

    long events() {
        Exploration e = x;
        return e == null ? 0 : e.events();
    }

    /** Why the capture could not be read to its end, or null (see {@link Exploration#cutShort}). */
    String cutShort() {
        Exploration e = x;
        return e == null ? null : e.cutShort();
    }

    /** The exploration, or 503 while the first read goes on. */
    private Exploration x() {
        Exploration e = x;
        if (e == null) {
            throw new HttpError(503, "still reading the capture: " + (int) (progress * 100) + "%");
        }
        return e;
    }

    /** GET /api/info: the capture and the views. */
    String info() {
        Exploration x = this.x;
        if (x == null) {
            return new JsonWriter().beginObject().field("loading", true)
                    .field("source", trace == null ? "live" : trace.toString())
                    .field("progress", Math.round(progress * 1000) / 10.0 + "").endObject().toString();
        }
        JsonWriter w = new JsonWriter().beginObject();
        w.field("source", x.source()).field("events", x.events());
        if (x.cutShort() != null) {
            w.field("cutShort", x.cutShort()); // read up to there, as csysdig reads a truncated file
        }
        w
                .field("firstTs", Long.toUnsignedString(x.span().fromNs()))
                .field("lastTs", Long.toUnsignedString(x.span().toNs())).field("live", x.isLive());
        w.name("views").beginArray();
        for (ViewInfo v : x.catalog().views()) {
            w.beginObject().field("id", v.id()).field("name", v.name())
                    .field("description", v.description() == null ? "" : v.description())
                    .field("root", v.isRoot()).endObject();
        }
        return w.endArray().endObject().toString();
    }

    /** GET /api/check?filter=: whether the filter compiles, else the message and the 0-based position. */
    String check(QueryParams p) {
        String f = p.get("filter", "").strip();
        JsonWriter w = new JsonWriter().beginObject();
        try {
            if (!f.isEmpty()) {
                FilterCompiler.compile(f);
            }
            w.field("ok", true);
        } catch (FilterException e) {
            w.field("ok", false).field("message", e.getMessage()).field("reason", e.reason())
                    .field("position", e.position());
        }
        return w.endObject().toString();
    }

    /**
     * GET /api/summary: the overview tiles (totals and timelines). Without a filter, from the exploration's index
     * (the samples of the time range); with one, the chisel run over the trace file with the filter and the range.
     */
    String summary(QueryParams p) {
        String filter = userFilter(p);
        TimeRange r = range(p);
        if (filter.isEmpty() || x().isLive() || trace == null) {
            return summaryJson(explore(() -> x().summary(r)), filter);
        }
        TimeRange span = x().span();
        long from = r.isAll() ? span.fromNs() : Math.max(r.fromNs(), span.fromNs());
        long to = r.isAll() ? span.toNs() : Math.min(r.toNs(), span.toNs());
        String full = both(filter, r.asFilter());
        return cached("summary\0" + full, () -> {
            String data = ChiselSummary.compute(trace, full, Math.max(1, to - from));
            return new JsonWriter().beginObject().field("source", "chisel").field("filter", full).name("chisel")
                    .raw(data).endObject().toString();
        });
    }

    /** The index's overview as JSON (times as decimal strings: they exceed a double's exact integers). */
    private static String summaryJson(Summary s, String ignoredFilter) {
        JsonWriter w = new JsonWriter().beginObject().field("source", "index")
                .field("startTs", Long.toUnsignedString(s.startTs())).field("endTs", Long.toUnsignedString(s.endTs()))
                .field("intervalNs", s.intervalNs());
        if (!ignoredFilter.isEmpty()) {
            w.field("note", "the tiles of a live session do not apply the filter");
        }
        w.name("metrics").beginArray();
        for (Summary.Metric m : s.metrics()) {
            w.beginObject().field("id", m.id()).field("name", m.name()).field("category", m.category())
                    .field("targetView", m.targetView()).field("targetViewFilter", m.targetViewFilter())
                    .field("drillDownKey", m.drillDownKey()).field("sortingColumn", m.sortingColumn())
                    .field("aggregation", m.aggregation()).field("tot", m.total()).field("max", m.max());
            w.name("times").beginArray();
            for (long t : m.times()) {
                w.value(Long.toUnsignedString(t));
            }
            w.endArray().name("values").beginArray();
            for (long v : m.values()) {
                w.value(v);
            }
            w.endArray().endObject();
        }
        return w.endArray().endObject().toString();
    }

    /** GET /api/save?seconds=N: writes the last N seconds to {@code file}; returns how many events. */
    long save(QueryParams p, Path file) {
        int seconds = p.intValue("seconds", 10, 1, 86_400);
        return explore(() -> x().saveRecent(file, seconds));
    }

    /** GET /api/view: a view's table through a drill-down path (its first {@code max} rows, 5000 by default). */
    String view(QueryParams p) {
        ViewQuery q = query(p);
        int max = p.intValue("max", 5000, 1, 10_000_000);
        return cached("view\0" + max + "\0" + key(q), () -> {
            ViewResult r = explore(() -> x().view(q));
            JsonWriter w = new JsonWriter().beginObject();
            w.field("view", r.query().viewId()).field("name", r.name()).field("filter", r.filter())
                    .field("selection", explore(() -> x().selectionFilter(q))).field("sort", r.sortColumn())
                    .field("ascending", r.ascending()).field("canDrill", r.canDrillDown())
                    .field("drillKey", r.drillKeyField()).field("events", r.eventsRead());
            path(w, q);
            w.name("columns").beginArray();
            for (ViewResult.Column c : r.columns()) {
                w.beginObject().field("name", c.name()).field("size", c.size()).field("description", c.description())
                        .endObject();
            }
            // a browser draws a few thousand rows well: the first ones, and how many there are
            w.endArray().field("rowCount", r.rows().size()).name("rows").beginArray();
            for (ViewResult.Row row : r.rows().subList(0, Math.min(max, r.rows().size()))) {
                w.beginObject().field("key", row.key()).name("cells").beginArray();
                for (String c : row.cells()) {
                    w.value(c);
                }
                w.endArray().endObject();
            }
            return w.endArray().endObject().toString();
        });
    }

    /** GET /api/drill?...&key=: where a click on the row with that key leads (view and path), or 404. */
    String drill(QueryParams p) {
        ViewQuery q = query(p);
        String key = p.get("key", null);
        if (key == null) {
            throw new HttpError(400, "key: missing");
        }
        ViewQuery down = explore(() -> x().drillDown(q, key));
        if (down == null) {
            throw new HttpError(404, "the rows of this view cannot be opened");
        }
        JsonWriter w = new JsonWriter().beginObject().field("view", down.viewId());
        path(w, down);
        return w.endObject().toString();
    }

    /** GET /api/dig: the selection's events as sysdig's default line, at most {@code max}. */
    String dig(QueryParams p) {
        ViewQuery q = query(p);
        int max = p.intValue("max", 2000, 1, 1_000_000);
        return cached("dig\0" + max + "\0" + key(q), () -> {
            String sel = selection(q);
            List<String> lines = explore(() -> x().dig(sel, TimeRange.ALL, max));
            JsonWriter w = new JsonWriter().beginObject().field("filter", sel).field("max", max)
                    .name("lines").beginArray();
            for (String l : lines) {
                w.value(l);
            }
            return w.endArray().endObject().toString();
        });
    }

    /** GET /api/echo: the selection's I/O data, chunk by chunk (bytes in base64), at most {@code max}. */
    String echo(QueryParams p) {
        ViewQuery q = query(p);
        int max = p.intValue("max", 5000, 1, 1_000_000);
        return cached("echo\0" + max + "\0" + key(q), () -> {
            String sel = selection(q);
            List<EchoChunk> chunks = explore(() -> x().echo(sel, TimeRange.ALL, max));
            JsonWriter w = new JsonWriter().beginObject().field("filter", sel).field("max", max)
                    .name("chunks").beginArray();
            for (EchoChunk c : chunks) {
                w.beginObject().field("num", c.num()).field("ts", Long.toUnsignedString(c.ts()))
                        .field("pid", c.pid()).field("tid", c.tid()).field("process", c.process())
                        .field("fd", c.fd()).field("fdName", c.fdName()).field("fdType", c.fdType())
                        .field("write", c.write()).field("length", c.length()).name("data").base64(c.data())
                        .endObject();
            }
            return w.endArray().endObject().toString();
        });
    }

    /**
     * GET /api/spectrogram?...[&key=][&width=]: the latency spectrogram of the query's view when it is a spectrogram
     * view, else of its selection (with {@code key}, of that row's): every half second of capture time, the count of
     * each latency bucket, {@code width} buckets (200 by default) from 1 ns to 100 s on a log10 scale.
     */
    String spectrogram(QueryParams p) {
        ViewQuery q = query(p);
        String key = p.get("key", null);
        int width = p.intValue("width", 200, 11, 4000);
        return cached("spectro\0" + width + "\0" + key + "\0" + key(q), () -> {
            ViewQuery target = q;
            if (key != null) {
                ViewQuery down = explore(() -> x().drillDown(q, key));
                if (down == null) {
                    throw new HttpError(404, "the rows of this view cannot be opened");
                }
                target = down;
            }
            ViewQuery t = target;
            Spectrogram s = explore(() -> x().spectrogram(t, width));
            JsonWriter w = new JsonWriter().beginObject();
            w.field("view", s.viewId()).field("name", x().catalog().select(s.viewId()).name())
                    .field("filter", s.filter()).field("width", s.width()).field("intervalNs", s.intervalNs())
                    .name("samples").beginArray();
            for (Spectrogram.Sample sample : s.samples()) {
                w.beginObject().field("ts", Long.toUnsignedString(sample.ts())).name("buckets").beginArray();
                for (Spectrogram.Bucket b : sample.buckets()) {
                    w.beginArray().value(b.key()).value(b.count()).endArray();
                }
                w.endArray().endObject();
            }
            return w.endArray().endObject().toString();
        });
    }

    // ---- queries ------------------------------------------------------------------------------------------

    /** The query the parameters describe; the user's filter is checked on its own, so that positions are its. */
    ViewQuery query(QueryParams p) {
        String filter = userFilter(p);
        List<String> views = p.all("pv");
        List<String> keys = p.all("pk");
        if (views.size() != keys.size()) {
            throw new HttpError(400, "pv and pk: one key per view of the path");
        }
        List<Selection> path = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            path.add(new Selection(views.get(i), keys.get(i)));
        }
        String view = p.get("view", "");
        int sort = p.intValue("sort", 0, 0, 1000);
        String asc = p.get("asc", "");
        Boolean ascending = asc.isEmpty() ? null : Boolean.valueOf("true".equals(asc) || "1".equals(asc));
        return new ViewQuery(view.isEmpty() ? null : view, path, filter, range(p), sort, ascending);
    }

    /** What echo and dig show for a query: the selection, or without one the user's filter and range. */
    private String selection(ViewQuery q) {
        return explore(() -> x().selectionFilter(q));
    }

    private static String userFilter(QueryParams p) {
        String f = p.get("filter", "").strip();
        if (!f.isEmpty()) {
            try {
                FilterCompiler.compile(f);
            } catch (FilterException e) {
                throw new HttpError(400, e.getMessage(), e.position());
            }
        }
        return f;
    }

    private static TimeRange range(QueryParams p) {
        long from = p.unsigned("from", 0);
        long to = p.unsigned("to", Long.MAX_VALUE);
        if (from == 0 && to == Long.MAX_VALUE) {
            return TimeRange.ALL;
        }
        if (Long.compareUnsigned(from, to) > 0) {
            throw new HttpError(400, "the time range ends before it starts");
        }
        return new TimeRange(from, to);
    }

    private static void path(JsonWriter w, ViewQuery q) {
        w.name("path").beginArray();
        for (Selection s : q.path()) {
            w.beginObject().field("view", s.viewId()).field("key", s.key()).endObject();
        }
        w.endArray();
    }

    private static String key(ViewQuery q) {
        return q.toString();
    }

    private static String both(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : "(" + a + ") and (" + b + ")";
    }

    private interface Answer<T> {
        T get();
    }

    private static <T> T explore(Answer<T> a) {
        try {
            return a.get();
        } catch (ExploreException e) {
            int pos = e.getCause() instanceof FilterException f ? f.position() : -1;
            throw new HttpError(e.getMessage() != null && e.getMessage().contains("not found") ? 404 : 400,
                    e.getMessage(), pos);
        }
    }

    /** An answer from the cache, or computed under the lock and kept (live: always computed, never kept). */
    private String cached(String key, Answer<String> compute) {
        if (x().isLive()) {
            return compute.get();
        }
        lock.lock();
        try {
            String hit = cache.get(key);
            if (hit == null) {
                hit = compute.get();
                cache.put(key, hit);
            }
            return hit;
        } finally {
            lock.unlock();
        }
    }
}
