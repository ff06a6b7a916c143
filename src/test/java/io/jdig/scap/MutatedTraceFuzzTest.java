package io.jdig.scap;

import io.jdig.conformance.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Feeds the whole reader (blocks, events, state, formatting) thousands of mutated real traces: it must never hang,
 * never fail with anything but its own one-line error, and always end with exit code 0 or 1.
 */
class MutatedTraceFuzzTest {
    private static final List<String> SEEDS = List.of("falco__cat_write", "libs__single_ipv6_conn",
            "falco__connect_localhost", "libs__test_ipv6_client", "falco__psp_write_tmp_test");

    @Test
    void mutatedTracesGiveCleanErrorsOrOutput(@TempDir Path dir) throws IOException {
        Random rnd = new Random(20261126L);
        int runs = 0;
        int errors = 0;
        for (String seed : SEEDS) {
            byte[] orig = Shared.plainBytes(Shared.trace(seed));
            for (int i = 0; i < 400; i++) {
                byte[] m = mutate(orig, rnd);
                Path f = dir.resolve("m.scap");
                Files.write(f, m);
                String[] args = switch (i % 4) {
                    case 0 -> new String[]{"-r", f.toString()};
                    case 1 -> new String[]{"-r", f.toString(), "-j"};
                    case 2 -> new String[]{"-r", f.toString(), "-X", "-D"};
                    default -> new String[]{"-r", f.toString(), "-A", "-t", "r"};
                };
                Shared.Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(args),
                        () -> "hung on a mutation of " + seed);
                assertThat(r.code()).as("exit code for a mutation of %s", seed).isIn(0, 1);
                if (r.code() == 1) {
                    errors++;
                    assertThat(r.err()).startsWith("jdig: ").doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(r.err().strip().lines().count()).isEqualTo(1);
                }
                runs++;
            }
        }
        assertThat(runs).isEqualTo(2000);
        assertThat(errors).as("some mutations must be detected as damage").isGreaterThan(100);
    }

    /**
     * The same, on gzipped traces whose compressed bytes are mutated: the header, the deflate stream and the
     * trailer (CRC, length) each get damaged, and the inflater's complaints too must be one line and status 1.
     */
    @Test
    void mutatedGzipTracesGiveCleanErrorsOrOutput(@TempDir Path dir) throws IOException {
        Random rnd = new Random(20261205L);
        int runs = 0;
        int errors = 0;
        for (String seed : SEEDS) {
            byte[] gz = gzip(Shared.plainBytes(Shared.trace(seed)));
            for (int i = 0; i < 150; i++) {
                byte[] m = mutateGzip(gz, rnd);
                Path f = dir.resolve("m.scap.gz");
                Files.write(f, m);
                String[] args = i % 2 == 0 ? new String[]{"-r", f.toString()} : new String[]{"-r", f.toString(), "-j"};
                Shared.Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(args),
                        () -> "hung on a gzip mutation of " + seed);
                assertThat(r.code()).as("exit code for a gzip mutation of %s", seed).isIn(0, 1);
                if (r.code() == 1) {
                    errors++;
                    assertThat(r.err()).startsWith("jdig: ").doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
                }
                runs++;
            }
        }
        assertThat(runs).isEqualTo(750);
        assertThat(errors).as("most damage to a compressed stream must be detected").isGreaterThan(200);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(b)) {
            z.write(plain);
        }
        return b.toByteArray();
    }

    /** Damage to a gzip file: its 10-byte header, the deflate data, the 8-byte trailer, a cut, or a second member. */
    static byte[] mutateGzip(byte[] gz, Random rnd) {
        byte[] m = gz.clone();
        switch (rnd.nextInt(5)) {
            case 0 -> m[rnd.nextInt(10)] ^= (byte) (1 + rnd.nextInt(255)); // header
            case 1 -> { // deflate data
                int n = 1 + rnd.nextInt(5);
                for (int k = 0; k < n; k++) {
                    m[10 + rnd.nextInt(m.length - 18)] ^= (byte) (1 + rnd.nextInt(255));
                }
            }
            case 2 -> m[m.length - 1 - rnd.nextInt(8)] ^= (byte) (1 + rnd.nextInt(255)); // CRC or size
            case 3 -> m = java.util.Arrays.copyOf(gz, rnd.nextInt(gz.length)); // cut
            default -> { // garbage after the member, where a second member would start
                int n = 1 + rnd.nextInt(40);
                m = java.util.Arrays.copyOf(gz, gz.length + n);
                for (int k = gz.length; k < m.length; k++) {
                    m[k] = (byte) rnd.nextInt(256);
                }
                if (rnd.nextBoolean() && n >= 2) {
                    m[gz.length] = 0x1f;
                    m[gz.length + 1] = (byte) 0x8b;
                }
            }
        }
        return m;
    }

    private static Shared.Run run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new io.jdig.cli.Jdig(out, new java.io.PrintStream(err, true)).run(args);
        return new Shared.Run(code, List.of(), err.toString());
    }

    static byte[] mutate(byte[] orig, Random rnd) {
        byte[] m = orig.clone();
        switch (rnd.nextInt(5)) {
            case 0 -> { // flip random bytes
                int n = 1 + rnd.nextInt(20);
                for (int k = 0; k < n; k++) {
                    m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                }
            }
            case 1 -> { // cut anywhere
                m = java.util.Arrays.copyOf(orig, rnd.nextInt(orig.length));
            }
            case 2 -> { // corrupt a 32-bit word (often a length)
                int p = rnd.nextInt(m.length - 4) & ~3;
                int v = switch (rnd.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> -1;
                    case 2 -> rnd.nextInt(64);
                    default -> rnd.nextInt();
                };
                m[p] = (byte) v;
                m[p + 1] = (byte) (v >> 8);
                m[p + 2] = (byte) (v >> 16);
                m[p + 3] = (byte) (v >> 24);
            }
            case 3 -> { // zero a run of bytes
                int p = rnd.nextInt(m.length);
                int n = Math.min(m.length - p, 1 + rnd.nextInt(200));
                java.util.Arrays.fill(m, p, p + n, (byte) 0);
            }
            default -> { // corrupt bytes near the end, in the events
                int n = 1 + rnd.nextInt(10);
                for (int k = 0; k < n; k++) {
                    int p = m.length / 2 + rnd.nextInt(m.length / 2);
                    m[p] = (byte) rnd.nextInt(256);
                }
            }
        }
        return m;
    }
}
