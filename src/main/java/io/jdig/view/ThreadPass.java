package io.jdig.view;

import io.jdig.event.EventView;
import io.jdig.field.EventContext;
import io.jdig.state.StateEngine;
import io.jdig.state.ThreadInfo;

import java.util.function.Consumer;

/**
 * csysdig's pass over the thread table at each sample: every thread is shown to the view as a made-up event of
 * its own (a "scapevent" one nanosecond before the second the sample falls in), so that processes that did
 * nothing still get a row.
 */
public final class ThreadPass {
    /** sysdig's PPME_SCAPEVENT_X ("sysdigevent"). */
    private static final int SCAPEVENT_X = 197;
    private final StateEngine state;
    private final ThreadOrder order;
    private final EventContext probe;
    private final byte[] event = new byte[EventView.HEADER_LEN];

    public ThreadPass(StateEngine state, ThreadOrder order) {
        this.state = state;
        this.order = order;
        this.probe = new EventContext(state);
        put(event, 16, EventView.HEADER_LEN, 4);
        put(event, 20, SCAPEVENT_X, 2);
    }

    /** Runs {@code action} once per thread, in the thread table's order, with the made-up event current. */
    public void run(long sampleTs, Consumer<EventContext> action) {
        long second = sampleTs - Long.remainderUnsigned(sampleTs, 1_000_000_000L);
        put(event, 0, second - 1, 8);
        var saved = state.swapCurrent(null, null);
        try {
            order.forEach(tid -> {
                ThreadInfo t = state.lookup(tid);
                if (t == null) {
                    return;
                }
                put(event, 8, tid, 8);
                probe.ev.wrap(event, 0, 0, 0);
                state.swapCurrent(t, null);
                action.accept(probe);
            });
        } finally {
            state.swapCurrent(saved.thread(), saved.fd());
        }
    }

    private static void put(byte[] b, int o, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[o + i] = (byte) (v >>> (8 * i));
        }
    }
}
