package io.jdig.explore;

import io.jdig.field.EventContext;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.view.ThreadPass;
import io.jdig.view.ViewTable;

import java.util.ArrayList;
import java.util.List;

/**
 * A spectrogram view run over a replay, sampled as csysdig samples it on screen: at the first event past each
 * refresh interval (with the pass over the thread table), then at the end of the capture.
 */
final class SpectrogramFeed implements Sink {
    private final ViewTable table;
    private final ThreadPass threads;
    private final List<Spectrogram.Sample> samples = new ArrayList<>();
    private long lastTs;

    SpectrogramFeed(ViewTable table, ThreadPass threads) {
        this.table = table;
        this.threads = threads;
    }

    @Override
    public boolean onEvent(EventContext c) {
        advance(c.ev.ts());
        table.process(c);
        return true;
    }

    /** An event the replay's filter dropped still moves the time on (and may end a sample). */
    @Override
    public void onFilteredOut(EventContext c) {
        advance(c.ev.ts());
    }

    private void advance(long ts) {
        if (Long.compareUnsigned(ts, table.nextFlushNs()) > 0) {
            sample(ts);
        }
        lastTs = ts;
    }

    @Override
    public void end(Run run, boolean complete) {
        if (complete && lastTs != 0) {
            sample(lastTs);
        }
    }

    private void sample(long ts) {
        boolean started = table.nextFlushNs() != 0;
        table.flush(ts, threads);
        if (!started) {
            return;
        }
        List<Spectrogram.Bucket> buckets = new ArrayList<>();
        for (ViewTable.Row r : table.sample()) {
            buckets.add(new Spectrogram.Bucket(r.number(0), r.number(1)));
        }
        samples.add(new Spectrogram.Sample(ts, buckets));
    }

    List<Spectrogram.Sample> samples() {
        return samples;
    }
}
