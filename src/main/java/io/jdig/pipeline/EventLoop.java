package io.jdig.pipeline;

import io.jdig.event.EventFlags;
import io.jdig.event.EventSource;
import io.jdig.event.EventTable;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.field.EventContext;
import io.jdig.filter.EventPredicate;
import io.jdig.state.StateEngine;

import java.io.IOException;

/**
 * The one loop over events: reads an event from a source, keeps the state current, applies the filter and hands
 * the event to every sink. Files and live capture, the command line and the API all run through it.
 */
final class EventLoop {
    static final int NEXT = 0;
    static final int ENDED = 1;
    static final int STOPPED = 2;
    /** An event reached the sinks. */
    static final int DELIVERED = 3;

    private final EventContext ctx;
    private final StateEngine state;
    private final Run run;
    private Sink[] sinks = new Sink[0];
    private EventPredicate filter;
    private long maxEvents = -1;
    private long maxDurationNs = -1;
    private long matched;
    private long firstTs;
    private boolean stopped;
    /** No state tracking: no filter, and no sink reads threads or fds (a plain live {@code -w}). */
    private boolean stateless;
    /** Container events before the first other event only describe containers: sysdig neither numbers nor shows them. */
    private boolean leading = true;

    EventLoop(EventContext ctx, Run run) {
        this.ctx = ctx;
        this.state = ctx.state;
        this.run = run;
    }

    void sinks(Sink[] s) {
        this.sinks = s;
    }

    /** The filter applied before the sinks (null: every event passes); {@code beforeParse}: sysdig's order. */
    void filter(EventPredicate f) {
        this.filter = f;
        state.filterBeforeParse(f != null);
    }

    void limit(long n) {
        this.maxEvents = n;
    }

    void duration(long ns) {
        this.maxDurationNs = ns;
    }

    void stateless(boolean on) {
        this.stateless = on;
    }

    long matched() {
        return matched;
    }

    boolean stopped() {
        return stopped;
    }

    /** A new trace file (or section) starts: numbering and relative times start again, as in sysdig. */
    void newSection() {
        leading = true;
        ctx.num = 0;
        ctx.firstTs = 0;
    }

    /** The section's first event gets number {@code before + 1} (events before it were not kept). */
    void numberAfter(long before) {
        ctx.num = before;
    }

    /** Runs until the source ends, a limit is reached or a sink stops; returns false if stopped early. */
    boolean run(EventSource src) throws IOException {
        // the loop only calls step: the work of an event is then a method the JIT compiles within the first few
        // thousand events, instead of a loop body the interpreter runs until its on-stack replacement arrives
        while (!stopped) {
            int r = step(src);
            if (r == ENDED) {
                return true;
            }
            if (r == STOPPED) {
                stopped = true;
                return false;
            }
        }
        return false;
    }

    /** Runs until the next event reaches the sinks: DELIVERED, ENDED or STOPPED. */
    int advance(EventSource src) throws IOException {
        while (!stopped) {
            int r = step(src);
            if (r == STOPPED) {
                stopped = true;
            }
            if (r != NEXT) {
                return r;
            }
        }
        return STOPPED;
    }

    /** Reads and handles one event. */
    private int step(EventSource src) throws IOException {
        EventView ev = ctx.ev;
        if (maxEvents >= 0 && matched >= maxEvents || run.stopRequested()) {
            return STOPPED;
        }
        if (!src.next()) {
            return ENDED;
        }
        if (!ev.wrap(src.buffer(), src.offset(), src.cpu(), src.flags())) {
            return NEXT;
        }
        int type = ev.type();
        if (type >= EventTable.MAX_029 && (ev.info().has(EventFlags.UNUSED) || META_ONLY[type])) {
            if (!ev.info().has(EventFlags.UNUSED) && !stateless) {
                state.process(ev);
            }
            return NEXT;
        }
        if (leading) {
            if (type == EventTypes.CONTAINER_E || type == EventTypes.CONTAINER_JSON_E
                    || type == EventTypes.CONTAINER_JSON_2_E) {
                ctx.num++; // numbered, but consumed while the file is opened: never shown
                if (!stateless) {
                    state.process(ev);
                }
                for (Sink s : sinks) {
                    if (!s.onLeadingEvent(ctx)) {
                        return STOPPED;
                    }
                }
                return NEXT;
            }
            leading = false;
        }
        ctx.num++;
        long ts = ev.ts();
        if (ctx.firstTs == 0) {
            ctx.firstTs = ts;
        }
        boolean doParse = !stateless && state.reset(ev);
        if (filter != null && !ev.info().has(EventFlags.MODIFIES_STATE)) {
            if (!filter.test(ctx)) {
                state.filteredOut(ev);
                filteredOut();
                return NEXT;
            }
            if (doParse) {
                state.parse(ev);
            }
        } else {
            if (doParse) {
                state.parse(ev);
            }
            if (filter != null && !filter.test(ctx)) {
                filteredOut();
                return NEXT;
            }
        }
        state.accepted();
        if ((src.flags() & STATE_ONLY) != 0) {
            return NEXT;
        }
        if (firstTs == 0) {
            firstTs = ts;
        } else if (maxDurationNs > 0 && ts - firstTs >= maxDurationNs) {
            return STOPPED;
        }
        matched++;
        for (Sink s : sinks) {
            if (!s.onEvent(ctx)) {
                return STOPPED;
            }
        }
        return DELIVERED;
    }

    /** SCAP_DF_STATE_ONLY: an event kept in a fatfile (-F) to keep the state right, never shown. */
    private static final int STATE_ONLY = 1;

    private void filteredOut() {
        for (Sink s : sinks) {
            s.onFilteredOut(ctx);
        }
    }

    private static final boolean[] META_ONLY = metaOnlyTypes();

    /** State events written by newer libraries that sysdig 0.29 never numbers or shows. */
    private static boolean[] metaOnlyTypes() {
        boolean[] m = new boolean[EventTable.size()];
        for (int t = EventTable.MAX_029; t < m.length; t++) {
            String name = EventTable.name(t);
            m[t] = t == EventTypes.USER_ADDED_E || t == EventTypes.USER_DELETED_E
                    || t == EventTypes.GROUP_ADDED_E || t == EventTypes.GROUP_DELETED_E
                    || name.startsWith("task_") || name.equals("asyncevent");
        }
        return m;
    }
}
