package io.jdig.explore;

import io.jdig.Prerequisites;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As root: a live spectrogram is one more sink of the session's capture, gaining a row every half second while a
 * workload the test starts runs; a region of its rows digs the workload's calls out of the ring of recent events.
 */
class LiveSpectrogramTest {
    @Test
    void theLiveSpectrogramGainsARowEachHalfSecondAndItsRegionsDigTheRing() throws Exception {
        Prerequisites.require("root".equals(System.getProperty("user.name")), "live capture needs root");
        String problem = io.jdig.capture.BpfLoader.environmentProblem();
        Prerequisites.require(problem == null, "live capture unavailable: " + problem);
        Path dir = Files.createTempDirectory("jdig-live-spectro");
        Path sh = dir.resolve("jdigspectrosh");
        Files.copy(Path.of("/bin/sh"), sh);
        sh.toFile().setExecutable(true);
        Process work = null;
        try (Exploration x = Exploration.live(Exploration.Settings.DEFAULT,
                new Exploration.LiveOptions(60, 512L << 20, -1, 2000))) {
            AtomicInteger told = new AtomicInteger();
            x.addRefreshListener(told::incrementAndGet);
            ViewQuery q = ViewQuery.of("procs").withFilter("proc.name=jdigspectrosh");
            LiveSpectrogram live = x.liveSpectrogram(q, 80);
            assertThat(live.intervalNs()).as("csysdig's half second when tables refresh every two")
                    .isEqualTo(500_000_000L);
            Spectrogram first = live.snapshot();
            assertThat(first.viewId()).isEqualTo("spectro_all");
            assertThat(first.filter()).contains("proc.name=jdigspectrosh").contains("evt.dir=<");
            // the workload: the shell's writes and its waits for a tenth of a second's sleep
            work = new ProcessBuilder(sh.toString(), "-c", "while :; do echo x > /dev/null; sleep 0.1; done")
                    .start();

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (live.samplesMade() < 3 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            long made = live.samplesMade();
            int toldBefore = told.get();
            Thread.sleep(3000);
            long later = live.samplesMade();
            // six intervals in three seconds (slack for a loaded machine, whose capture may lag and catch up),
            // and the UI told of each
            assertThat(later - made).as("rows gained in three seconds").isBetween(4L, 12L);
            assertThat(told.get() - toldBefore).as("refreshes told in three seconds").isGreaterThanOrEqualTo(4);

            long before = live.samplesMade();
            Spectrogram s = live.snapshot();
            List<Spectrogram.Sample> rows = s.samples();
            assertThat((long) rows.size()).as("every row kept").isBetween(before, live.samplesMade());
            for (int i = 1; i < rows.size(); i++) {
                long step = rows.get(i).endNs() - rows.get(i - 1).endNs();
                assertThat(step).as("rows follow each other's intervals").isPositive();
                assertThat(step % 500_000_000L).isZero();
            }
            // the workload's calls are counted, and a region of its rows digs exactly them from the ring
            long counted = 0;
            for (Spectrogram.Sample r : rows) {
                for (Spectrogram.Bucket b : r.buckets()) {
                    counted += b.count();
                }
            }
            assertThat(counted).as("the workload's calls").isPositive();
            // (a replay of the ring knows the workload's name from its start: the ring must still hold it)
            assertThat(x.session().store.firstHeld()).as("events the ring has dropped").isZero();
            String f = io.jdig.view.DrillPath.both(s.filter(), s.selectionFilter(0, rows.size() - 1, 0, 78));
            List<String> dug = x.dig(f, TimeRange.ALL, 100_000);
            assertThat((long) dug.size()).as("events of %s", f).isEqualTo(counted);
            assertThat(dug).allSatisfy(l -> assertThat(l).contains("jdigspectrosh"));

            // closed: no more rows
            live.close();
            Thread.sleep(700);
            long closedAt = live.samplesMade();
            Thread.sleep(1500);
            assertThat(live.samplesMade()).isEqualTo(closedAt);
        } finally {
            if (work != null) {
                work.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(sh);
            Files.deleteIfExists(dir);
        }
    }
}
