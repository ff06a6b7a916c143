package io.jdig.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every recorded chisel check (conformance/chisels.tsv) on every shared trace, in process, and compares with
 * what sysdig 0.29.3 printed, as ../shared/tools/conformance does: as sorted lines (sysdig breaks ties in its top
 * lists in hash order), and for the checks in unstable.txt leaving out the entries tied with the last one. Once with
 * jdig's own chisels and once with sysdig's Lua chisels (--chisel-path /usr/share/sysdig/chisels) when installed.
 */
class ChiselConformanceTest {
    static final String SYSDIG_CHISELS = "/usr/share/sysdig/chisels";

    @TestFactory
    List<DynamicTest> jdigsOwnChisels() throws IOException {
        return checks(List.of());
    }

    @TestFactory
    List<DynamicTest> sysdigsLuaChisels() throws IOException {
        io.jdig.Prerequisites.requireSysdig();
        return checks(List.of("--chisel-path", SYSDIG_CHISELS));
    }

    private static List<DynamicTest> checks(List<String> extra) throws IOException {
        Path gold = Shared.root().resolve("conformance");
        List<String[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(gold.resolve("chisels.tsv"), StandardCharsets.UTF_8)) {
            if (!l.isEmpty()) {
                rows.add(l.split("\t", 2));
            }
        }
        Set<String> unstable = new HashSet<>();
        Path up = gold.resolve("unstable.txt");
        if (Files.exists(up)) {
            for (String l : Files.readAllLines(up)) {
                String[] w = l.trim().split("\\s+");
                if (w.length == 2) {
                    unstable.add(w[0] + " " + w[1]);
                }
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String trace : Shared.traceNames()) {
            io.jdig.Prerequisites.require(Files.exists(Shared.trace(trace)), Shared.trace(trace) + " is missing");
            for (String[] row : rows) {
                String check = "chisel_" + row[0];
                List<String> recorded = Shared.expected(trace, check);
                if (recorded == null) {
                    continue;
                }
                // an empty recording is a case where sysdig prints nothing: named so, and checked as such
                String name = trace + " " + check + (recorded.isEmpty() ? " (expected empty)" : "");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    List<String> args = new ArrayList<>(extra);
                    args.addAll(List.of("-r", Shared.trace(trace).toString(), "-c"));
                    args.addAll(List.of(row[1].split(" ")));
                    Shared.Run r = Shared.jdig(args.toArray(new String[0]));
                    // sysdig ran every recorded chisel without an error: so must jdig
                    assertThat(r.code()).as("%s: exit status (%s)", name, r.err()).isZero();
                    assertThat(r.err()).as("%s: errors", name).isEmpty();
                    List<String> got = r.out();
                    List<String> want = recorded;
                    if (unstable.contains(trace + " " + check) && got.size() == want.size()) {
                        String cut = lastFilledFirstWord(want);
                        want = without(want, cut);
                        got = without(got, cut);
                    }
                    want = new ArrayList<>(want);
                    got = new ArrayList<>(got);
                    want.sort(null);
                    got.sort(null);
                    List<String> w = want;
                    List<String> g = got;
                    assertThat(g).as(() -> trace + " " + check + Shared.diff(w, g)).isEqualTo(w);
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(300);
        return tests;
    }

    private static String lastFilledFirstWord(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] w = lines.get(i).trim().split("\\s+");
            if (!lines.get(i).isBlank()) {
                return w[0];
            }
        }
        return null;
    }

    /** The lines whose first word is not {@code cut} (Python's str.split()[:1] != [cut]). */
    private static List<String> without(List<String> lines, String cut) {
        if (cut == null) {
            return lines;
        }
        List<String> res = new ArrayList<>();
        for (String l : lines) {
            String t = l.strip();
            String first = t.isEmpty() ? null : t.split("\\s+")[0];
            if (!cut.equals(first)) {
                res.add(l);
            }
        }
        return res;
    }
}
