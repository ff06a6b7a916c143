package io.jdig.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -c wsysdig_summary} (Sysdig Inspect's overview, sysdig's own Lua file) against the real sysdig 0.29.3 on
 * every shared trace, and on files made from one to reach the other ways libscap's reader can stand in a file
 * (several sections, several gzip members, another compression level, bytes after the gzip data).
 *
 * <p>Every line up to the final data must be identical: the {@code {"progress": N }} lines are where sysdig's reader
 * is in the file (zlib's offset over the file size). The final data is JSON that dkjson writes in the order of Lua's
 * {@code pairs}: sysdig's LuaJIT seeds its string hashing per run, so sysdig itself prints the keys of an object,
 * and the protocol metrics, in a different order from one run to the next. The data is therefore compared as
 * values: objects whatever their key order, the metrics whatever their order. The ports a protocol metric's filter
 * lists come in {@code pairs} order of a table keyed by port number, which LuaJIT gives the same on every run: they
 * must be in sysdig's order.
 */
class WsysdigSummaryTest {
    /** A trace sysdig 0.29.3 cannot read. */
    private static final List<String> UNREADABLE = List.of("libs__curl_google_comments");
    private static final String DATA = "{\"progress\": 100, \"data\": ";

    @TestFactory
    List<DynamicTest> sameSummaryAsTheRealSysdig(@TempDir Path dir) throws IOException {
        io.jdig.Prerequisites.requireSysdig();
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> traces;
        try (Stream<Path> s = Files.list(Shared.root().resolve("traces"))) {
            traces = s.filter(p -> p.toString().endsWith(".scap"))
                    .filter(p -> !UNREADABLE.contains(p.getFileName().toString().replace(".scap", ""))).sorted()
                    .toList();
        }
        assertThat(traces).isNotEmpty();
        for (Path t : traces) {
            tests.add(DynamicTest.dynamicTest(t.getFileName().toString(), () -> compare(t)));
        }
        byte[] plain = Shared.plainBytes(Shared.trace("libs__curl_google"));
        byte[] twice = concat(plain, plain);
        tests.add(made(dir, "two sections, plain", twice));
        tests.add(made(dir, "two sections, gzip", gzip(twice, Deflater.DEFAULT_COMPRESSION)));
        tests.add(made(dir, "two gzip members", concat(gzip(plain, 6), gzip(plain, 6))));
        tests.add(made(dir, "gzip level 1", gzip(plain, 1)));
        tests.add(made(dir, "bytes after the gzip data", concat(gzip(plain, 9), "not gzip\n".getBytes())));
        return tests;
    }

    private static DynamicTest made(Path dir, String name, byte[] content) {
        return DynamicTest.dynamicTest(name, () -> {
            Path p = dir.resolve(name.replace(' ', '_').replace(",", "") + ".scap");
            Files.write(p, content);
            compare(p);
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] gzip(byte[] b, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            z.write(b);
        }
        return out.toByteArray();
    }

    private static void compare(Path trace) throws Exception {
        List<String> theirs = sysdig(trace);
        Shared.Run ours = Shared.jdig("-r", trace.toString(), "-c", "wsysdig_summary");
        assertThat(ours.code()).as(ours.err()).isZero();
        int a = dataLine(theirs);
        int b = dataLine(ours.out());
        assertThat(a).as("sysdig printed its data").isGreaterThanOrEqualTo(0);
        assertThat(ours.out().subList(0, Math.max(b, 0))).as("the lines before the data%s",
                Shared.diff(theirs.subList(0, a), ours.out().subList(0, Math.max(b, 0))))
                .isEqualTo(theirs.subList(0, a));
        assertThat(b).as("jdig printed its data").isEqualTo(a);
        assertThat(canonical(data(ours.out(), b))).isEqualTo(canonical(data(theirs, a)));
    }

    private static List<String> sysdig(Path trace) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sysdig", "-r", trace.toString(), "-c", "wsysdig_summary")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Shared.lines(out);
    }

    private static int dataLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(DATA)) {
                return i;
            }
        }
        return -1;
    }

    /** The JSON after "data": up to the closing "}" of the progress object (the last line is "]}"). */
    private static String data(List<String> lines, int from) {
        assertThat(lines.get(lines.size() - 1)).isEqualTo("]}");
        String s = String.join("\n", lines.subList(from, lines.size() - 1)).substring(DATA.length()).strip();
        assertThat(s).endsWith("}");
        return s.substring(0, s.length() - 1);
    }

    /** The value in a form where what Lua's pairs orders differently does not show (see the class comment). */
    static String canonical(String json) {
        Json p = new Json(json);
        Object v = p.value();
        p.skipSpace();
        assertThat(p.at).as("one JSON value").isEqualTo(json.length());
        StringBuilder sb = new StringBuilder();
        write(sb, v, "", 0);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v, String key, int depth) {
        String pad = "\n" + " ".repeat(depth);
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                sb.append(pad).append(' ').append(e.getKey()).append(": ");
                write(sb, e.getValue(), e.getKey(), depth + 1);
            }
            sb.append(pad).append('}');
        } else if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            for (Object o : l) {
                StringBuilder b = new StringBuilder();
                write(b, o, "", depth + 1);
                items.add(b.toString());
            }
            if (key.equals("\"metrics\"")) {
                items.sort(null);
            }
            sb.append('[');
            for (String i : items) {
                sb.append(pad).append(' ').append(i);
            }
            sb.append(pad).append(']');
        } else {
            sb.append(v);
        }
    }

    /** Just enough JSON: objects as sorted maps, arrays as lists, strings and numbers and words as their text. */
    private static final class Json {
        final String s;
        int at;

        Json(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        Object value() {
            skipSpace();
            char c = s.charAt(at);
            if (c == '{') {
                at++;
                Map<String, Object> m = new TreeMap<>();
                skipSpace();
                if (s.charAt(at) == '}') {
                    at++;
                    return m;
                }
                while (true) {
                    skipSpace();
                    String k = string();
                    skipSpace();
                    expect(':');
                    assertThat(m.put(k, value())).as("key %s once", k).isNull();
                    skipSpace();
                    if (s.charAt(at++) == '}') {
                        return m;
                    }
                    assertThat(s.charAt(at - 1)).isEqualTo(',');
                }
            }
            if (c == '[') {
                at++;
                List<Object> l = new ArrayList<>();
                skipSpace();
                if (s.charAt(at) == ']') {
                    at++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    skipSpace();
                    if (s.charAt(at++) == ']') {
                        return l;
                    }
                    assertThat(s.charAt(at - 1)).isEqualTo(',');
                }
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < s.length() && ",]} \n\t\r".indexOf(s.charAt(at)) < 0) {
                at++;
            }
            assertThat(at).as("a value at %d", start).isGreaterThan(start);
            return s.substring(start, at);
        }

        String string() {
            int start = at;
            expect('"');
            while (s.charAt(at) != '"') {
                at += s.charAt(at) == '\\' ? 2 : 1;
            }
            at++;
            return s.substring(start, at);
        }

        void expect(char c) {
            assertThat(s.charAt(at)).as("at %d", at).isEqualTo(c);
            at++;
        }
    }
}
