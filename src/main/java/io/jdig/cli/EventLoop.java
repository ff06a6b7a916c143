package io.jdig.cli;

import io.jdig.event.ByteBuf;
import io.jdig.event.Category;
import io.jdig.event.EventFlags;
import io.jdig.event.EventSource;
import io.jdig.event.EventView;
import io.jdig.field.EventContext;
import io.jdig.filter.EventPredicate;
import io.jdig.format.EventFormatter;
import io.jdig.state.StateEngine;

import java.io.IOException;

/**
 * Reads events from a source, keeps the state current, applies the filter and hands each event to the
 * printer, the chisels or the writer: the loop shared by trace files and live capture.
 */
public final class EventLoop {
    /** Something that wants every event that passes the filter. */
    public interface Consumer {
        /** Returns false to stop the capture. */
        boolean onEvent(EventContext c) throws IOException;

        /** An event the filter dropped (chisels still run their interval timers on it). */
        default void onFilteredOut(EventContext c) {
        }
    }

    private final EventContext ctx;
    private final StateEngine state;
    private EventPredicate filter;
    private boolean displayFilter;
    private EventFormatter formatter;
    private boolean json;
    private boolean quiet;
    private boolean debug;
    private Output out;
    private long maxEvents = -1;
    private long maxDurationNs = -1;
    private Consumer consumer;
    private Consumer tap;
    private Summary summary;
    private long matched;
    private long firstTs;
    private boolean stopped;
    /** No state tracking: nothing downstream asks about threads or fds (plain {@code -w} without a filter). */
    private boolean stateless;
    /** Container events before the first other event only describe containers: sysdig neither numbers nor shows them. */
    private boolean leading = true;

    /** A new trace file (or section) starts: its leading container events are metadata again. */
    public void newSection() {
        leading = true;
        // each file read is a new capture for sysdig: numbering and relative times start again
        ctx.num = 0;
        ctx.firstTs = 0;
    }

    public EventLoop(StateEngine state) {
        this.state = state;
        this.ctx = new EventContext(state);
    }

    public EventContext context() {
        return ctx;
    }

    public EventLoop filter(EventPredicate f, boolean display) {
        this.filter = f;
        this.displayFilter = display;
        state.filterBeforeParse(f != null && !display);
        return this;
    }

    public EventLoop printer(EventFormatter f, boolean asJson, Output o) {
        this.formatter = f;
        this.json = asJson;
        this.out = o;
        return this;
    }

    public EventLoop quiet(boolean q) {
        this.quiet = q;
        return this;
    }

    public EventLoop debug(boolean d) {
        this.debug = d;
        return this;
    }

    public EventLoop limit(long n) {
        this.maxEvents = n;
        return this;
    }

    public EventLoop duration(long ns) {
        this.maxDurationNs = ns;
        return this;
    }

    public EventLoop consumer(Consumer c) {
        this.consumer = c;
        return this;
    }

    /**
     * Sees every event that passes the filter before it is printed or handed to the consumer (the trace writer
     * behind {@code -w}), and the container events that lead a file; returning false stops the loop. It is also
     * told of the events the filter dropped.
     */
    public EventLoop tap(Consumer t) {
        this.tap = t;
        return this;
    }

    /**
     * Skips the state engine: for a loop that only copies events (the live {@code -w} without a filter, printing
     * or summary), where nothing reads the thread and fd tables. Events are handed on unchanged.
     */
    public EventLoop stateless(boolean on) {
        this.stateless = on;
        return this;
    }

    public EventLoop summary(Summary s) {
        this.summary = s;
        return this;
    }

    public long matched() {
        return matched;
    }

    public boolean stopped() {
        return stopped;
    }

    public void stop() {
        stopped = true;
    }

    /** Runs until the source ends, the limit is reached or a consumer stops; returns false if stopped early. */
    public boolean run(EventSource src) throws IOException {
        // the loop only calls step: the work of an event is then a method the JIT compiles within the first few
        // thousand events, instead of a loop body the interpreter runs until its on-stack replacement arrives
        while (!stopped) {
            int r = step(src);
            if (r != NEXT) {
                if (r == STOPPED) {
                    stopped = true;
                }
                return r == ENDED;
            }
        }
        return false;
    }

