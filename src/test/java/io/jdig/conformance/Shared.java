package io.jdig.conformance;

import io.jdig.cli.Jdig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Access to ../shared: the real traces and what sysdig 0.29.3 printed for them. */
public final class Shared {
    private Shared() {
    }

    public static Path root() {
        String p = System.getProperty("jdig.shared", "../shared");
        Path r = Path.of(p).toAbsolutePath().normalize();
        if (!Files.isDirectory(r.resolve("conformance"))) {
            throw new IllegalStateException("the shared material is missing: expected " + r
                    + " with conformance/ and traces/ (tests read them from beside the checkout)");
        }
        return r;
    }

    public static Path trace(String name) {
        return root().resolve("traces").resolve(name + ".scap");
    }

    public static List<String> traceNames() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("conformance"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A trace's bytes, un-gzipped. */
    public static byte[] plainBytes(Path p) throws IOException {
        byte[] raw = Files.readAllBytes(p);
        if (raw.length > 2 && (raw[0] & 0xFF) == 0x1f && (raw[1] & 0xFF) == 0x8b) {
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }

    public static List<String> expected(String trace, String check) throws IOException {
        Path p = root().resolve("conformance").resolve(trace).resolve(check + ".txt");
        if (!Files.exists(p)) {
            return null;
        }
        return lines(Files.readAllBytes(p));
    }

    public static List<String> lines(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Result of running jdig in process. */
    public record Run(int code, List<String> out, String err) {
    }

    public static Run jdig(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Jdig(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, lines(out.toByteArray()), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs the real sysdig (TZ=UTC) with these arguments; its exit status, output lines and errors. It must end
     * within two minutes.
     */
    public static Run sysdig(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("sysdig");
        cmd.addAll(args);
        Path err = Files.createTempFile("sysdig", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("sysdig " + String.join(" ", args) + " did not end");
            }
            return new Run(p.exitValue(), lines(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** sysdig's output, which must have succeeded: a check that compares with a failed sysdig proves nothing. */
    public static List<String> sysdigOk(List<String> args) throws IOException, InterruptedException {
        Run r = sysdig(args);
        if (r.code() != 0) {
            throw new AssertionError("sysdig " + String.join(" ", args) + " failed (" + r.code() + "): " + r.err());
        }
        return r.out();
    }

    /** What a comparison expects of both commands' output. */
    public enum Expect {
        /** some lines (two empty outputs would prove nothing) */
        LINES,
        /** no line at all: the case is there to show that nothing is printed */
        EMPTY
    }

    /**
     * Checks a jdig run against a sysdig run of the same command: both succeeded, the output is as expected
     * (some lines, or marked empty), and the lines are equal.
     */
    public static void assertSame(String what, Run sysdig, Run jdig, Expect expect) {
        org.assertj.core.api.Assertions.assertThat(sysdig.code()).as("%s: sysdig's exit status (%s)", what,
                sysdig.err()).isZero();
        org.assertj.core.api.Assertions.assertThat(jdig.code()).as("%s: jdig's exit status (%s)", what, jdig.err())
                .isZero();
        assertExpected(what, sysdig.out(), expect);
        org.assertj.core.api.Assertions.assertThat(jdig.out()).as(() -> what + diff(sysdig.out(), jdig.out()))
                .isEqualTo(sysdig.out());
    }

    /** Checks that the reference output is as the case says: some lines, or none. */
    public static void assertExpected(String what, List<String> want, Expect expect) {
        if (expect == Expect.EMPTY) {
            org.assertj.core.api.Assertions.assertThat(want).as("%s is marked as printing nothing", what).isEmpty();
        } else {
            org.assertj.core.api.Assertions.assertThat(want)
                    .as("%s prints nothing: mark it as expected to be empty, or make it print something", what)
                    .isNotEmpty();
        }
    }

    /** A readable summary of the first differences between two line lists. */
    public static String diff(List<String> want, List<String> got) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(want.size(), got.size()) && shown < 5; i++) {
            String w = i < want.size() ? want.get(i) : "<missing>";
            String g = i < got.size() ? got.get(i) : "<missing>";
            if (!w.equals(g)) {
                sb.append("\nline ").append(i + 1).append("\n  sysdig: ").append(w).append("\n  jdig:   ").append(g);
                shown++;
            }
        }
        return sb.toString();
    }
}
