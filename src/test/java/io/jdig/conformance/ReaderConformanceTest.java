package io.jdig.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every shared trace the way sysdig 0.29.3 was run on it (default line, -j, -A, -X, -x and the -t modes)
 * and compares with what sysdig printed, line for line.
 */
class ReaderConformanceTest {
    private record Check(String name, int head, String... args) {
    }

    private static final List<Check> CHECKS = List.of(
            new Check("default", 0),
            new Check("json", 0, "-j"),
            new Check("ascii", 3000, "-A"),
            new Check("hex", 3000, "-X"),
            new Check("hexascii", 3000, "-x"),
            new Check("time_a", 300, "-t", "a", "-p", "%evt.num %evt.outputtime %evt.type"),
            new Check("time_r", 300, "-t", "r", "-p", "%evt.num %evt.outputtime %evt.type"),
            new Check("time_d", 300, "-t", "d", "-p", "%evt.num %evt.outputtime %evt.type"),
            new Check("time_D", 300, "-t", "D", "-p", "%evt.num %evt.outputtime %evt.type"),
            new Check("time_h", 300, "-t", "h", "-p", "%evt.num %evt.outputtime %evt.type"));

    @TestFactory
    List<DynamicTest> everyTraceAsSysdigPrintedIt() throws IOException {
        assertThat(System.getenv("TZ") == null || System.getenv("TZ").equals("UTC") || java.util.TimeZone
                .getDefault().getRawOffset() == 0).as("tests run with TZ=UTC").isTrue();
        List<DynamicTest> tests = new ArrayList<>();
        for (String trace : Shared.traceNames()) {
            for (Check c : CHECKS) {
                List<String> want = Shared.expected(trace, c.name);
                if (want == null) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(trace + " " + c.name, () -> {
                    List<String> args = new ArrayList<>(List.of("-r", Shared.trace(trace).toString()));
                    args.addAll(List.of(c.args));
                    Shared.Run r = Shared.jdig(args.toArray(new String[0]));
                    List<String> got = c.head > 0 && r.out().size() > c.head ? r.out().subList(0, c.head) : r.out();
                    assertThat(got).as(() -> trace + " " + c.name + Shared.diff(want, got)).isEqualTo(want);
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(160);
        return tests;
    }
}
