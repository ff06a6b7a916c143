package io.jdig.explore;

import io.jdig.Prerequisites;
import io.jdig.cli.Jdig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A live session as root: views refresh with a workload the test starts, and the last seconds save as a trace. */
class ExplorationLiveTest {
    @Test
    void aLiveSessionShowsAWorkloadAndSavesItsLastSeconds() throws Exception {
        Prerequisites.require("root".equals(System.getProperty("user.name")), "live capture needs root");
        Path dir = Files.createTempDirectory("jdig-live");
        Path saved = dir.resolve("recent.scap");
        try (Exploration x = Exploration.live(Exploration.Settings.DEFAULT,
                new Exploration.LiveOptions(60, 64L << 20, -1, 2000))) {
            assertThat(x.isLive()).isTrue();
            Semaphore samples = new Semaphore(0);
            x.addRefreshListener(samples::release);
            ViewQuery procs = ViewQuery.of("procs").withFilter("proc.name=jdiglivecat");
            x.view(procs); // starts sampling the view
            Path cat = dir.resolve("jdiglivecat");
            Files.copy(Path.of("/bin/cat"), cat);
            cat.toFile().setExecutable(true);
            boolean shown = false;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!shown && System.nanoTime() < until) {
                new ProcessBuilder(cat.toString(), "/etc/hostname").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start().waitFor();
                samples.tryAcquire(500, TimeUnit.MILLISECONDS);
                shown = x.view(procs).rows().stream().anyMatch(r -> r.cells().toString().contains("jdiglivecat"));
            }
            assertThat(shown).as("the workload appears in the live procs view").isTrue();
            assertThat(samples.availablePermits() + 1).isPositive();
            assertThat(x.events()).isPositive();
            Summary s = x.summary();
            assertThat(s.metric("syscallCount").total()).isPositive();

            long n = x.saveRecent(saved, 10);
            assertThat(n).isPositive();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = new Jdig(out, new PrintStream(new ByteArrayOutputStream()))
                    .run(new String[] {"-r", saved.toString(), "proc.name=jdiglivecat and evt.type=execve"});
            assertThat(rc).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("jdiglivecat");
            if (Prerequisites.sysdigInstalled()) {
                Process p = new ProcessBuilder("sysdig", "-r", saved.toString(), "proc.name=jdiglivecat")
                        .redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as(text).isZero();
                assertThat(text).contains("jdiglivecat");
            }
        } finally {
            Files.deleteIfExists(saved);
            Files.deleteIfExists(dir.resolve("jdiglivecat"));
            Files.deleteIfExists(dir);
        }
    }

    /**
     * "Save the last seconds" from a cut after a process started and opened a file (fd 7): the saved file's head has
     * the tables of the cut's moment, so the writes after the cut (through fd 7 made fd 1 for each echo) show the
     * process and the file's name, although neither the session's first look at the processes nor its last one
     * has them (the process came and went).
     */
    @Test
    void aSavedFileStartsWithTheTablesOfItsFirstMoment() throws Exception {
        Prerequisites.require("root".equals(System.getProperty("user.name")), "live capture needs root");
        Path dir = Files.createTempDirectory("jdig-live");
        Path sh = dir.resolve("jdigsaver");
        Path target = dir.resolve("written-after-the-cut.txt");
        Path saved = dir.resolve("recent.scap");
        Files.copy(Path.of("/bin/sh"), sh);
        sh.toFile().setExecutable(true);
        try (Exploration x = Exploration.live(Exploration.Settings.DEFAULT,
                new Exploration.LiveOptions(60, 256L << 20, -1, 2000))) {
            // opens fd 7 on the file, waits, writes to it twice a second for two seconds, and ends
            Process p = new ProcessBuilder(sh.toString(), "-c", "exec 7>" + target
                    + "; sleep 1.5; for i in 1 2 3 4; do echo line$i >&7; sleep 0.5; done; exec 7>&-").start();
            Thread.sleep(1800); // the cut will come after the open
            long beforeWrites = System.nanoTime();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(1000); // the capture has the writes
            double secs = (System.nanoTime() - beforeWrites) / 1e9;
            long n = x.saveRecent(saved, secs);
            assertThat(n).isPositive();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String writes = "proc.name=jdigsaver and evt.type=write and evt.dir=<";
            int rc = new Jdig(out, new PrintStream(new ByteArrayOutputStream())).run(new String[] {"-r",
                    saved.toString(), "-p", "%proc.name %fd.name", writes});
            assertThat(rc).isZero();
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(3).allMatch(l -> l.equals("jdigsaver " + target), "named");
            if (Prerequisites.sysdigInstalled()) {
                Process q = new ProcessBuilder("sysdig", "-r", saved.toString(), "-p", "%proc.name %fd.name", writes)
                        .redirectErrorStream(true).start();
                String text = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(q.waitFor()).as(text).isZero();
                assertThat(text.lines().toList()).isEqualTo(lines);
            }
        } finally {
            Files.deleteIfExists(saved);
            Files.deleteIfExists(target);
            Files.deleteIfExists(sh);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void viewsAreSampledAsOftenAsAsked() throws Exception {
        Prerequisites.require("root".equals(System.getProperty("user.name")), "live capture needs root");
        assertThat(Exploration.LiveOptions.DEFAULT.sampleMs()).isEqualTo(2000);
        try (Exploration x = Exploration.live(Exploration.Settings.DEFAULT,
                Exploration.LiveOptions.DEFAULT.withSampleMs(400))) {
            java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
            x.view(ViewQuery.of("procs"));
            Thread.sleep(1000); // the first sample
            x.addRefreshListener(samples::incrementAndGet);
            Thread.sleep(4000);
            // every 400 ms: about ten samples in four seconds (every two seconds would make two)
            assertThat(samples.get()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aBusyProcessShowsItsCpuInTheLiveProcsView() throws Exception {
        Prerequisites.require("root".equals(System.getProperty("user.name")), "live capture needs root");
        Path dir = Files.createTempDirectory("jdig-live");
        Path spin = dir.resolve("jdigspin");
        Files.copy(Path.of("/bin/sh"), spin);
        spin.toFile().setExecutable(true);
        Process busy = null;
        try (Exploration x = Exploration.live(Exploration.Settings.DEFAULT,
                new Exploration.LiveOptions(10, 16L << 20, -1, 2000))) {
            ViewQuery procs = ViewQuery.of("procs").withFilter("proc.name=jdigspin");
            x.view(procs);
            busy = new ProcessBuilder(spin.toString(), "-c", "while :; do :; done").start();
            double cpu = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cpu <= 0 && System.nanoTime() < until) {
                Thread.sleep(500);
                ViewResult r = x.view(procs);
                int col = -1;
                for (int j = 0; j < r.columns().size(); j++) {
                    if (r.columns().get(j).name().equals("CPU")) {
                        col = j;
                    }
                }
                assertThat(col).as("procs has a CPU column").isNotNegative();
                for (ViewResult.Row row : r.rows()) {
                    if (row.cells().toString().contains("jdigspin")) {
                        cpu = Math.max(cpu, Double.parseDouble(row.cells().get(col)));
                    }
                }
            }
            assertThat(cpu).as("a process spinning on a CPU shows its CPU use").isGreaterThan(10.0);
        } finally {
            if (busy != null) {
                busy.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(spin);
            Files.deleteIfExists(dir);
        }
    }
}
