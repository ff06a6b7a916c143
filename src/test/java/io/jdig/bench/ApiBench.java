package io.jdig.bench;

import io.jdig.consumer.EventStream;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The public API reading a whole trace: an {@link EventStream} with a filter and a callback that reads two fields
 * by name ({@code evt.rawarg.res} as a number, {@code proc.name} as a string). One operation is one pass over the
 * trace; the events read per pass are printed at setup, so events per second = score x events. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} divided by the events gives the bytes allocated per event.
 *
 * <pre>
 * bench/jmh.sh ApiBench -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ApiBench {
    /** A trace made by ../shared/tools/make-bench-trace.py (bench/lib.sh makes it: 5 million events). */
    @Param({"/tmp/jdig-bench-psp.scap"})
    public String trace;

    @Param({"evt.is_io=true"})
    public String filter;

    private long sink;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        if (!Files.isRegularFile(Path.of(trace))) {
            throw new IllegalStateException("no trace " + trace + ": run bench/reader.sh once to make it");
        }
        long[] n = {0};
        try (EventStream s = EventStream.openFile(Path.of(trace))) {
            s.setFilter(filter);
            s.onEvent(e -> n[0]++);
            s.start();
        }
        System.out.println("events passing the filter per pass: " + n[0]);
    }

    @Benchmark
    public long readTwoFields() throws Exception {
        try (EventStream s = EventStream.openFile(Path.of(trace))) {
            s.setFilter(filter);
            s.onEvent(e -> {
                sink += e.getLong("evt.rawarg.res", 0);
                sink += e.getString("proc.name").length();
            });
            s.start();
        }
        return sink;
    }
}
