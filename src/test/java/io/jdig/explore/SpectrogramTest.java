package io.jdig.explore;

import io.jdig.conformance.Shared;
import io.jdig.view.cli.Cjdig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpectrogramTest {
    private static List<String> lines(Spectrogram.Sample s) {
        List<String> rows = new ArrayList<>();
        for (Spectrogram.Bucket b : s.buckets()) {
            rows.add(b.key() + " " + b.count());
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"libs__sample", "libs__curl_google", "falco__cat_write"})
    void eachSampleIsWhatCjdigPrintsForItsInterval(String name) {
        Path t = Shared.trace(name);
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            Spectrogram s = x.spectrogram(ViewQuery.of("spectro_all"), -1);
            assertThat(s.viewId()).isEqualTo("spectro_all");
            assertThat(s.intervalNs()).isEqualTo(500_000_000L);
            assertThat(s.samples()).isNotEmpty();
            long from = 0;
            long total = 0;
            for (int i = 0; i < s.samples().size(); i++) {
                Spectrogram.Sample sample = s.samples().get(i);
                boolean last = i == s.samples().size() - 1;
                String window = "evt.rawtime >= " + Long.toUnsignedString(from)
                        + (last ? "" : " and evt.rawtime < " + Long.toUnsignedString(sample.ts()));
                assertThat(lines(sample)).as("sample %d: %s", i, window)
                        .isEqualTo(CjdigRaw.lastTable("-r", t.toString(), "-v", "spectro_all", "--raw", window));
                for (Spectrogram.Bucket b : sample.buckets()) {
                    total += b.count();
                }
                from = sample.ts();
            }
            List<String> all = CjdigRaw.lastTable("-r", t.toString(), "-v", "spectro_all", "--raw");
            long printed = all.stream().mapToLong(l -> Long.parseLong(l.split(" ")[1])).sum();
            assertThat(total).isEqualTo(printed).isPositive();
        }
    }

    @Test
    void aScreenWidthSpreadsTheSameCallsOverItsColumns() {
        Path t = Shared.trace("libs__sample");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            Spectrogram batch = x.spectrogram(ViewQuery.of("spectro_all"), -1);
            Spectrogram wide = x.spectrogram(ViewQuery.of("spectro_all"), 80);
            assertThat(wide.samples()).hasSameSizeAs(batch.samples());
            for (int i = 0; i < wide.samples().size(); i++) {
                long a = batch.samples().get(i).buckets().stream().mapToLong(Spectrogram.Bucket::count).sum();
                long b = wide.samples().get(i).buckets().stream().mapToLong(Spectrogram.Bucket::count).sum();
                assertThat(b).isEqualTo(a);
                assertThat(wide.samples().get(i).buckets()).allSatisfy(k -> assertThat(k.key()).isBetween(1L, 81L));
            }
            assertThat(wide.samples().stream().flatMap(s -> s.buckets().stream())
                    .map(Spectrogram.Bucket::key).distinct().count()).isGreaterThan(3);
        }
    }

    @Test
    void aSelectionGetsTheSpectrogramOfItsEventsOnly() {
        Path t = Shared.trace("libs__sample");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            ViewQuery procs = ViewQuery.of("procs");
            ViewResult r = x.view(procs);
            ViewQuery down = x.drillDown(procs, r.rows().get(0).key());
            Spectrogram s = x.spectrogram(down, -1);
            assertThat(s.viewId()).isEqualTo("spectro_all");
            assertThat(s.filter()).contains(x.selectionFilter(down)).contains("evt.dir=<");
            long total = s.samples().stream().flatMap(p -> p.buckets().stream())
                    .mapToLong(Spectrogram.Bucket::count).sum();
            List<String> all = CjdigRaw.lastTable("-r", t.toString(), "-v", "spectro_all", "--raw", x.selectionFilter(down));
            assertThat(total).isEqualTo(all.stream().mapToLong(l -> Long.parseLong(l.split(" ")[1])).sum());
        }
    }
}
