package io.jdig.pipeline;

import io.jdig.event.EventSource;
import io.jdig.event.meta.Metadata;
import io.jdig.event.meta.MetadataSink;
import io.jdig.field.EventContext;
import io.jdig.filter.EventPredicate;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;
import io.jdig.scap.ScapFormatException;
import io.jdig.scap.ScapReader;
import io.jdig.state.PortNames;
import io.jdig.state.StateEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One run of jdig: sources (trace files read one after the other, as sysdig reads several {@code -r}; standard
 * input; live capture) feed one state engine and one filter, and every event that passes goes to all the sinks.
 * The run owns the limits ({@code -n}, {@code -M}), progress ({@code -P}), the end-of-capture statistics, the
 * messages for files that cannot be read, and the second run a chisel asks for.
 */
public final class Pipeline {
    private final List<Source> sources;
    private final Sink[] sinks;
    private final String filterText;
    private final EventPredicate filter;
    private final boolean displayFilter;
    private final long maxEvents;
    private final long maxDurationNs;
    private final boolean progress;
    private final boolean verbose;
    private final PrintStream err;
    private final String prefix;
    private final InputStream stdin;
    private final EventContext ctx;
    private final Run run;
    private final EventLoop loop;
    private final RawTap tap;
    private String lastError;
    /** Whether a file that cannot be read further ends there; and (then) why it could not, or null. */
    private final boolean cutShortEnds;
    private String cutShort;

