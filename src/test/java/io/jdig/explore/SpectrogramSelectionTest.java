package io.jdig.explore;

import io.jdig.conformance.Shared;
import io.jdig.field.EventContext;
import io.jdig.field.LatencyScale;
import io.jdig.filter.FilterCompiler;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.pipeline.Source;
import io.jdig.view.ThreadOrder;
import io.jdig.view.ThreadPass;
import io.jdig.view.ViewInfo;
import io.jdig.view.ViewTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A region of the spectrogram as the filter csysdig builds for it, and the spectrogram sampled as a live capture
 * samples it.
 */
class SpectrogramSelectionTest {
    private static Spectrogram.Sample sample(long endNs, long... keyCounts) {
        List<Spectrogram.Bucket> b = new ArrayList<>();
        for (int i = 0; i < keyCounts.length; i += 2) {
            b.add(new Spectrogram.Bucket(keyCounts[i], keyCounts[i + 1]));
        }
        return new Spectrogram.Sample(endNs - 1, endNs, b);
    }

    @Test
    void aRegionIsTheTimeOfItsRowsIntervalsAndTheLatenciesOfItsColumns() {
        // 110 columns: column x holds the latencies from 10^((x-1)/10) ns up to 10^(x/10)
        Spectrogram s = new Spectrogram("spectro_all", "evt.dir=<", 110, 500_000_000L, List.of(
                sample(1_000_000_000L, 20, 1), sample(1_500_000_000L), sample(2_000_000_000L, 35, 2)));
        String f = "(evt.rawtime>=1000000000 and evt.rawtime<=2000000000) and (evt.latency>=80 and evt.latency<3163)";
        assertThat(s.selectionFilter(1, 2, 20, 35)).isEqualTo(f);
        // the corners may come in any order
        assertThat(s.selectionFilter(2, 1, 35, 20)).isEqualTo(f);
        // one cell: its sample's interval, its bucket
        assertThat(s.selectionFilter(0, 0, 1, 1)).isEqualTo(
                "(evt.rawtime>=500000000 and evt.rawtime<=1000000000) and (evt.latency>=1 and evt.latency<2)");
        assertThat(s.selectionFilter(0, 0, 0, 0)).endsWith("(evt.latency>=1 and evt.latency<1)");
        assertThat(s.selectionFilter(0, 0, 109, 109))
                .endsWith("(evt.latency>=63095734449 and evt.latency<79432823473)");
        // the tracers' spectrogram bounds the spans' duration
        Spectrogram t = new Spectrogram("spectro_traces", "", 110, 500_000_000L, s.samples());
        assertThat(t.selectionFilter(0, 1, 30, 39)).isEqualTo(
                "(evt.rawtime>=500000000 and evt.rawtime<=1500000000) and (span.duration>=795 and span.duration<7944)");
        assertThatThrownBy(() -> s.selectionFilter(0, 3, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** Every region's filter picks exactly the calls its buckets counted: no fewer, no more. */
    @Test
    void aRegionsEventsAreTheCallsItsBucketsCounted() {
        Path t = Shared.trace("libs__sample");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            int width = 80;
            Spectrogram s = x.spectrogram(ViewQuery.of("spectro_all"), width);
            assertThat(s.samples()).hasSizeGreaterThanOrEqualTo(2);
            int[][] regions = {{0, 0, 0, width - 2}, {1, 1, 0, width - 2}, {0, s.samples().size() - 1, 20, 40},
                {s.samples().size() - 1, 0, 45, 28}, {0, 1, 33, 33}};
            long total = 0;
            for (int[] r : regions) {
                long counted = 0;
                for (int i = Math.min(r[0], r[1]); i <= Math.max(r[0], r[1]); i++) {
                    for (int c = Math.min(r[2], r[3]); c <= Math.max(r[2], r[3]); c++) {
                        counted += s.samples().get(i).count(c);
                    }
                }
                String f = io.jdig.view.DrillPath.both(s.filter(), s.selectionFilter(r[0], r[1], r[2], r[3]));
                List<String> dug = x.dig(f, TimeRange.ALL, 100_000);
                assertThat((long) dug.size()).as("events of %s", f).isEqualTo(counted);
                total += counted;
            }
            assertThat(total).as("the regions hold calls").isPositive();
        }
    }

    /** A feed over a shared trace, fed event by event as the live capture feeds it. */
    private record Fed(SpectrogramFeed feed, int sampledEvents) {
    }

    private static Fed feedLive(Path trace, ViewInfo view, int width, int keep) {
        SpectrogramFeed[] feed = new SpectrogramFeed[1];
        int[] sampled = {0};
        Pipeline p = Pipeline.builder().source(new Source.TraceFile(trace)).sink(new Sink() {
            @Override
            public boolean onEvent(EventContext c) {
                if (feed[0].onLiveEvent(c)) {
                    sampled[0]++;
                }
                return true;
            }

            @Override
            public void end(Run run, boolean complete) {
            }
        }).errors(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "").build();
        var state = p.context().state;
        ViewTable table = LatencyScale.with(width, () -> new ViewTable(view, 0,
                FilterCompiler.compile(view.filter(0)), 500_000_000L));
        table.sortBy(view.sortingCol());
        feed[0] = new SpectrogramFeed(table, new ThreadPass(state, ThreadOrder.follow(state)), keep);
        assertThat(p.run().exitCode()).isZero();
        return new Fed(feed[0], sampled[0]);
    }

    @Test
    void liveARowIsMadeAtEachIntervalsEndAndWhenTheClockPassesIt() {
        Path t = Shared.trace("libs__sample");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            int width = 80;
            Spectrogram file = x.spectrogram(ViewQuery.of("spectro_all"), width);
            ViewInfo view = x.catalog().select("spectro_all");
            Fed fed = feedLive(t, view, width, LiveSpectrogram.KEEP);
            SpectrogramFeed feed = fed.feed();
            // the events that ended an interval made the same rows as on the file (whose last row is the end's)
            List<Spectrogram.Sample> live = new ArrayList<>(feed.samples());
            assertThat(fed.sampledEvents()).isEqualTo(live.size()).isEqualTo(file.samples().size() - 1);
            for (int i = 0; i < live.size(); i++) {
                assertThat(live.get(i)).isEqualTo(file.samples().get(i));
                assertThat(live.get(i).endNs() % 500_000_000L).isZero();
            }
            // no event for a while: the clock ends the interval, once
            long due = file.samples().get(file.samples().size() - 1).endNs();
            assertThat(feed.tick(due)).isFalse();
            assertThat(feed.tick(due + 1)).isTrue();
            assertThat(feed.samples()).hasSize(live.size() + 1);
            Spectrogram.Sample last = feed.samples().get(live.size());
            assertThat(last.endNs()).isEqualTo(due);
            assertThat(last.buckets()).isEqualTo(file.samples().get(file.samples().size() - 1).buckets());
            assertThat(feed.tick(due + 2)).isFalse();
            // then an empty row each interval while nothing happens
            assertThat(feed.tick(due + 500_000_001L)).isTrue();
            assertThat(feed.samples().get(feed.samples().size() - 1).buckets()).isEmpty();
            assertThat(feed.made()).isEqualTo(live.size() + 2L);
        }
    }

    @Test
    void liveOnlyTheNewestRowsAreKept() {
        Path t = Shared.trace("libs__sample");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            Spectrogram file = x.spectrogram(ViewQuery.of("spectro_all"), 80);
            Fed fed = feedLive(t, x.catalog().select("spectro_all"), 80, 1);
            int n = file.samples().size() - 1;
            assertThat(n).isGreaterThanOrEqualTo(2);
            assertThat(fed.feed().made()).isEqualTo(n);
            assertThat(fed.feed().samples()).containsExactly(file.samples().get(n - 1));
        }
    }
}
