package io.jdig.pipeline;

import io.jdig.event.meta.Metadata;
import io.jdig.field.EventContext;
import io.jdig.filter.EventPredicate;
import io.jdig.state.StateEngine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What a sink can see of the run it is part of, and what it can ask of it. */
public final class Run {
    private final EventContext context;
    private final PrintStream err;
    private final EventPredicate displayFilter;
    private final List<EventPredicate> sinkFilters = new ArrayList<>();
    private Source source;
    private Supplier<Metadata> metadata = Metadata::new;
    private int requestedSnaplen = -1;
    private boolean processCpu;
    private String nextRun;
    private boolean failed;
    private volatile boolean stopRequested;
    private volatile boolean draining;
    private java.util.function.DoubleSupplier readProgress = () -> 0;

    Run(EventContext context, PrintStream err, EventPredicate displayFilter) {
        this.context = context;
        this.err = err;
        this.displayFilter = displayFilter;
    }

    /** The context every field reads: the current event, the state, the rendering settings. */
    public EventContext context() {
        return context;
    }

    public StateEngine state() {
        return context.state;
    }

    /** Whether the events come from live capture rather than a trace. */
    public boolean live() {
        return source instanceof Source.Live;
    }

    /** The current source's name (a file name; empty when live). */
    public String sourceName() {
        return source == null ? "" : source.name();
    }

    /** Where sinks report problems, one line each. */
    public PrintStream err() {
        return err;
    }

    /**
     * The filter to apply when printing, in display-filter mode ({@code -d}: events reach the sinks unfiltered,
     * and a printer tests each line it has formatted), else null.
     */
    public EventPredicate displayFilter() {
        return displayFilter;
    }

    /** In {@link Sink#init}: the run admits only events that also pass this filter (a chisel's set_filter). */
    public void addFilter(EventPredicate filter) {
        sinkFilters.add(filter);
    }

    /** In {@link Sink#init} of live capture: the snaplen a sink asks for, unless the user gave one. */
    public void requestSnaplen(int snaplen) {
        requestedSnaplen = snaplen;
    }

    /**
     * In {@link Sink#init} of live capture: every second, the run adds a {@code procinfo} event for each thread that
     * has used CPU, with its user and system times (what {@code thread.cpu} reads), as sysdig's library does for
     * csysdig.
     */
    public void requestProcessCpu() {
        processCpu = true;
    }

    /** Asks for a second run, once this one is over, with this command line (split into words as a shell would). */
    public void requestNextRun(String commandLine) {
        nextRun = commandLine;
    }

    /** A sink failed and has said why: the run ends with status 1. */
    public void fail() {
        failed = true;
    }

    /** Ends the run after the current event (any thread may call this). */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Whether a live capture has been told to end (Ctrl-C, SIGTERM, -M) and is emptying its rings: what is left
     * there is to be kept, quickly, rather than spread over new rotated files.
     */
    public boolean draining() {
        return draining;
    }

    void startDraining() {
        draining = true;
    }

    /**
     * The metadata at the head of the capture (machine, interfaces, users, processes and their fds): for a trace
     * file, what its header held; live, the /proc snapshot first, then the state engine's tables at each call.
     */
    public Metadata metadata() {
        return metadata.get();
    }

    /**
     * How far through the current trace file reading has got after the current event, in percent of the file's
     * size, as sysdig's reader would be (for a gzip file, by the compressed bytes it has consumed): what chisels
     * get from {@code sysdig.get_read_progress()}. 0 when live or reading standard input.
     */
    public double readProgress() {
        return readProgress.getAsDouble();
    }

    // ---- the pipeline's side -----------------------------------------------------------------------------

    void beginSource(Source s, Supplier<Metadata> meta) {
        source = s;
        metadata = meta;
        readProgress = () -> 0;
        processCpu = false;
        sinkFilters.clear();
    }

    /** The current source's reading figure for {@link #readProgress()}. */
    void readProgressFrom(java.util.function.DoubleSupplier p) {
        readProgress = p;
    }

    List<EventPredicate> sinkFilters() {
        return sinkFilters;
    }

    boolean processCpuRequested() {
        return processCpu;
    }

    int requestedSnaplen() {
        return requestedSnaplen;
    }

    String nextRun() {
        return nextRun;
    }

    boolean failed() {
        return failed;
    }

    boolean stopRequested() {
        return stopRequested;
    }
}
