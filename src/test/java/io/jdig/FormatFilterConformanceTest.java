package io.jdig;

import io.jdig.cli.Jdig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the -p format and filter checks of ../shared/conformance in process: for every trace and every line of
 * formats.tsv and filters.tsv, jdig's output must equal what sysdig 0.29.3 printed. The same comparisons as
 * {@code ../shared/tools/conformance --checks format,filter}, without starting a JVM per check.
 *
 * <p>{@link #main} prints a summary and the first differences, for quick iterations.
 */
class FormatFilterConformanceTest {
    static final Path SHARED = locateShared();

    static Path locateShared() {
        String p = System.getProperty("jdig.shared");
        if (p != null) {
            return Path.of(p);
        }
        return Path.of("..", "shared").toAbsolutePath().normalize();
    }

    /** One check: a trace, a kind (format or filter), its key and the arguments after {@code -r TRACE}. */
    record Check(String trace, String name, List<String> args, Path gold) {
        String[] argv() {
            List<String> a = new ArrayList<>();
            a.add("-r");
            a.add(SHARED.resolve("traces").resolve(trace + ".scap").toString());
            a.addAll(args);
            return a.toArray(String[]::new);
        }
    }

    static List<Check> checks(String only) throws IOException {
        Path gold = SHARED.resolve("conformance");
        List<String[]> formats = tsv(gold.resolve("formats.tsv"));
        List<String[]> filters = tsv(gold.resolve("filters.tsv"));
        List<Check> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(gold)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                String t = d.getFileName().toString();
                if (!Files.exists(SHARED.resolve("traces").resolve(t + ".scap"))) {
                    continue;
                }
                if (Boolean.getBoolean("withDefault")) {
                    add(out, d, t, "default", List.of(), only);
                    add(out, d, t, "json", List.of("-j"), only);
                }
                for (String[] f : formats) {
                    add(out, d, t, "format_" + f[0], List.of("-p", f[1]), only);
                }
                for (String[] f : filters) {
                    add(out, d, t, "filter_" + f[0], List.of("-p", "%evt.num", f[1]), only);
                }
            }
        }
        return out;
    }

    private static void add(List<Check> out, Path dir, String trace, String name, List<String> args, String only) {
        Path g = dir.resolve(name + ".txt");
        if (Files.exists(g) && (only == null || name.startsWith(only) || trace.startsWith(only))) {
            out.add(new Check(trace, name, args, g));
        }
    }

    private static List<String[]> tsv(Path p) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", 2));
            }
        }
        return rows;
    }

    /** Runs one check in process; returns the output lines as the conformance tool reads them. */
    static List<String> run(Check c) {
        return runChecked(c).lines();
    }

    /** What one check printed, its exit status and its errors. */
    record Outcome(int code, List<String> lines, String err) {
    }

    static Outcome runChecked(Check c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Jdig(out, e).run(c.argv());
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8));
    }

    static List<String> want(Check c) {
        try {
            return new String(Files.readAllBytes(c.gold()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that still differ because of the state engine, not the fields or filters (see the comments);
     * they are expected to fail, and the test says so when one starts to pass.
     */
    static final java.util.Set<String> KNOWN_STATE_GAPS = java.util.Set.of();

    @TestFactory
    Stream<DynamicTest> formatsAndFilters() throws IOException {
        Prerequisites.require(Files.isDirectory(SHARED.resolve("conformance")), "../shared not present");
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // sysdig accepted every recorded filter and format; an empty recording is a case where it printed nothing
        return checks(null).stream().map(c -> DynamicTest.dynamicTest(c.trace() + " " + c.name()
                + (want(c).isEmpty() ? " (expected empty)" : ""), () -> {
            Outcome o = runChecked(c);
            assertEquals(0, o.code(), () -> c.args() + ": exit status, " + o.err());
            assertEquals("", o.err(), () -> c.args() + ": errors");
            String want = String.join("\n", want(c));
            String got = String.join("\n", o.lines());
            if (KNOWN_STATE_GAPS.contains(c.trace() + " " + c.name())) {
                Assumptions.assumeTrue(want.equals(got), "known state gap");
                throw new AssertionError(c.trace() + " " + c.name() + " now passes: remove it from KNOWN_STATE_GAPS");
            }
            assertEquals(want, got);
        }));
    }

    /** Usage: main [PREFIX]: runs the checks whose name or trace starts with PREFIX and prints differences. */
    public static void main(String[] args) throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        int show = Integer.getInteger("show", 8);
        List<Check> all = checks(args.length > 0 ? args[0] : null);
        int pass = 0;
        int shown = 0;
        java.util.Map<String, int[]> byName = new java.util.TreeMap<>();
        for (Check c : all) {
            List<String> want = want(c);
            List<String> got = run(c);
            int[] k = byName.computeIfAbsent(c.name(), x -> new int[2]);
            k[1]++;
            if (want.equals(got)) {
                pass++;
                k[0]++;
                continue;
            }
            if (shown++ < show) {
                System.out.println("== " + c.trace() + " " + c.name() + " " + c.args());
                int n = 0;
                for (int i = 0; i < Math.max(want.size(), got.size()) && n < 6; i++) {
                    String w = i < want.size() ? want.get(i) : "<none>";
                    String g = i < got.size() ? got.get(i) : "<none>";
                    if (!w.equals(g)) {
                        System.out.println("  line " + (i + 1) + "\n   sysdig: " + cut(w) + "\n   jdig:   " + cut(g));
                        n++;
                    }
                }
            }
        }
        StringBuilder failing = new StringBuilder();
        byName.forEach((k, v) -> {
            if (v[0] != v[1]) {
                failing.append(' ').append(k).append('(').append(v[1] - v[0]).append(')');
            }
        });
        System.out.println("failing:" + failing);
        System.out.println(pass + " passed, " + (all.size() - pass) + " failed");
    }

    private static String cut(String s) {
        return s.length() > 220 ? s.substring(0, 220) + "..." : s;
    }
}
