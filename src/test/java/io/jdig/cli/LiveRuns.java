package io.jdig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


/** Helpers of the live capture tests: prerequisites, subprocesses, and a {@code jdig -w} capture. */
final class LiveRuns {
    static final boolean CI = io.jdig.Prerequisites.CI;
    /** The java command and class path of this test run, for the subprocesses. */
    static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    static final String CP = System.getProperty("java.class.path");

    private LiveRuns() {
    }

    /** Skips the test when a prerequisite is missing (fails instead with CI=true). */
    static void require(boolean ok, String what) {
        io.jdig.Prerequisites.require(ok, what);
    }

    static boolean onPath(String tool) {
        return io.jdig.Prerequisites.onPath(tool);
    }

    /** The command line that runs jdig's Main with these arguments in a new JVM. */
    static List<String> jdigCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", CP,
                "io.jdig.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs cmd (its output and errors in temporary files of tmp), checks it succeeds, returns its output lines. */
    static List<String> run(Path tmp, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s failed: %s", cmd, Files.readString(err)).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.ISO_8859_1);
        Files.delete(out);
        Files.delete(err);
        return lines;
    }

    /** Runs jdig in a subprocess (see run). */
    static List<String> jdig(Path tmp, String... args) throws IOException, InterruptedException {
        return run(tmp, jdigCommand(args));
    }

    /**
     * Starts {@code jdig -w scap} plus args, its output in dir/jdig.out and errors in err, and waits (90 s at most)
     * until it has created the file.
     */
    static Process startWrite(Path dir, Path scap, Path err, String... args) throws Exception {
        List<String> cmd = jdigCommand("-w", scap.toString());
        cmd.addAll(List.of(args));
        Process jdig = new ProcessBuilder(cmd).redirectError(err.toFile())
                .redirectOutput(dir.resolve("jdig.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(scap)) {
            assertThat(jdig.isAlive()).as("jdig -w exited early: %s", Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("jdig -w did not start").isLessThan(deadline);
            Thread.sleep(100);
        }
        return jdig;
    }

    /** What {@link #record} gives: the workload's output line split at spaces, and jdig's errors. */
    record Recorded(String[] line, String stderr) {
    }

    /**
     * Runs a workload (a command that prints one line and exits 0) while {@code jdig -w scap -s 200} records, then
     * stops jdig; its output and errors go to tmp/jdig.out and tmp/jdig.err.
     */
    static Recorded record(Path tmp, Path scap, ProcessBuilder workload) throws Exception {
        Path err = tmp.resolve("jdig.err");
        Process jdig = startWrite(tmp, scap, err, "-s", "200");
        Process w = workload.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new String(w.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(w.waitFor()).isZero();
        Thread.sleep(500);
        return new Recorded(line.split(" "), stopWrite(jdig, err));
    }

    /** Stops a jdig -w with SIGTERM (stop, drain, close the file) and returns its errors. */
    static String stopWrite(Process jdig, Path err) throws Exception {
        jdig.destroy();
        assertThat(jdig.waitFor(60, TimeUnit.SECONDS)).as("jdig -w stops on SIGTERM").isTrue();
        return Files.readString(err);
    }
}
