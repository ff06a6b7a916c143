package io.jdig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.conformance.Shared;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -r -}: a trace piped to jdig reads as the same file named on the command line, also with a chisel that
 * asks for a second run over the trace (wsysdig_summary, Sysdig Inspect's overview), which standard input cannot
 * give twice: jdig keeps a private copy for it and removes it afterwards.
 */
class StdinTraceTest {
    private record Result(int status, byte[] out, String err) {
    }

    /** jdig in a new JVM whose temporary files go to tmp, the input piped to its standard input (or none). */
    private static Result jdig(Path tmp, byte[] input, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(LiveRuns.jdigCommand(args));
        cmd.add(1, "-Djava.io.tmpdir=" + tmp);
        Path err = Files.createTempFile("jdig-test", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            Thread feeder = Thread.ofPlatform().start(() -> {
                try (OutputStream o = p.getOutputStream()) {
                    if (input != null) {
                        o.write(input);
                    }
                } catch (IOException e) {
                    // jdig stopped reading: its status tells
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jdig ends").isTrue();
            feeder.join();
            return new Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aChiselsSecondRunReadsThePipedTraceAgain(@TempDir Path tmp) throws Exception {
        for (String name : List.of("libs__curl_google", "libs__sample")) {
            Path trace = Shared.trace(name);
            Path spoolDir = Files.createDirectories(tmp.resolve(name));
            Result fromFile = jdig(spoolDir, null, "-r", trace.toString(), "-c", "wsysdig_summary");
            Result piped = jdig(spoolDir, Files.readAllBytes(trace), "-r", "-", "-c", "wsysdig_summary");
            assertThat(fromFile.status()).as(fromFile.err()).isZero();
            assertThat(piped.status()).as(piped.err()).isZero();
            String text = new String(piped.out(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).as("the second run's data").contains("{\"progress\": 100, \"data\": ");
            assertThat(piped.out()).as(name).isEqualTo(fromFile.out());
            assertThat(files(spoolDir)).as("the copy of standard input is removed").isEmpty();
        }
    }

    @Test
    void aRunThatStopsEarlyStillGivesTheWholeTraceToTheNextRun(@TempDir Path tmp) throws Exception {
        Path trace = Shared.trace("libs__curl_google");
        Result fromFile = jdig(tmp, null, "-r", trace.toString(), "-n", "50", "-c", "wsysdig_summary");
        Result piped = jdig(tmp, Files.readAllBytes(trace), "-r", "-", "-n", "50", "-c", "wsysdig_summary");
        assertThat(piped.status()).as(piped.err()).isZero();
        assertThat(piped.out()).isNotEmpty().isEqualTo(fromFile.out());
        assertThat(files(tmp)).isEmpty();
    }

    @Test
    void withoutAChiselNothingIsCopied(@TempDir Path tmp) throws Exception {
        Path trace = Shared.trace("libs__sample");
        Result fromFile = jdig(tmp, null, "-r", trace.toString());
        Result piped = jdig(tmp, Files.readAllBytes(trace), "-r", "-");
        assertThat(piped.status()).as(piped.err()).isZero();
        assertThat(piped.out()).isNotEmpty().isEqualTo(fromFile.out());
        assertThat(files(tmp)).isEmpty();
    }
}
