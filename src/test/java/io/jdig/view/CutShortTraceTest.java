package io.jdig.view;

import io.jdig.Prerequisites;
import io.jdig.view.cli.Cjdig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace cut short (a capture killed, a disk that filled up, a copy interrupted) read by cjdig as csysdig reads
 * it: up to where it can no longer be read, the table of the events before that, exit status 0. The reference
 * csysdig reads the same cut files; the whole output must be the same. cjdig also says on the error stream where
 * the file ends (csysdig says nothing).
 */
class CutShortTraceTest {
    private static final List<String> TRACES = List.of("libs__sample", "libs__curl_google",
            "falco__psp_run_as_user_0_container");
    /** Where the files are cut (a fraction of their bytes): in their events, and one in the header's blocks. */
    private static final double[] CUTS = {0.5, 0.8, 0.95};
    private static final List<String> VIEWS = List.of("procs", "files", "connections", "syscalls");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void needsCsysdig() {
        Prerequisites.require(Prerequisites.onPath("csysdig"), "the reference csysdig is not installed");
    }

    static Stream<Arguments> cuts() {
        List<Arguments> out = new ArrayList<>();
        for (String t : TRACES) {
            for (double f : CUTS) {
                out.add(Arguments.of(t, f, false));
            }
        }
        out.add(Arguments.of("libs__sample", 0.9, true)); // a gzip-compressed trace cut short
        return out.stream();
    }

    @ParameterizedTest(name = "{0} cut at {1} (gzip: {2})")
    @MethodSource("cuts")
    void theViewsOfATraceCutShortAreCsysdigs(String trace, double fraction, boolean gzip) throws Exception {
        Path whole = Prerequisites.shared("traces", trace + ".scap");
        byte[] bytes = Files.readAllBytes(whole);
        if (gzip) {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(z)) {
                gz.write(bytes);
            }
            bytes = z.toByteArray();
        }
        Path cut = tmp.resolve(trace + "-" + fraction + (gzip ? ".scap.gz" : ".scap"));
        Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        for (String view : VIEWS) {
            Path want = tmp.resolve("csysdig.out");
            Process p = new ProcessBuilder("csysdig", "-r", cut.toString(), "-v", view, "-j")
                    .redirectOutput(want.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            List<String> expected = Files.readAllLines(want);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = new Cjdig(out, new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new String[] {"-r", cut.toString(), "-v", view, "-j"});
            if (p.exitValue() != 0) {
                // cut within the blocks at the head (the machine, the processes): neither can start reading
                assertThat(trace + fraction).as("cut in the head").isEqualTo("libs__sample0.5");
                assertThat(rc).as(view).isEqualTo(1);
                assertThat(out.size()).isZero();
                assertThat(err.toString(StandardCharsets.UTF_8)).as(view).startsWith("cjdig: " + cut + ": truncated");
                continue;
            }
            assertThat(rc).as(view + ": " + err).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).as(view)
                    .containsExactlyElementsOf(expected);
            assertThat(expected).as("csysdig's table of " + view).isNotEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8)).as(view)
                    .startsWith("cjdig: " + cut + ": ").contains("the view shows the events before it");
        }
    }
}
