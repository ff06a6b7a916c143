package io.jdig.sinks;

import io.jdig.chisel.Chisel;
import io.jdig.chisel.ChiselException;
import io.jdig.chisel.ChiselLocator;
import io.jdig.chisel.ChiselRuntime;
import io.jdig.field.EventContext;
import io.jdig.field.RenderSettings;
import io.jdig.filter.EventPredicate;
import io.jdig.pipeline.PipelineException;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs Lua chisels over the event stream, as sysdig does for each capture: on_init (where a chisel may set a
 * filter or a snaplen), on_capture_start, the events that pass the filter (and the interval timers on the others),
 * on_capture_end. While chisels run, events are printed only by them. A chisel's error, or a chisel asking to exit,
 * ends the run.
 */
public final class ChiselSink implements Sink {
    /** A chisel to run: its name (or path) and its arguments as one word, or null. */
    public record Spec(String name, String args) {
    }

    private final Output out;
    private final ChiselBridge bridge;
    private final ChiselRuntime rt;
    private final RenderSettings render;

    /**
     * Loads the chisels and sets their arguments.
     *
     * @throws PipelineException for an unknown chisel, a missing argument, a Lua error while loading
     */
    public ChiselSink(List<Spec> chisels, ChiselLocator locator, RenderSettings render, boolean printContainerData,
                      boolean debug, String userFilter, Output out, PrintStream err) {
        this.out = out;
        // sysdig cuts buffers at 80 characters only when no chisel runs
        this.render = render.withMaxBufferLen(0);
        ChiselOut cout = new ChiselOut(out);
        this.bridge = new ChiselBridge(cout, err, this.render, printContainerData, debug, userFilter);
        this.rt = new ChiselRuntime(bridge, locator, cout);
        try {
            for (Spec spec : chisels) {
                Chisel c = rt.add(spec.name());
                if (spec.args() != null) {
                    c.setArgs(spec.args());
                } else if (c.info().requiredArgs() > 0) {
                    throw new ChiselException("missing arguments for chisel " + spec.name());
                }
            }
        } catch (ChiselException e) {
            rt.close();
            throw new PipelineException(e.getMessage());
        }
    }

    @Override
    public void init(Run run) {
        bridge.run = run;
        EventContext ctx = run.context();
        render.applyTo(ctx);
        ctx.live = run.live();
        bridge.attach(ctx);
        guarded(rt::init);
        String filter = bridge.chiselFilter();
        if (filter != null && !filter.isBlank()) {
            EventPredicate p = guarded(() -> ChiselBridge.compile(filter));
            run.addFilter(p);
        }
        if (bridge.snaplenRequested) {
            run.requestSnaplen(bridge.snaplen);
        }
    }

    @Override
    public void start(Run run) {
        bridge.sourceName = run.sourceName();
        guarded(rt::captureStart);
    }

    @Override
    public boolean onEvent(EventContext c) {
        bridge.lastTs = c.ev.ts();
        try {
            return rt.processEvent();
        } catch (ChiselException e) {
            throw new PipelineException(e.getMessage());
        } catch (ChiselRuntime.ExitRequestedException e) {
            throw new PipelineException(null, e.code());
        }
    }

    @Override
    public void onFilteredOut(EventContext c) {
        bridge.lastTs = c.ev.ts();
        guarded(rt::timeouts);
    }

    @Override
    public void idle() {
        out.flush();
    }

    @Override
    public void end(Run run, boolean complete) {
        out.resetColors();
        guarded(rt::captureEnd);
    }

    @Override
    public void close(Run run) {
        if (bridge.nextRunArgs != null) {
            run.requestNextRun(bridge.nextRunArgs);
        }
        rt.close();
        out.flush();
    }

    private static void guarded(Runnable r) {
        guarded(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T guarded(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (ChiselException e) {
            throw new PipelineException(e.getMessage());
        } catch (ChiselRuntime.ExitRequestedException e) {
            throw new PipelineException(null, e.code());
        }
    }
}
