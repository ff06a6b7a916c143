package io.jdig.conformance;

import io.jdig.view.cli.Cjdig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every recorded view check (conformance/views.tsv: csysdig's batch outputs, -j and --raw) on every shared
 * trace, in process, and compares with what csysdig 0.29.3 printed, line for line, as ../shared/tools/conformance
 * does: once with jdig's own views and once with sysdig's Lua views (--chisel-path /usr/share/sysdig/chisels).
 */
class ViewConformanceTest {
    static final String SYSDIG_CHISELS = "/usr/share/sysdig/chisels";

    @TestFactory
    List<DynamicTest> jdigsOwnViews() throws IOException {
        return checks(List.of());
    }

    @TestFactory
    List<DynamicTest> sysdigsLuaViews() throws IOException {
        if (!Files.isDirectory(Path.of(SYSDIG_CHISELS))) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(SYSDIG_CHISELS + " is missing: install the reference sysdig");
            }
            return List.of();
        }
        return checks(List.of("--chisel-path", SYSDIG_CHISELS));
    }

    private static List<DynamicTest> checks(List<String> extra) throws IOException {
        Path gold = Shared.root().resolve("conformance");
        List<String[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(gold.resolve("views.tsv"), StandardCharsets.UTF_8)) {
            if (!l.isEmpty()) {
                rows.add(l.split("\t", 2));
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String trace : Shared.traceNames()) {
            if (!Files.exists(Shared.trace(trace))) {
                continue;
            }
            for (String[] row : rows) {
                String check = "view_" + row[0];
                List<String> want = Shared.expected(trace, check);
                if (want == null) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(trace + " " + check, () -> {
                    List<String> args = new ArrayList<>(extra);
                    args.addAll(List.of("-r", Shared.trace(trace).toString()));
                    args.addAll(viewArgs(row[1]));
                    List<String> got = run(args);
                    assertThat(got).as(trace + " " + check + Shared.diff(want, got)).isEqualTo(want);
                }));
            }
        }
        return tests;
    }

    /** csysdig's words as recorded: options (-v and -n take a value), then the rest as one filter. */
    static List<String> viewArgs(String spec) {
        String[] words = spec.trim().split("\\s+");
        List<String> args = new ArrayList<>();
        List<String> filter = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if ((w.equals("-v") || w.equals("-n")) && i + 1 < words.length) {
                args.add(w);
                args.add(words[++i]);
            } else if (w.startsWith("-") && filter.isEmpty()) {
                args.add(w);
            } else {
                filter.add(w);
            }
        }
        if (!filter.isEmpty()) {
            args.add(String.join(" ", filter));
        }
        return args;
    }

    private static List<String> run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new Cjdig(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(new String[0]));
        List<String> got = Shared.lines(out.toByteArray());
        if (got.isEmpty() && err.size() > 0) {
            got = Shared.lines(err.toByteArray());
        }
        return got;
    }
}
