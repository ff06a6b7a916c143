package io.jdig.explore;

import io.jdig.Prerequisites;
import io.jdig.cli.Jdig;
import io.jdig.conformance.Shared;
import io.jdig.view.cli.Cjdig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers made from the stored events equal those made from the file (cjdig's tables, jdig's printer, the
 * wsysdig_summary chisel) on every shared trace: root views, drill-downs, time ranges, the overview, saving.
 */
class ExplorationStoreTest {
    private static final List<String> VIEWS = List.of("procs", "files", "connections", "syscalls", "sports",
            "procs_errors", "threads", "directories", "port_bindings", "procs_fd_usage", "io_by_type", "errors",
            "file_opens", "spy_users", "dig", "echo", "slow_io", "procs_cpu", "sockets", "container_ps");

    static Stream<String> traces() throws IOException {
        try (Stream<Path> s = Files.list(Prerequisites.shared().resolve("traces"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".scap"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void everyRootViewEqualsCjdig(String name) throws InterruptedException {
        Path t = Shared.trace(name);
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            x.awaitWarm();
            for (String v : VIEWS) {
                if (x.catalog().views().stream().noneMatch(i -> i.id().equals(v))) {
                    continue;
                }
                ViewQuery q = ViewQuery.of(v);
                assertThat(x.isReady(q)).as(v + " computed in the background").isTrue();
                assertThat(CjdigRaw.rows(x.view(q))).as(name + " " + v)
                        .isEqualTo(CjdigRaw.lastTable("-r", t.toString(), "-v", v, "--raw"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void drillDownsAndTimeRangesEqualARunOverTheFile(String name) {
        Path t = Shared.trace(name);
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            TimeRange all = x.span();
            long mid = all.fromNs() + (all.toNs() - all.fromNs()) / 2;
            List<ViewQuery> queries = new ArrayList<>();
            for (String top : List.of("procs", "connections", "files", "syscalls")) {
                ViewQuery q = ViewQuery.of(top);
                queries.add(q);
                queries.add(q.withRange(new TimeRange(all.fromNs(), mid)));
                queries.add(q.withRange(new TimeRange(mid, all.toNs())).withFilter("evt.is_io=true"));
                queries.add(q.sortedBy(2, true));
                List<ViewResult.Row> rows = x.view(q).rows();
                for (int i = 0; i < Math.min(3, rows.size()); i++) {
                    ViewQuery down = x.drillDown(q, rows.get(i).key());
                    if (down == null) {
                        continue;
                    }
                    queries.add(down);
                    queries.add(down.withRange(new TimeRange(mid, all.toNs())));
                    List<ViewResult.Row> rows2 = x.view(down).rows();
                    if (!rows2.isEmpty()) {
                        ViewQuery deeper = x.drillDown(down, rows2.get(0).key());
                        if (deeper != null) {
                            queries.add(deeper);
                        }
                    }
                    queries.add(down.withView("syscalls"));
                }
            }
            for (ViewQuery q : queries) {
                ViewResult fromStore = x.view(q);
                ViewResult fromFile = x.viewFromFile(q);
                assertThat(fromStore.rows()).as(name + " " + q).isEqualTo(fromFile.rows());
                assertThat(fromStore.eventsRead()).isEqualTo(fromFile.eventsRead());
            }
            // dig and echo over the store are the printer's lines over the file
            String f = "evt.rawtime>=" + mid;
            String dig = String.join("\n", x.dig("", new TimeRange(mid, all.toNs()), 1_000_000));
            assertThat(dig.isEmpty() ? "" : dig + "\n").isEqualTo(printedText(t, f));
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void everyProcessAndThreadDrilledIntoEqualsARunOverTheFile(String name) {
        Path t = Shared.trace(name);
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            for (String top : List.of("procs", "threads")) {
                ViewQuery q = ViewQuery.of(top);
                for (ViewResult.Row row : x.view(q).rows()) {
                    ViewQuery down = x.drillDown(q, row.key());
                    if (down == null) {
                        continue;
                    }
                    for (ViewQuery d : List.of(down, down.withView("files"), down.withView("connections"),
                            down.withView("procs_errors"), down.withView("io_by_type"))) {
                        assertThat(x.view(d).rows()).as(name + " " + d).isEqualTo(x.viewFromFile(d).rows());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void theOverviewEqualsTheChisel(String name) {
        Path t = Shared.trace(name);
        String out = printedText(t, "-c", "wsysdig_summary");
        int at = out.indexOf("\"metrics\":");
        Prerequisites.require(at >= 0, "the chisel printed no metrics for " + name);
        Map<String, long[]> expected = chiselMetrics(out.substring(at));
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            Summary s = x.summary();
            Map<String, long[]> got = new TreeMap<>();
            for (Summary.Metric m : s.metrics()) {
                got.put(m.name(), totalMaxSamples(m));
            }
            assertThat(got.keySet()).as(name).isEqualTo(expected.keySet());
            for (var e : expected.entrySet()) {
                assertThat(got.get(e.getKey())).as(name + ": " + e.getKey() + " (total, max, samples)")
                        .isEqualTo(e.getValue());
            }
            assertThat(out).contains("\"durationNs\":" + s.durationNs());
        }
    }

    /** A tile as the chisel's figures are compared: its total, its maximum, then each sample's value. */
    private static long[] totalMaxSamples(Summary.Metric m) {
        long[] v = new long[2 + m.values().length];
        v[0] = m.total();
        v[1] = m.max();
        System.arraycopy(m.values(), 0, v, 2, m.values().length);
        return v;
    }

    /**
     * The overview of a time range is what the chisel prints with that range as a filter on evt.rawtime: every
     * tile (total, max, each sample's time and value), its duration, on ranges at the start, the middle, the end
     * and one reaching back to time 0.
     */
    @ParameterizedTest
    @MethodSource("traces")
    void theOverviewOfATimeRangeEqualsTheChiselWithThatFilter(String name) {
        Path t = Shared.trace(name);
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            TimeRange all = x.span();
            long d = all.toNs() - all.fromNs();
            List<TimeRange> ranges = List.of(new TimeRange(all.fromNs(), all.fromNs() + d / 2),
                    new TimeRange(all.fromNs() + d * 3 / 10, all.fromNs() + d * 7 / 10),
                    new TimeRange(all.fromNs() + d / 2, all.toNs()), new TimeRange(0, all.fromNs() + d / 3),
                    new TimeRange(all.fromNs() + d / 4 + 1, all.fromNs() + d / 4 + 1));
            for (TimeRange r : ranges) {
                String out = printedText(t, "-c", "wsysdig_summary", r.asFilter());
                int at = out.lastIndexOf("\"metrics\":");
                Prerequisites.require(at >= 0, "the chisel printed no metrics for " + name);
                Map<String, long[]> expected = chiselMetrics(out.substring(at));
                Map<String, long[]> expectedTimes = chiselTimes(out.substring(at));
                Summary s = x.summary(r);
                Map<String, long[]> got = new TreeMap<>();
                for (Summary.Metric m : s.metrics()) {
                    got.put(m.name(), totalMaxSamples(m));
                    assertThat(m.times()).as(name + " " + r + ": " + m.name() + " times")
                            .isEqualTo(expectedTimes.get(m.name()));
                }
                assertThat(got.keySet()).as(name + " " + r).isEqualTo(expected.keySet());
                for (var e : expected.entrySet()) {
                    assertThat(got.get(e.getKey())).as(name + " " + r + ": " + e.getKey() + " (total, max, samples)")
                            .isEqualTo(e.getValue());
                }
                assertThat(out).contains("\"durationNs\":" + s.durationNs());
            }
        }
    }

    /** name -> each sample's time, from the chisel's JSON. */
    private static Map<String, long[]> chiselTimes(String json) {
        Map<String, long[]> m = new TreeMap<>();
        Matcher metric = Pattern.compile("\"name\":\"([^\"]*)\"").matcher(json);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (metric.find()) {
            starts.add(metric.start());
            names.add(metric.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int to = i + 1 < names.size() ? starts.get(i + 1) : json.length();
            String part = json.substring(starts.get(i), to);
            Matcher v = Pattern.compile("\"t\":\"?([0-9]+)").matcher(part.substring(part.lastIndexOf("\"data\":")));
            List<Long> ts = new ArrayList<>();
            while (v.find()) {
                ts.add(Long.parseUnsignedLong(v.group(1)));
            }
            m.put(names.get(i), ts.stream().mapToLong(Long::longValue).toArray());
        }
        return m;
    }

    /** name -> total, max, then each sample's value, from the chisel's JSON. */
    private static Map<String, long[]> chiselMetrics(String json) {
        Map<String, long[]> m = new TreeMap<>();
        Matcher metric = Pattern.compile("\"name\":\"([^\"]*)\"").matcher(json);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (metric.find()) {
            starts.add(new int[] {metric.start()});
            names.add(metric.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            // a metric's data follows its name in the chisel's key order: the text up to the next name
            int to = i + 1 < names.size() ? starts.get(i + 1)[0] : json.length();
            String part = json.substring(starts.get(i)[0], to);
            int d = part.lastIndexOf("\"data\":");
            String data = part.substring(d);
            long tot = num(data, "\"tot\":");
            long max = num(data, "\"max\":");
            List<Long> vals = new ArrayList<>();
            Matcher v = Pattern.compile("\"v\":(-?[0-9.e+]+)").matcher(data);
            while (v.find()) {
                vals.add((long) Double.parseDouble(v.group(1)));
            }
            long[] a = new long[2 + vals.size()];
            a[0] = tot;
            a[1] = max;
            for (int j = 0; j < vals.size(); j++) {
                a[2 + j] = vals.get(j);
            }
            m.put(names.get(i), a);
        }
        return m;
    }

    private static long num(String s, String key) {
        Matcher x = Pattern.compile(Pattern.quote(key) + "(-?[0-9.e+]+)").matcher(s);
        assertThat(x.find()).as(key).isTrue();
        return (long) Double.parseDouble(x.group(1));
    }

    @ParameterizedTest
    @MethodSource("traces")
    void theLastSecondsSaveAsATraceFileThatReadsTheSame(String name, @TempDir Path dir) throws IOException {
        Path t = Shared.trace(name);
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            TimeRange all = x.span();
            for (double part : new double[] {0.5, 0.8}) {
                double secs = (all.toNs() - all.fromNs()) * part / 1e9;
                long cut = all.toNs() - (long) (secs * 1e9);
                Path out = dir.resolve("recent-" + part + ".scap");
                long n = x.saveRecent(out, secs);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
                // the saved file starts with the tables of its first event's moment: the same processes and files
                String fields = "%evt.rawtime %evt.type %thread.tid %proc.name %proc.pname %fd.num %fd.name";
                List<String> fromSaved = printed(out, "-p", "%evt.num " + fields, "evt.num>0");
                List<String> fromTrace = printed(t, "-p", fields, "evt.rawtime>=" + cut);
                assertThat(n).isGreaterThanOrEqualTo(fromTrace.size());
                assertThat(fromSaved.stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList())
                        .as("%s, the last %.3f s", name, secs).isEqualTo(fromTrace);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void aTableSortedAgainIsWhatARunWithThatSortGives(String name) {
        Path t = Shared.trace(name);
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            for (String v : List.of("procs", "files", "connections", "syscalls", "threads")) {
                ViewResult top = x.view(ViewQuery.of(v));
                for (int col = 1; col <= top.columns().size(); col++) {
                    for (Boolean asc : new Boolean[] {null, true, false}) {
                        ViewQuery q = ViewQuery.of(v).sortedBy(col, asc);
                        ViewResult resorted = x.view(q);
                        ViewResult fresh = x.viewFromFile(q);
                        assertThat(resorted.rows()).as(name + " " + q).isEqualTo(fresh.rows());
                        assertThat(resorted.sortColumn()).isEqualTo(fresh.sortColumn());
                        assertThat(resorted.ascending()).isEqualTo(fresh.ascending());
                    }
                }
            }
        }
    }

    @Test
    void progressIsReportedUpToTheEnd() {
        List<Double> seen = new CopyOnWriteArrayList<>();
        try (Exploration x = Exploration.open(Shared.trace("libs__sample"), Exploration.Settings.DEFAULT, seen::add)) {
            assertThat(x.events()).isPositive();
        }
        assertThat(seen).isNotEmpty().isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
    }

    // ---- helpers ----
    private static String printedText(Path trace, String... args) {
        List<String> a = new ArrayList<>(List.of("-r", trace.toString()));
        a.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new Jdig(out, new PrintStream(new ByteArrayOutputStream())).run(a.toArray(String[]::new));
        assertThat(rc).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> printed(Path trace, String... args) {
        String s = printedText(trace, args);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }
}
