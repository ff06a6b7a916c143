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
