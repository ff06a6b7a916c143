package io.jdig.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.Prerequisites;
import io.jdig.capture.BpfLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cjdig's batch outputs on a live capture (as root): a workload of the test's own, {@code dd} copied under a name
 * of its own and copying /dev/zero to /dev/null, must appear in the procs view with CPU and file bytes; samples come
 * every {@code -d} ms; SIGTERM ends the JSON with its closing line; {@code -n} ends the run by itself.
 */
class LiveViewTest {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String CP = System.getProperty("java.class.path");
    /** A row of the procs view: pid, ppid, cpu, user, threads, virt, res, file, net, command. */
    private static final Pattern ROW = Pattern.compile(
            "\\{\"d\":\\[(\\d+),(\\d+),([0-9.]+),\"[^\"]*\",\\d+,\\d+,\\d+,(\\d+),(\\d+),\"([^\"]*)\"],\"k\":\"\\d+\"}");

    private static List<String> cjdig(String... args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-Xss8m", "-cp", CP,
                "io.jdig.view.cli.Cjdig"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void requireLive() {
        String problem = BpfLoader.environmentProblem();
        Prerequisites.require(problem == null, "live capture unavailable: " + problem);
        Prerequisites.require(Files.isExecutable(Path.of("/bin/dd")), "dd is missing");
    }

    @Test
    void procsShowsTheWorkloadWithItsCpuAndFileBytesAndEndsCleanlyOnSigterm(@TempDir Path tmp) throws Exception {
        requireLive();
        Path load = tmp.resolve("jdigvwload");
        Files.copy(Path.of("/bin/dd"), load, StandardCopyOption.COPY_ATTRIBUTES);
        Path out = tmp.resolve("out.json");
        Path err = tmp.resolve("err.txt");
        Process cj = new ProcessBuilder(cjdig("-v", "procs", "-j", "-d", "1000"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Process w = null;
        try {
            // the capture has started once the first (empty) sample is out
            waitFor(cj, out, err, s -> s.contains("\"count\": "), "the first sample");
            w = new ProcessBuilder(load.toString(), "if=/dev/zero", "of=/dev/null", "bs=256k")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("dd.txt").toFile()).start();
            long wpid = w.pid();
            waitFor(cj, out, err, s -> {
                Matcher m = row(s, wpid);
                return m != null && Double.parseDouble(m.group(3)) > 0 && Long.parseLong(m.group(4)) > 0;
            }, "a sample with the workload's CPU and file bytes");
            Matcher m = row(Files.readString(out), wpid);
            assertThat(m.group(6)).startsWith(load.toString()).contains("if=/dev/zero");
            assertThat(Long.parseLong(m.group(5))).as("no network bytes").isZero();

            long samplesBefore = count(Files.readString(out), "\"count\": ");
            Thread.sleep(3500);
            long samplesAfter = count(Files.readString(out), "\"count\": ");
            assertThat(samplesAfter - samplesBefore).as("a sample a second").isBetween(2L, 5L);

            cj.destroy(); // SIGTERM
            assertThat(cj.waitFor(60, TimeUnit.SECONDS)).as("cjdig stops on SIGTERM").isTrue();
            String all = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(all).startsWith("{\"slices\": [\n{\"progress\": 0},\n{\"progress\": 100, ");
            assertThat(all).endsWith("}\n]}\n");
            assertThat(all).doesNotContain("{\"progress\": 0.");
            assertThat(Files.readString(err)).doesNotContain("Exception");
        } finally {
            if (w != null) {
                w.destroyForcibly();
            }
            cj.destroyForcibly();
        }
    }

    @Test
    void rawLiveStopsAfterNEvents(@TempDir Path tmp) throws Exception {
        requireLive();
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process cj = new ProcessBuilder(cjdig("-v", "files", "--raw", "-n", "3000"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // events keep coming on any machine (the test's own JVM makes them), so -n is reached
        Process busy = new ProcessBuilder("sh", "-c", "for i in $(seq 1 3000); do cat /etc/hostname; done")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(cj.waitFor(120, TimeUnit.SECONDS)).as("cjdig -n ends by itself").isTrue();
            assertThat(cj.exitValue()).as(Files.readString(err)).isZero();
            String all = Files.readString(out);
            assertThat(all).startsWith("----------------------\n"); // the first sample, made at the first event
        } finally {
            busy.destroyForcibly();
            cj.destroyForcibly();
        }
    }

    @Test
    void badDelayIsOneLine(@TempDir Path tmp) throws Exception {
        Process cj = new ProcessBuilder(cjdig("-v", "procs", "-j", "-d", "0"))
                .redirectOutput(tmp.resolve("o").toFile()).redirectError(tmp.resolve("e").toFile()).start();
        assertThat(cj.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cj.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(tmp.resolve("e"))).hasSize(1).first().asString().contains("-d");
    }

    private static Matcher row(String json, long pid) {
        Matcher last = null;
        Matcher m = ROW.matcher(json);
        while (m.find()) {
            if (Long.parseLong(m.group(1)) == pid) {
                last = ROW.matcher(m.group());
                last.matches();
            }
        }
        return last;
    }

    private static long count(String s, String what) {
        long n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static void waitFor(Process cj, Path out, Path err, java.util.function.Predicate<String> done, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!done.test(Files.readString(out, StandardCharsets.UTF_8))) {
            assertThat(cj.isAlive()).as("cjdig exited early: %s", Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("cjdig did not print %s", what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
