package io.jdig.scap;

import io.jdig.event.EventView;
import io.jdig.event.meta.MetadataSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A trace larger than the read-ahead's chunks, read in place from the chunks, gives exactly the events (and, cut
 * short, exactly the error) that reading it as one stream gives: events cut by a chunk boundary, and blocks larger
 * than the space in front of a chunk, included.
 */
class ReadAheadTest {
    private static final MetadataSink NONE = new MetadataSink() {
    };

    /** About 6 MB of writes, small and large (a large one is longer than the space kept in front of a chunk). */
    private static byte[] bigTrace() {
        Random rnd = new Random(42);
        TraceBytes t = new TraceBytes().shb().process(100, 100, 1, "writer", "/bin/writer", "/tmp/");
        long ts = 1_000_000_000L;
        for (int i = 0; t.size() < 6 << 20; i++) {
            boolean large = i % 23 == 0;
            int n = large ? 60_000 + rnd.nextInt(5_536) : rnd.nextInt(3_000);
            byte[] data = new byte[n];
            rnd.nextBytes(data);
            t.event(ts++, 100, 8, TraceBytes.i64(3), TraceBytes.u32(n));
            if (large) {
                // two buffers: a block of well over 64 KB, often cut by a chunk boundary far into it
                t.event(ts++, 100, 9, TraceBytes.i64(n), data, Arrays.copyOf(data, 60_000));
            } else {
                t.event(ts++, 100, 9, TraceBytes.i64(n), data);
            }
        }
        return t.bytes();
    }

    private static List<byte[]> events(ScapReader r) throws IOException {
        List<byte[]> out = new ArrayList<>();
        r.readHeader();
        while (r.next()) {
            int len = EventView.i32(r.buffer(), r.offset() + 16);
            byte[] e = Arrays.copyOfRange(r.buffer(), r.offset(), r.offset() + len);
            out.add(e);
        }
        return out;
    }

    @Test
    void chunksGiveTheEventsOfTheStream(@TempDir Path dir) throws IOException {
        byte[] trace = bigTrace();
        Path f = dir.resolve("big.scap");
        Files.write(f, trace);
        List<byte[]> whole;
        try (ScapReader r = new ScapReader(new ByteArrayInputStream(trace), "stream", NONE)) {
            whole = events(r);
        }
        List<byte[]> chunked;
        try (ScapReader r = ScapReader.open(f, NONE)) {
            chunked = events(r);
            assertThat(r.position()).isEqualTo(trace.length);
        }
        assertThat(whole).hasSizeGreaterThan(1000);
        assertThat(chunked).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(chunked.get(i)).as("event %d", i).isEqualTo(whole.get(i));
        }
    }

    @Test
    void aCutTraceEndsWithTheSameErrorAfterTheSameEvents(@TempDir Path dir) throws IOException {
        byte[] trace = bigTrace();
        Random rnd = new Random(7);
        for (int k = 0; k < 5; k++) {
            byte[] cut = Arrays.copyOf(trace, (2 << 20) + rnd.nextInt(3 << 20));
            Path f = dir.resolve("cut" + k + ".scap");
            Files.write(f, cut);
            List<byte[]> streamEvents = new ArrayList<>();
            String streamError = readUntilError(new ScapReader(new ByteArrayInputStream(cut), f.toString(), NONE),
                    streamEvents);
            List<byte[]> chunkEvents = new ArrayList<>();
            String chunkError = readUntilError(ScapReader.open(f, NONE), chunkEvents);
            assertThat(chunkError).startsWith("truncated file").isEqualTo(streamError);
            assertThat(chunkEvents).hasSameSizeAs(streamEvents);
        }
    }

    private static String readUntilError(ScapReader r, List<byte[]> out) throws IOException {
        try (r) {
            r.readHeader();
            while (r.next()) {
                out.add(null);
            }
        } catch (ScapFormatException e) {
            return e.getMessage() + " at " + e.offset();
        }
        return "no error";
    }

    @Test
    void aSmallTraceIsReadWithoutReadingAhead(@TempDir Path dir) throws IOException {
        TraceBytes t = new TraceBytes().shb().process(100, 100, 1, "w", "/bin/w", "/");
        t.event(1, 100, 8, TraceBytes.i64(3), TraceBytes.u32(1));
        Path f = dir.resolve("small.scap");
        Files.write(f, t.bytes());
        try (ScapReader r = ScapReader.open(f, NONE)) {
            assertThat(events(r)).hasSize(1);
        }
        assertThatThrownBy(() -> {
            try (ScapReader r = ScapReader.open(dir.resolve("missing.scap"), NONE)) {
                r.readHeader();
            }
        }).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