    private static final int NEXT = 0;
    private static final int ENDED = 1;
    private static final int STOPPED = 2;

    /** Reads and handles one event: NEXT, ENDED (the source has no more) or STOPPED (the limit, or a consumer). */
    private int step(EventSource src) throws IOException {
        EventView ev = ctx.ev;
        if (maxEvents >= 0 && matched >= maxEvents) {
            return STOPPED;
        }
        if (!src.next()) {
            return ENDED;
        }
        if (!ev.wrap(src.buffer(), src.offset(), src.cpu(), src.flags())) {
            return NEXT;
        }
        if (ev.info().has(EventFlags.UNUSED) && ev.type() >= io.jdig.event.EventTable.MAX_029) {
            return NEXT;
        }
        if (isMetaOnly(ev)) {
            if (!stateless) {
                state.process(ev);
            }
            return NEXT;
        }
        int type = ev.type();
        if (leading) {
            if (type == io.jdig.event.EventTypes.CONTAINER_E || type == io.jdig.event.EventTypes.CONTAINER_JSON_E
                    || type == io.jdig.event.EventTypes.CONTAINER_JSON_2_E) {
                ctx.num++; // numbered, but consumed while the file is opened: never shown
                if (!stateless) {
                    state.process(ev);
                }
                if (tap != null && !tap.onEvent(ctx)) {
                    return STOPPED;
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
        if (filter != null && !displayFilter && !ev.info().has(EventFlags.MODIFIES_STATE)) {
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
            if (filter != null && !displayFilter && !filter.test(ctx)) {
                filteredOut();
                return NEXT;
            }
        }
        state.accepted();
        if ((src.flags() & 1) != 0) {
            return NEXT; // state-only event (fatfile mode)
        }
        if (firstTs == 0) {
            firstTs = ts;
        } else if (maxDurationNs > 0 && ts - firstTs >= maxDurationNs) {
            return STOPPED;
        }
        matched++;
        if (tap != null && !tap.onEvent(ctx)) {
            return STOPPED;
        }
        if (consumer != null) {
            if (!consumer.onEvent(ctx)) {
                return STOPPED;
            }
            return NEXT;
        }
        if (summary != null) {
            summary.count(ev);
        }
        if (quiet) {
            return NEXT;
        }
        if (!debug && ev.info().category() == Category.INTERNAL) {
            return NEXT;
        }
        print();
        return NEXT;
    }

    private void filteredOut() {
        if (tap != null) {
            tap.onFilteredOut(ctx);
        }
        if (consumer != null) {
            consumer.onFilteredOut(ctx);
        }
    }

    private void print() {
        ByteBuf b = out.buf;
        int start = b.length();
        boolean ok = json ? formatter.appendJson(ctx, b) : formatter.appendText(ctx, b);
        if (ok) {
            if (displayFilter && filter != null && !filter.test(ctx)) {
                b.setLength(start);
                return;
            }
            b.append((byte) '\n');
            ctx.prevPrintedTs = ctx.ev.ts();
            out.lineDone();
        }
    }

    private static final boolean[] META_ONLY = metaOnlyTypes();

    /** State events written by newer libraries that sysdig 0.29 never numbers or shows. */
    private static boolean[] metaOnlyTypes() {
        boolean[] m = new boolean[io.jdig.event.EventTable.size()];
        for (int t = io.jdig.event.EventTable.MAX_029; t < m.length; t++) {
            String name = io.jdig.event.EventTable.name(t);
            m[t] = t == io.jdig.event.EventTypes.USER_ADDED_E || t == io.jdig.event.EventTypes.USER_DELETED_E
                    || t == io.jdig.event.EventTypes.GROUP_ADDED_E || t == io.jdig.event.EventTypes.GROUP_DELETED_E
                    || name.startsWith("task_") || name.equals("asyncevent");
        }
        return m;
    }

    private static boolean isMetaOnly(EventView ev) {
        return META_ONLY[ev.type()];
    }
}
