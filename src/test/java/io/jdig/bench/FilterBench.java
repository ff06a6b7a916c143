package io.jdig.bench;

import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.Source;
import io.jdig.field.EventContext;
import io.jdig.filter.EventPredicate;
import io.jdig.filter.FilterCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiled filter evaluation over the events of a real trace: the state is built by reading the trace once,
 * then every invocation evaluates the filter on each event (wrapped in place, as the event loop does).
 * The score is in events per second; run with {@code -prof gc} to see that evaluation allocates nothing
 * ({@code gc.alloc.rate.norm} near 0 B/op).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:DEPS org.openjdk.jmh.Main FilterBench -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FilterBench {
    @Param({"proc.name=curl",
            "(evt.type in (open, openat, read, write) or fd.l4proto=udp) and not fd.name startswith /usr"
                    + " and proc.aname=bash and evt.buflen < 1000",
            "fd.name pmatch (/etc, /usr/lib) or evt.buffer contains HTTP or fd.ip=127.0.0.1"})
    public String filter;

    @Param({"../shared/traces/libs__curl_google.scap"})
    public String trace;

    private EventContext ctx;
    private EventPredicate predicate;
    private byte[][] events;
    private int[] cpus;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        List<byte[]> evs = new ArrayList<>();
        List<Integer> cs = new ArrayList<>();
        Pipeline p = Pipeline.builder().source(new Source.TraceFile(Path.of(trace))).sink(c -> {
            evs.add(Arrays.copyOfRange(c.ev.buffer(), c.ev.offset(), c.ev.offset() + c.ev.length()));
            cs.add(c.ev.cpu());
            return true;
        }).build();
        p.run();
        ctx = p.context();
        events = evs.toArray(byte[][]::new);
        cpus = cs.stream().mapToInt(Integer::intValue).toArray();
        predicate = FilterCompiler.compile(filter);
    }

    /** One pass over all events; divide the score by the event count for events/s (printed at setup). */
    @Benchmark
    public int evaluateAll() {
        int matched = 0;
        EventContext c = ctx;
        for (int i = 0; i < events.length; i++) {
            if (c.ev.wrap(events[i], 0, cpus[i], 0) && predicate.test(c)) {
                matched++;
            }
        }
        return matched;
    }

    public int eventCount() {
        return events.length;
    }
}
