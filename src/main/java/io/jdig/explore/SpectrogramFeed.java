package io.jdig.explore;

import io.jdig.field.EventContext;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.view.ThreadPass;
import io.jdig.view.ViewTable;

import java.util.ArrayList;
import java.util.List;

/**
 * A spectrogram view's table sampled as csysdig samples it on screen: at the first event past each refresh interval
 * (with the pass over the thread table), then at the end of a replay; live, also when the interval has passed on the
 * clock while no event came. At most {@code keep} samples are kept, the oldest dropped first.
 */
final class SpectrogramFeed implements Sink {
    private final ViewTable table;
    private final ThreadPass threads;
    private final int keep;
    private final List<Spectrogram.Sample> samples = new ArrayList<>();
    private long lastTs;
    private long made;

    SpectrogramFeed(ViewTable table, ThreadPass threads) {
        this(table, threads, Integer.MAX_VALUE);
    }

    SpectrogramFeed(ViewTable table, ThreadPass threads, int keep) {
        this.table = table;
        this.threads = threads;
        this.keep = keep;
    }

    @Override
    public boolean onEvent(EventContext c) {
        advance(c.ev.ts());
        table.process(c);
        return true;
    }

    /** Live: an event; true when it ended a sample. */
    boolean onLiveEvent(EventContext c) {
        boolean sampled = advance(c.ev.ts());
        table.process(c);
        return sampled;
    }

    /** Live, no event for a while: the sample is made if its time ({@code nowNs}) has passed; true then. */
    boolean tick(long nowNs) {
        long due = table.nextFlushNs();
        if (due == 0 || Long.compareUnsigned(nowNs, due) <= 0) {
            return false;
        }
        sample(nowNs);
        return true;
    }

    /** An event the replay's filter dropped still moves the time on (and may end a sample). */
    @Override
    public void onFilteredOut(EventContext c) {
        advance(c.ev.ts());
    }

    private boolean advance(long ts) {
        long before = made;
        if (Long.compareUnsigned(ts, table.nextFlushNs()) > 0) {
            sample(ts);
        }
        lastTs = ts;
        return made != before;
    }

    @Override
    public void end(Run run, boolean complete) {
        if (complete && lastTs != 0) {
            sample(lastTs);
        }
    }

    private void sample(long ts) {
        long end = table.nextFlushNs();
        boolean started = end != 0;
        table.flush(ts, threads);
        if (!started) {
            return;
        }
        List<Spectrogram.Bucket> buckets = new ArrayList<>();
        for (ViewTable.Row r : table.sample()) {
            buckets.add(new Spectrogram.Bucket(r.number(0), r.number(1)));
        }
        if (samples.size() >= keep) {
            samples.remove(0);
        }
        samples.add(new Spectrogram.Sample(ts, end, buckets));
        made++;
    }

    List<Spectrogram.Sample> samples() {
        return samples;
    }

    /** How many samples were made since the start (also those no longer kept). */
    long made() {
        return made;
    }
}
