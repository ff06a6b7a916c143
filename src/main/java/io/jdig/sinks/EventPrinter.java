package io.jdig.sinks;

import io.jdig.event.ByteBuf;
import io.jdig.event.Category;
import io.jdig.field.EventContext;
import io.jdig.field.RenderSettings;
import io.jdig.filter.EventPredicate;
import io.jdig.format.EventFormatter;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;

/**
 * Prints each event as one line of the buffered output: {@link #text} for sysdig's default line and {@code -p}
 * formats, {@link #json} for {@code -j}. Internal events (procinfo...) only with {@code -D}.
 */
public abstract sealed class EventPrinter implements Sink {
    protected final EventFormatter formatter;
    private final RenderSettings render;
    private final boolean internalEvents;
    private final boolean resetColors;
    private final Output out;
    private EventPredicate displayFilter;
    private EventContext ctx;

    private EventPrinter(EventFormatter formatter, RenderSettings render, boolean internalEvents,
                         boolean resetColors, Output out) {
        this.formatter = formatter;
        this.render = render;
        this.internalEvents = internalEvents;
        this.resetColors = resetColors;
        this.out = out;
    }

    /**
     * Text lines.
     *
     * @param resetColors whether to end each capture with sysdig's color reset on a terminal (its default and
     *                    container formats do; a user's {@code -p} format does not)
     */
    public static EventPrinter text(EventFormatter formatter, RenderSettings render, boolean internalEvents,
                                    boolean resetColors, Output out) {
        return new Text(formatter, render, internalEvents, resetColors, out);
    }

    /** One JSON object a line. */
    public static EventPrinter json(EventFormatter formatter, RenderSettings render, boolean internalEvents,
                                    boolean resetColors, Output out) {
        return new Json(formatter, render, internalEvents, resetColors, out);
    }

    /** Appends the event's rendering to {@code b}; false when the format leaves the event out. */
    protected abstract boolean append(EventContext c, ByteBuf b);

    @Override
    public void init(Run run) {
        ctx = run.context();
        render.applyTo(ctx);
        displayFilter = run.displayFilter();
    }

    @Override
    public boolean onEvent(EventContext c) {
        if (!internalEvents && c.ev.info().category() == Category.INTERNAL) {
            return true;
        }
        ByteBuf b = out.buf;
        int start = b.length();
        if (append(c, b)) {
            if (displayFilter != null && !displayFilter.test(c)) {
                b.setLength(start);
                return true;
            }
            b.append((byte) '\n');
            c.prevPrintedTs = c.ev.ts();
            out.lineDone();
        }
        return true;
    }

    @Override
    public void idle() {
        out.flush();
    }

    @Override
    public void end(Run run, boolean complete) {
        if (complete && resetColors) {
            out.resetColors();
        }
        out.flush();
    }

    @Override
    public void close(Run run) {
        out.flush();
    }

    private static final class Text extends EventPrinter {
        Text(EventFormatter f, RenderSettings r, boolean internal, boolean reset, Output out) {
            super(f, r, internal, reset, out);
        }

        @Override
        protected boolean append(EventContext c, ByteBuf b) {
            return formatter.appendText(c, b);
        }
    }

    private static final class Json extends EventPrinter {
        Json(EventFormatter f, RenderSettings r, boolean internal, boolean reset, Output out) {
            super(f, r, internal, reset, out);
        }

        @Override
        protected boolean append(EventContext c, ByteBuf b) {
            return formatter.appendJson(c, b);
        }
    }
}
