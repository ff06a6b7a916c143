package io.jdig.cli;

import static io.jdig.cli.LiveRuns.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.Prerequisites;
import io.jdig.capture.BpfLoader;
import io.jdig.conformance.Shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live {@code jdig -w} ended by Ctrl-C (SIGINT) and by SIGKILL, and live rotation: files owner-only (0600) that jdig
 * and sysdig read. After SIGINT the file is closed cleanly; after SIGKILL what was flushed (every second) reads up
 * to the last whole block, and a gzip file cut short gives one clear line and status 1, no stack trace. Needs root
 * and BPF; with CI=true a missing prerequisite fails instead of skipping.
 */
class LiveWriteSignalsTest {
    private static final String FILTER = "proc.name=cat";
    private static final String FMT = "%evt.num %evt.type %evt.dir %proc.name %thread.tid %fd.name";

    @TempDir
    Path tmp;
    private Process workload;

    /** A shell that runs cat a few times a second: the events the captures below keep. */
    @BeforeEach
    void startWorkload() throws IOException {
        String problem = BpfLoader.environmentProblem();
        require(problem == null, "live capture unavailable: " + problem);
        workload = new ProcessBuilder("sh", "-c", "while true; do cat /etc/hostname >/dev/null; sleep 0.1; done")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @AfterEach
    void stopWorkload() {
        if (workload != null) {
            workload.descendants().forEach(ProcessHandle::destroyForcibly);
            workload.destroyForcibly();
        }
    }

    private Process startWrite(Path scap, String... more) throws Exception {
        String[] args = Stream.concat(Stream.of(more), Stream.of(FILTER)).toArray(String[]::new);
        return LiveRuns.startWrite(tmp, scap, tmp.resolve("jdig.err"), args);
    }

    private static void signal(Process p, String sig) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    /** jdig's reading of the file: status 0, and the workload's cat in it. */
    private static Shared.Run readsCleanly(Path scap) throws Exception {
        FileRotationTest.assertOwnerOnly(scap);
        Shared.Run r = Shared.jdig("-r", scap.toString(), "-p", FMT);
        assertThat(r.code()).as("%s: %s", scap, r.err()).isZero();
        assertThat(r.out()).as("%s holds cat's events", scap).anyMatch(LiveWriteSignalsTest::catEvent);
        if (Prerequisites.sysdigInstalled()) {
            Shared.assertSame(scap.toString(), Shared.sysdig(List.of("-r", scap.toString(), "-p", FMT)), r,
                    Shared.Expect.LINES);
        }
        return r;
    }

    /** An event of a cat: named so, or (in a file that starts after that cat did, nameless) reading the file. */
    private static boolean catEvent(String line) {
        return line.contains(" cat ") || line.endsWith(" /etc/hostname");
    }

    @Test
    void ctrlCClosesTheFileCleanly() throws Exception {
        Path scap = tmp.resolve("int.scap");
        Process jdig = startWrite(scap);
        Thread.sleep(3000);
        signal(jdig, "INT");
        assertThat(jdig.waitFor(60, TimeUnit.SECONDS)).as("jdig -w stops on SIGINT").isTrue();
        assertThat(jdig.exitValue()).as(Files.readString(tmp.resolve("jdig.err"))).isZero();
        readsCleanly(scap);
    }

    @Test
    void ctrlCClosesAGzipFileCleanly() throws Exception {
        Path scap = tmp.resolve("int.scap.gz");
        Process jdig = startWrite(scap, "-z");
        Thread.sleep(3000);
        signal(jdig, "INT");
        assertThat(jdig.waitFor(60, TimeUnit.SECONDS)).as("jdig -w -z stops on SIGINT").isTrue();
        assertThat(jdig.exitValue()).as(Files.readString(tmp.resolve("jdig.err"))).isZero();
        readsCleanly(scap);
    }

    /** After SIGKILL: what was flushed reads; status 0, or 1 with one line that names the file. */
    private static void readsWhatWasFlushed(Path scap, boolean gzip) throws Exception {
        FileRotationTest.assertOwnerOnly(scap);
        Shared.Run r = Shared.jdig("-r", scap.toString(), "-p", FMT);
        assertThat(r.out()).as("%s: the flushed events (%s)", scap, r.err())
                .anyMatch(LiveWriteSignalsTest::catEvent);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        if (gzip) {
            // a gzip stream without its trailer: cut short
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().lines().toList()).hasSize(1).first().asString()
                    .startsWith("jdig: " + scap + ": truncated file");
        } else if (r.code() != 0) {
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().lines().toList()).hasSize(1).first().asString().startsWith("jdig: " + scap + ": ");
        }
    }

    @Test
    void sigkillLeavesWhatWasFlushedReadable() throws Exception {
        Path scap = tmp.resolve("kill.scap");
        Process jdig = startWrite(scap);
        Thread.sleep(4000); // flushed every second when the rings are idle
        jdig.destroyForcibly();
        assertThat(jdig.waitFor(60, TimeUnit.SECONDS)).isTrue();
        readsWhatWasFlushed(scap, false);
    }

    @Test
    void sigkillLeavesAGzipFileReadableUpToItsLastFlush() throws Exception {
        Path scap = tmp.resolve("kill.scap.gz");
        Process jdig = startWrite(scap, "-z");
        Thread.sleep(4000);
        jdig.destroyForcibly();
        assertThat(jdig.waitFor(60, TimeUnit.SECONDS)).isTrue();
        readsWhatWasFlushed(scap, true);
    }

    @Test
    void liveRotationMakesOwnerOnlyFilesThatRead() throws Exception {
        Path scap = tmp.resolve("rot.scap");
        Path first = tmp.resolve("rot.scap0");
        List<String> cmd = LiveRuns.jdigCommand("-w", scap.toString(), "-e", "400", "-W", "5", FILTER);
        Process jdig = new ProcessBuilder(cmd).redirectError(tmp.resolve("jdig.err").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(tmp.resolve("rot.scap2"))) {
            assertThat(jdig.isAlive()).as("jdig exited: %s", Files.readString(tmp.resolve("jdig.err"))).isTrue();
            assertThat(System.nanoTime()).as("three files within 90 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        LiveRuns.stopWrite(jdig, tmp.resolve("jdig.err"));
        assertThat(jdig.exitValue()).isZero();
        assertThat(first).exists();
        for (int i = 0; i < 3; i++) {
            readsCleanly(tmp.resolve("rot.scap" + i));
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("rot.scap")))
                    .allMatch(n -> n.matches("rot\\.scap[0-4]"));
        }
    }

    /**
     * A new file every 40 events of everything on a busy machine: every file after the first starts with the state
     * engine's tables (no /proc scan holding up the rings), so many files are written, SIGTERM ends the capture at
     * once (what the rings still hold goes to the last file), and the files read the same in sysdig and jdig.
     */
    @Test
    void fastRotationStopsAtOnceAndEveryFileReads() throws Exception {
        Process busy = new ProcessBuilder("sh", "-c", "while :; do cat /etc/hostname >/dev/null; done")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path scap = tmp.resolve("fast.scap");
            List<String> cmd = LiveRuns.jdigCommand("-w", scap.toString(), "-e", "40");
            Process jdig = new ProcessBuilder(cmd).redirectError(tmp.resolve("jdig.err").toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(tmp.resolve("fast.scap30"))) {
                assertThat(jdig.isAlive()).as("jdig exited: %s", Files.readString(tmp.resolve("jdig.err"))).isTrue();
                assertThat(System.nanoTime()).as("thirty files within 90 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            long t0 = System.nanoTime();
            jdig.destroy();
            assertThat(jdig.waitFor(60, TimeUnit.SECONDS)).isTrue();
            double secs = (System.nanoTime() - t0) / 1e9;
            assertThat(jdig.exitValue()).as(Files.readString(tmp.resolve("jdig.err"))).isZero();
            assertThat(secs).as("seconds from SIGTERM to the end").isLessThan(5);
            int files;
            try (Stream<Path> s = Files.list(tmp)) {
                files = (int) s.filter(p -> p.getFileName().toString().startsWith("fast.scap")).count();
            }
            assertThat(files).isGreaterThan(30);
            String fmt = "*%evt.num %evt.type %proc.name %proc.pid %proc.ppid %proc.cwd %thread.tid %fd.num %fd.name "
                    + "%fd.type %fd.is_server %user.name";
            for (int i : new int[] {0, 1, 15, 29, files - 1}) {
                Path f = tmp.resolve("fast.scap" + i);
                FileRotationTest.assertOwnerOnly(f);
                Shared.Run r = Shared.jdig("-r", f.toString(), "-p", fmt);
                assertThat(r.code()).as("%s: %s", f, r.err()).isZero();
                if (i > 0 && i < files - 1) {
                    assertThat(r.out()).as("%s holds 40 events", f).hasSize(40);
                }
                if (Prerequisites.sysdigInstalled()) {
                    Shared.assertSame(f.toString(), Shared.sysdig(List.of("-r", f.toString(), "-p", fmt)), r,
                            Shared.Expect.LINES);
                    Shared.assertSame(f + " ps", Shared.sysdig(List.of("-r", f.toString(), "-c", "ps")),
                            Shared.jdig("-r", f.toString(), "-c", "ps"), Shared.Expect.LINES);
                }
            }
        } finally {
            busy.destroyForcibly();
        }
    }
}
