package io.jdig.consumer;

import io.jdig.chisel.ChiselLocator;
import io.jdig.event.Category;
import io.jdig.event.EventTable;
import io.jdig.field.EventContext;
import io.jdig.field.RenderSettings;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;
import io.jdig.pipeline.Outcome;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.PipelineException;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.pipeline.Source;
import io.jdig.scap.CycleWriter;
import io.jdig.sinks.ChiselSink;
import io.jdig.sinks.Output;
import io.jdig.sinks.TraceWriterSink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A stream of system events from trace files or from live capture, delivered to callbacks as they are read, with
 * the state of processes, threads and file descriptors kept current: the programmatic form of {@code jdig -r}.
 *
 * <pre>{@code
 * try (EventStream s = EventStream.openFile(Path.of("trace.scap"))) {
 *     s.setFilter("fd.type=ipv4 and evt.is_io=true");
 *     s.onEvent(e -> System.out.println(e.getString("proc.name") + " " + e.getLong("evt.rawres", 0)));
 *     s.start();
 * }
 * }</pre>
 *
 * <p>Settings are made before {@link #start()}, which reads on the calling thread until the sources end, a limit
 * is reached or {@link #stop()} is called. A stream is started once. Callbacks run on the reading thread.
 */
public final class EventStream implements AutoCloseable {
    private final List<Source> sources;
    private final List<Consumer<SystemEvent>> handlers = new ArrayList<>();
    private final List<TypedHandler> typedHandlers = new ArrayList<>();
    private final List<ChiselSink.Spec> chisels = new ArrayList<>();
    private final List<String> checkedFields = new ArrayList<>();
    private String filter = "";
    private boolean reuse = true;
    private boolean internalEvents;
    private long maxEvents = -1;
    private Duration maxDuration;
    private OutputStream chiselOut;
    private Path writeTo;
    private volatile Pipeline running;
    private volatile boolean stopBeforeStart;
    private boolean started;
    private Tables tables;

    private record TypedHandler(String type, Consumer<SystemEvent> action) {
    }

    private EventStream(List<Source> sources) {
        this.sources = sources;
    }

    /** A stream over trace files (plain or gzip), read one after the other as {@code jdig -r a -r b} does. */
    public static EventStream openFile(Path... files) {
        if (files.length == 0) {
            throw new IllegalArgumentException("no trace file given");
        }
        List<Source> s = new ArrayList<>();
        for (Path f : files) {
            s.add(new Source.TraceFile(Objects.requireNonNull(f)));
        }
        return new EventStream(s);
    }

    /**
     * A stream of the live system's events, captured with the eBPF driver (root and a kernel with BTF needed),
     * until {@link #stop()}, a limit, or {@link #setMaxDuration(Duration)}.
     */
    public static EventStream openLive() {
        return new EventStream(List.of(new Source.Live(-1, true)));
    }

    /**
     * Only events that pass this filter, in sysdig's filter language, reach the callbacks (and the chisels and the
     * trace written); blank for all.
     *
     * @throws InvalidFilterException with the position of the mistake
     */
    public void setFilter(String filter) {
        checkNotStarted();
        String f = filter == null ? "" : filter;
        if (!f.isBlank()) {
            try {
                FilterCompiler.compile(f);
            } catch (FilterException e) {
                throw new InvalidFilterException(e.getMessage(), f, e.position());
            }
        }
        this.filter = f;
    }

    /**
     * Whether callbacks get the same {@link SystemEvent} object for every event (the default; reading allocates
     * nothing) or a new one each time. Either way its fields are read from the event being delivered, so keep
     * values, not events.
     */
    public void setReuse(boolean reuse) {
        checkNotStarted();
        this.reuse = reuse;
    }

    /**
     * Whether internal events (the periodic process lists sysdig's driver writes, {@code procinfo}) reach the
     * callbacks too; off by default, as sysdig prints them only with {@code -D}.
     */
    public void setInternalEvents(boolean on) {
        checkNotStarted();
        this.internalEvents = on;
    }

    /** Stop after this many events have passed the filter. */
    public void setMaxEvents(long n) {
        checkNotStarted();
        this.maxEvents = n;
    }

    /** Stop once events span this long (live: once this much time has passed). */
    public void setMaxDuration(Duration d) {
        checkNotStarted();
        this.maxDuration = d;
    }

    /** Calls {@code action} for every event that passes the filter. */
    public void onEvent(Consumer<SystemEvent> action) {
        checkNotStarted();
        handlers.add(Objects.requireNonNull(action));
    }

    /** Calls {@code action} for the events of one type ({@code evt.type}: {@code open}, {@code read}...), both directions. */
    public void onEvent(String eventType, Consumer<SystemEvent> action) {
        checkNotStarted();
        boolean known = false;
        for (int t = 0; t < EventTable.size() && !known; t++) {
            known = eventType.equals(EventTable.name(t));
        }
        if (!known) {
            throw new IllegalArgumentException("unknown event type " + eventType);
        }
        typedHandlers.add(new TypedHandler(eventType, Objects.requireNonNull(action)));
    }

    /**
     * Checks now that the named fields exist, so that a misspelt name fails before any event is read.
     *
     * @throws IllegalArgumentException naming the first unknown field
     */
    public void requireFields(String... names) {
        FieldReader probe = new FieldReader();
        for (String n : names) {
            probe.check(n);
            checkedFields.add(n);
        }
    }

    /**
     * Runs a chisel (jdig's own, or a Lua file found along the chisel path) over the events that pass the filter;
     * what it prints goes to {@code out}. Several chisels share that stream.
     *
     * @param args its arguments as one word, as after {@code -c NAME} on the command line, or null
     */
    public void addChisel(String name, String args, OutputStream out) {
        checkNotStarted();
        chisels.add(new ChiselSink.Spec(name, args));
        chiselOut = Objects.requireNonNull(out);
    }

    /** Writes the events that pass the filter to a trace file that jdig, sysdig and Wireshark read. */
    public void writeTo(Path file) {
        checkNotStarted();
        this.writeTo = file;
    }

    /**
     * The threads the state knows: valid from the first callback on, and after {@link #start()} returns (the state
     * as of the last event read).
     */
    public ThreadTable threads() {
        if (tables == null) {
            throw new IllegalStateException("the stream has not started");
        }
        return new ThreadTable(tables);
    }

    /**
     * Reads the sources on this thread, calling the callbacks, until they end, a limit is reached or
     * {@link #stop()} is called.
     *
     * @throws IOException a trace file is missing, not a trace, or damaged (the message says where); live capture
     *                     cannot start; a chisel failed
     */
    public void start() throws IOException {
        checkNotStarted();
        started = true;
        Pipeline.Builder b = Pipeline.builder().errors(new PrintStream(OutputStream.nullOutputStream()), "");
        sources.forEach(b::source);
        b.filter(filter);
        if (maxEvents >= 0) {
            b.maxEvents(maxEvents);
        }
        if (maxDuration != null) {
            b.maxDuration(maxDuration.toNanos());
        }
        boolean live = sources.get(0) instanceof Source.Live;
        if (writeTo != null) {
            b.sink(new TraceWriterSink(new CycleWriter.Config(writeTo.toString(), 0, 0, 0, 0, false, live), false));
        }
        Output chiselOutput = null;
        if (!chisels.isEmpty()) {
            chiselOutput = new Output(chiselOut, false);
            try {
                b.sink(new ChiselSink(chisels, ChiselLocator.standard(List.of(), null), RenderSettings.DEFAULT,
                        false, false, filter, chiselOutput, new PrintStream(OutputStream.nullOutputStream())));
            } catch (PipelineException e) {
                throw new IOException(e.getMessage());
            }
        }
        b.sink(new Dispatch());
        Pipeline p = b.build();
        tables = new Tables(p.context().state);
        running = p;
        if (stopBeforeStart) {
            return;
        }
        Outcome o = p.run();
        if (o.exitCode() != 0) {
            throw new IOException(o.error() == null ? "reading stopped with status " + o.exitCode() : o.error());
        }
    }

    /** Ends a running stream after the current event; callable from a callback or another thread. */
    public void stop() {
        Pipeline p = running;
        if (p != null) {
            p.stop();
        } else {
            stopBeforeStart = true;
        }
    }

    /** Stops the stream; nothing is delivered after this returns on the reading thread. */
    @Override
    public void close() {
        stop();
    }

    private void checkNotStarted() {
        if (started) {
            throw new IllegalStateException("the stream has already started");
        }
    }

    /** The sink that hands events to the callbacks. */
    private final class Dispatch implements Sink {
        private Consumer<SystemEvent>[] all;
        private Consumer<SystemEvent>[][] byType;
        private FieldReader fields;
        private SystemEvent event;
        private EventContext ctx;

        @Override
        @SuppressWarnings("unchecked")
        public void init(Run run) {
            if (ctx != null) {
                return;
            }
            ctx = run.context();
            fields = new FieldReader();
            checkedFields.forEach(fields::check);
            event = new SystemEvent(ctx, fields, tables);
            all = handlers.toArray(new Consumer[0]);
            byType = new Consumer[EventTable.size()][];
            for (int t = 0; t < byType.length; t++) {
                List<Consumer<SystemEvent>> list = new ArrayList<>();
                for (TypedHandler h : typedHandlers) {
                    if (h.type().equals(EventTable.name(t))) {
                        list.add(h.action());
                    }
                }
                byType[t] = list.isEmpty() ? null : list.toArray(new Consumer[0]);
            }
        }

        @Override
        public boolean onEvent(EventContext c) {
            if (!internalEvents && c.ev.info().category() == Category.INTERNAL) {
                return true;
            }
            SystemEvent e = reuse ? event : new SystemEvent(ctx, fields, tables);
            for (Consumer<SystemEvent> h : all) {
                h.accept(e);
            }
            int t = c.ev.type();
            Consumer<SystemEvent>[] typed = t < byType.length ? byType[t] : null;
            if (typed != null) {
                for (Consumer<SystemEvent> h : typed) {
                    h.accept(e);
                }
            }
            return true;
        }
    }
}
