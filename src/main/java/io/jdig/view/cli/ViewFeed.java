package io.jdig.view.cli;

import io.jdig.field.EventContext;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.view.ViewSink;

import java.time.Instant;

/**
 * The view engine as a sink of the pipeline: every event after the state update (the run has no filter of its
 * own: a view filters for itself), then the end of the capture when the source was read to its end. A run cut
 * short by {@code -n} ends the view as stopped instead, as csysdig does.
 */
final class ViewFeed implements Sink {
    private final long limit;
    private ViewSink view;
    private EventContext last;
    private long delivered;

    /** @param limit the {@code -n} limit, or -1 */
    ViewFeed(long limit) {
        this.limit = limit;
    }

    /** The view the events go to (made after the pipeline, whose state it follows). */
    void target(ViewSink v) {
        this.view = v;
    }

    @Override
    public void init(Run run) {
        if (run.live()) {
            run.requestProcessCpu(); // thread.cpu, as csysdig asks sysdig's library for it
        }
    }

    @Override
    public void idle() {
        Instant now = Instant.now();
        view.tick(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }

    @Override
    public void start(Run run) {
        if (view instanceof io.jdig.view.BatchRun b && !run.live()) {
            b.progressFrom(run::readProgress);
        }
    }

    @Override
    public boolean onEvent(EventContext c) {
        last = c;
        delivered++;
        view.onEvent(c);
        return true;
    }

    @Override
    public void end(Run run, boolean complete) {
        if (complete && !stoppedByLimit()) {
            view.onEnd(last);
        }
    }

    boolean stoppedByLimit() {
        return limit >= 0 && delivered >= limit;
    }
}