    private Pipeline(Builder b) {
        this.sources = List.copyOf(b.sources);
        this.sinks = b.sinks.toArray(new Sink[0]);
        this.filterText = b.filterText;
        this.filter = b.filter;
        this.displayFilter = b.displayFilter;
        this.maxEvents = b.maxEvents;
        this.maxDurationNs = b.maxDurationNs;
        this.progress = b.progress;
        this.cutShortEnds = b.cutShortEnds;
        this.verbose = b.verbose;
        this.err = b.err;
        this.prefix = b.prefix;
        this.stdin = b.stdin;
        this.tap = b.tap;
        this.ctx = new EventContext(new StateEngine());
        ctx.state.portNames(b.portNames);
        this.run = new Run(ctx, err, displayFilter ? filter : null);
        this.loop = new EventLoop(ctx, run);
        loop.sinks(sinks);
        loop.limit(maxEvents);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The context the sinks see (its rendering settings may be set before the run starts). */
    public EventContext context() {
        return ctx;
    }

    /** Ends the run after the current event; callable from any thread. */
    public void stop() {
        run.stop();
    }

    /** Reads every source to its end (or to a limit, or until a sink stops the run) and closes the sinks. */
    public Outcome run() {
        int rc = 0;
        long started = System.nanoTime();
        try {
            for (Source s : sources) {
                rc = switch (s) {
                    case Source.Live live -> new LiveCapture(this, live).run();
                    case Source.TraceFile f -> readTrace(s);
                    case Source.Stdin in -> readTrace(s);
                    case Source.Recorded r -> readRecorded(r);
                };
                if (rc != 0 || loop.stopped() || run.stopRequested()) {
                    break;
                }
            }
        } catch (PipelineException e) {
            rc = report(e);
        } catch (UncheckedIOException e) {
            // standard output closed (jdig | head): nothing more to say
        } finally {
            rc = closeSinks(rc);
        }
        if (verbose && !(sources.size() == 1 && sources.get(0) instanceof Source.Live)) {
            double secs = (System.nanoTime() - started) / 1e9;
            err.printf(Locale.ROOT, "Driver Events:0%nDriver Drops:0%nSuppressed by Comm:0%n"
                    + "Elapsed time: %.3f, Captured Events: %d, %.2f eps%n", secs, loop.matched(),
                    secs > 0 ? loop.matched() / secs : 0.0);
        }
        if (run.failed() && rc == 0) {
            rc = 1;
        }
        List<String> next = run.nextRun() == null ? List.of() : CommandWords.split(run.nextRun());
        return new Outcome(rc, loop.matched(), next, lastError, cutShort);
    }

    private int report(PipelineException e) {
        if (e.getMessage() != null) {
            error(e.getMessage());
        }
        return e.exitCode();
    }

    /** One line on the error stream; the last one is also the outcome's error. */
    void error(String message) {
        lastError = message;
        err.println(prefix + message);
    }

    private int closeSinks(int rc) {
        for (Sink s : sinks) {
            try {
                s.close(run);
            } catch (PipelineException e) {
                int code = report(e);
                rc = rc == 0 ? code : rc;
            } catch (UncheckedIOException e) {
                // standard output closed
            } catch (IOException e) {
                error(describe(e));
                rc = rc == 0 ? 1 : rc;
            }
        }
        return rc;
    }

    /**
     * Reads trace sources an event at a time instead of to their end: each {@link Cursor#next()} runs the loop until
     * one event has reached the sinks. For the API's pull-style reading; live sources are not read this way.
     */
    public Cursor cursor() {
        return new Cursor();
    }

    /** A position in the run's trace sources; see {@link #cursor()}. */
    public final class Cursor implements AutoCloseable {
        private int index;
        private ScapReader reader;
        private boolean closed;

        private Cursor() {
        }

        /**
         * Delivers the next event that passes the filter to the sinks; false at the end of the last source or
         * when a limit or a sink stopped the run.
         *
         * @throws IOException a source cannot be read (missing, not a trace, damaged at some byte)
         */
        public boolean next() throws IOException {
            while (!closed) {
                if (reader == null) {
                    if (index >= sources.size()) {
                        return false;
                    }
                    open(sources.get(index++));
                }
                int r;
                try {
                    r = loop.advance(reader);
                } catch (ScapFormatException e) {
                    finishSource(false);
                    throw new IOException(problem(sources.get(index - 1), e), e);
                }
                if (r == EventLoop.DELIVERED) {
                    return true;
                }
                finishSource(true);
                if (r == EventLoop.STOPPED) {
                    index = sources.size();
                    return false;
                }
            }
            return false;
        }

        private void open(Source s) throws IOException {
            if (!(s instanceof Source.TraceFile)) {
                throw new IOException("only trace files can be read an event at a time");
            }
            try {
                reader = openTrace(s);
            } catch (IOException e) {
                throw new IOException(problem(s, e), e);
            }
        }

        private void finishSource(boolean complete) throws IOException {
            try {
                endSinks(complete);
            } finally {
                reader.close();
                reader = null;
            }
        }

        /** Closes the current source and the sinks. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (reader != null) {
                finishSource(false);
            }
            closeSinks(0);
        }
    }

    // ---- one source --------------------------------------------------------------------------------------

    /**
     * A source in memory: the sinks' init and the filter, the header's metadata into the state as a file's would
     * be read, the sinks' start, then the events.
     */
    private int readRecorded(Source.Recorded s) {
        Metadata header = s.header();
        beginSource(s, () -> header);
        header.replay(ctx.state);
        loop.newSection();
        loop.numberAfter(s.before());
        try (EventSource events = s.events().get()) {
            startSinks();
            readAll(events);
            return 0;
        } catch (UncheckedIOException e) {
            return 0;
        } catch (IOException e) {
            error(problem(s, e));
            return 1;
        }
    }

    private int readTrace(Source s) {
        try (ScapReader r = openTrace(s)) {
            if (tap != null) {
                tap.onOpen(r::compressedPosition, s instanceof Source.TraceFile(var path, var n) && Files.isRegularFile(path)
                        ? Files.size(path) : -1);
            }
            Progress shown = progress && s instanceof Source.TraceFile(var path, var n) ? new Progress(path, err) : null;
            readAll(shown != null ? shown.wrap(r) : r, cutShortEnds ? s : null);
            if (shown != null) {
                shown.done();
            }
            return 0;
        } catch (UncheckedIOException e) {
            return 0; // standard output closed
        } catch (IOException e) {
            error(problem(s, e));
            return 1;
        }
    }

    /**
     * Opens a trace source (a file, or standard input) for the run: the sinks' init and the filter for it, the
     * header read into the state (and kept for sinks that ask for the metadata), then the sinks' start.
     */
    private ScapReader openTrace(Source s) throws IOException {
        if (s instanceof Source.TraceFile(var path, var n) && Files.isDirectory(path)) {
            throw new SourceProblem("is a directory, not a trace file");
        }
        Metadata collected = needsMetadata() ? new Metadata() : null;
        MetadataSink state = collected == null ? ctx.state : Metadata.tee(ctx.state, collected);
        beginSource(s, collected == null ? Metadata::new : () -> collected);
        ScapReader r;
        try {
            r = s instanceof Source.TraceFile(var path, var n) ? ScapReader.open(path, state)
                    : ScapReader.open(stdin, "-", state);
        } catch (NoSuchFileException e) {
            throw new SourceProblem("no such file");
        }
        try {
            r.readHeader();
            run.readProgressFrom(r::readProgress);
            loop.newSection();
            startSinks();
            return r;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** A source that cannot be read, in the words the user is told. */
    private static final class SourceProblem extends IOException {
        SourceProblem(String message) {
            super(message);
        }
    }

    /** The one-line message for a source that could not be read: its name, what is wrong, and where. */
    private static String problem(Source s, IOException e) {
        return switch (e) {
            case ScapFormatException f -> s.name() + ": " + f.getMessage() + " (at byte " + f.offset() + ")";
            case SourceProblem p -> s.name() + ": " + p.getMessage();
            default -> s.name() + ": " + describe(e);
        };
    }

    /** Runs the loop over an open source, then tells the sinks it is over. */
    void readAll(EventSource src) throws IOException {
        readAll(src, null);
    }

    /**
     * The same; with {@code file} (see {@link Builder#cutShortEnds}) a file that cannot be read further (cut short,
     * or damaged past some point) ends there, as csysdig takes it: the sinks end as at the end of the file, and why
     * it could not be read on is kept for the outcome.
     */
    private void readAll(EventSource src, Source file) throws IOException {
        boolean complete = false;
        try {
            loop.run(tap == null ? src : new Tapped(src, tap));
            complete = true;
        } catch (IOException e) {
            if (file == null) {
                throw e;
            }
            cutShort = problem(file, e);
            complete = true;
        } finally {
            endSinks(complete);
        }
    }

    /**
     * Sees every event a source delivers, as its reader gives it and before the loop looks at it: container and
     * state-only events included, in the source's order. For a copy of the raw stream (an exploration's store).
     */
    public interface RawTap {
        /** An event in sysdig's layout at {@code buf[off..]}, with the CPU and block flags it was recorded with. */
        void onEvent(byte[] buf, int off, int cpu, int flags);

        /** A trace file was opened: how many of its bytes have been read so far, and its size (-1: unknown). */
        default void onOpen(java.util.function.LongSupplier bytesRead, long size) {
        }
    }

    private static final class Tapped extends WrappedSource {
        private final RawTap tap;

        Tapped(EventSource inner, RawTap tap) {
            super(inner);
            this.tap = tap;
        }

        @Override
        public boolean next() throws IOException {
            if (!inner.next()) {
                return false;
            }
            tap.onEvent(inner.buffer(), inner.offset(), inner.cpu(), inner.flags());
            return true;
        }
    }

    /** A new source: the sinks' init, then the filter (the user's and the sinks') for it. */
    void beginSource(Source s, java.util.function.Supplier<Metadata> meta) {
        run.beginSource(s, meta);
        for (Sink k : sinks) {
            k.init(run);
        }
        EventPredicate f = displayFilter ? null : filter;
        for (EventPredicate extra : run.sinkFilters()) {
            f = f == null ? extra : and(f, extra);
        }
        loop.filter(f);
    }

    void startSinks() throws IOException {
        for (Sink k : sinks) {
            k.start(run);
        }
    }

    private void endSinks(boolean complete) throws IOException {
        for (Sink k : sinks) {
            k.end(run, complete);
        }
    }

    private static EventPredicate and(EventPredicate a, EventPredicate b) {
        return c -> a.test(c) && b.test(c);
    }

    boolean needsMetadata() {
        for (Sink k : sinks) {
            if (k.needsMetadata()) {
                return true;
            }
        }
        return false;
    }

    boolean needsState() {
        for (Sink k : sinks) {
            if (k.needsState()) {
                return true;
            }
        }
        return filter != null;
    }

    void idle() throws IOException {
        for (Sink k : sinks) {
            k.idle();
        }
    }

    /** A file problem in a few words, for a one-line message. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    // ---- what LiveCapture reads ----------------------------------------------------------------------------

    Run runState() {
        return run;
    }

    EventLoop loop() {
        return loop;
    }

    PrintStream err() {
        return err;
    }

    String prefix() {
        return prefix;
    }

    boolean verbose() {
        return verbose;
    }

    long maxDurationNs() {
        return maxDurationNs;
    }

    /** The event types the filter can admit (for the kernel side), or null for any. */
    Set<String> interestingTypes() {
        return displayFilter ? null : InterestingTypes.of(filterText);
    }

    /** The settings of a run. */
    public static final class Builder {
        private final List<Source> sources = new ArrayList<>();
        private final List<Sink> sinks = new ArrayList<>();
        private String filterText = "";
        private EventPredicate filter;
        private boolean displayFilter;
        private long maxEvents = -1;
        private long maxDurationNs = -1;
        private boolean progress;
        private boolean verbose;
        private PrintStream err = System.err;
        private String prefix = "jdig: ";
        private InputStream stdin = System.in;
        private PortNames portNames = PortNames.NUMBERS;
        private RawTap tap;
        private boolean cutShortEnds;

        private Builder() {
        }

        public Builder source(Source s) {
            sources.add(s);
            return this;
        }

        /** Adds a sink; sinks see each event in the order they were added. */
        public Builder sink(Sink s) {
            sinks.add(s);
            return this;
        }

        /** The filter, in sysdig's language, compiled here once; blank for none. */
        public Builder filter(String text) throws FilterException {
            filterText = text == null ? "" : text;
            filter = filterText.isBlank() ? null : FilterCompiler.compile(filterText);
            return this;
        }

        /** {@code -d}: the filter decides what is printed, after the state update; sinks see every event. */
        public Builder displayFilter(boolean on) {
            displayFilter = on;
            return this;
        }

        /** {@code -n}: stop after this many events have passed the filter. */
        public Builder maxEvents(long n) {
            maxEvents = n;
            return this;
        }

        /** {@code -M}: stop once events span this many nanoseconds (live: once that much time has passed). */
        public Builder maxDuration(long ns) {
            maxDurationNs = ns;
            return this;
        }

        /** {@code -P}: progress through each trace file on the error stream. */
        public Builder progress(boolean on) {
            progress = on;
            return this;
        }

        /** {@code -v}: statistics of the capture on the error stream at the end. */
        public Builder verbose(boolean on) {
            verbose = on;
            return this;
        }

        /** Where problems are reported, each line starting with {@code prefix}. */
        public Builder errors(PrintStream stream, String linePrefix) {
            err = stream;
            prefix = linePrefix;
            return this;
        }

        /** {@code -R}: ports by their service names in fd names, addresses and port fields. */
        public Builder portNames(PortNames names) {
            portNames = names;
            return this;
        }

        /** Every event the sources deliver is also shown to {@code t}, as read (see {@link RawTap}). */
        public Builder tap(RawTap t) {
            tap = t;
            return this;
        }

        /**
         * A trace file that cannot be read to its end ends where it can no longer be read, as csysdig reads one:
         * the sinks end normally and {@link Outcome#cutShort} says why (csysdig shows such a file as "truncated").
         */
        public Builder cutShortEnds(boolean on) {
            cutShortEnds = on;
            return this;
        }

        public Builder stdin(InputStream in) {
            stdin = in;
            return this;
        }

        public Pipeline build() {
            Pipeline p = new Pipeline(this);
            if (maxDurationNs > 0) {
                p.loop.duration(maxDurationNs);
            }
            return p;
        }
    }
}
