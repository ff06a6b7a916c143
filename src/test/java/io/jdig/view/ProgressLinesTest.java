package io.jdig.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.Prerequisites;
import io.jdig.view.cli.Cjdig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -j} on a trace of more than 600,000 events (a shared trace repeated by the shared tool that makes benchmark
 * traces) prints csysdig's {@code {"progress": N}} lines, every 300,000 events with the reader's figure: the whole
 * output must be csysdig's, line for line.
 */
class ProgressLinesTest {
    @Test
    void progressLinesAreCsysdigs(@TempDir Path tmp) throws Exception {
        Path maker = Prerequisites.shared("tools", "make-bench-trace.py");
        Path source = Prerequisites.shared("traces", "falco__psp_run_as_user_0_container.scap");
        Prerequisites.require(Prerequisites.onPath("python3"), "python3 is missing");
        Prerequisites.require(Prerequisites.onPath("csysdig"), "the reference csysdig is not installed");
        Path big = tmp.resolve("big.scap");
        Process make = new ProcessBuilder("python3", maker.toString(), source.toString(), big.toString(), "170")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("make.txt").toFile()).start();
        assertThat(make.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(make.exitValue()).as(Files.readString(tmp.resolve("make.txt"))).isZero();

        Path want = tmp.resolve("csysdig.json");
        Process cs = new ProcessBuilder("csysdig", "-r", big.toString(), "-v", "files", "-j")
                .redirectOutput(want.toFile()).redirectError(tmp.resolve("cs.err").toFile()).start();
        assertThat(cs.waitFor(300, TimeUnit.SECONDS)).isTrue();
        List<String> expected = Files.readAllLines(want);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new Cjdig(out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(new String[] {"-r", big.toString(), "-v", "files", "-j"});
        assertThat(rc).isZero();
        List<String> got = out.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(expected.stream().filter(l -> l.startsWith("{\"progress\": ") && l.endsWith("},")).count())
                .as("the trace is long enough for two progress lines besides the first").isGreaterThanOrEqualTo(3);
        assertThat(got).containsExactlyElementsOf(expected);
    }
}
