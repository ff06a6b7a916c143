package io.jdig.scap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdig.event.meta.FdRecord;
import io.jdig.event.meta.InterfaceRecord;
import io.jdig.event.meta.Metadata;
import io.jdig.event.meta.MetadataSink;
import io.jdig.event.meta.ThreadRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writer round trip over the shared traces, plus truncation and write failures (disk full). */
class ScapWriterTest {
    @TempDir
    Path tmp;

    record Ev(int cpu, int flags, byte[] bytes) {
        @Override
        public String toString() {
            return cpu + "/" + flags + "/" + HexFormat.of().formatHex(bytes);
        }
    }

    record Capture(Metadata meta, List<Ev> events) {
    }

    static Path shared() {
        return Path.of(System.getProperty("jdig.shared", "../shared"), "traces");
    }

    static Stream<Path> traces() throws IOException {
        try (Stream<Path> s = Files.list(shared())) {
            return s.filter(p -> p.toString().endsWith(".scap")).sorted().toList().stream();
        }
    }

    static Capture read(Path p) throws IOException {
        Metadata m = new Metadata();
        List<Ev> evs = new ArrayList<>();
        try (ScapReader r = ScapReader.open(p, m)) {
            r.readHeader();
            while (r.next()) {
                int len = io.jdig.event.EventView.i32(r.buffer(), r.offset() + 16);
                evs.add(new Ev(r.cpu(), r.flags(), Arrays.copyOfRange(r.buffer(), r.offset(), r.offset() + len)));
            }
        }
        return new Capture(m, evs);
    }

    static void write(Capture c, Path out, boolean gzip) throws IOException {
        try (ScapWriter w = ScapWriter.create(out, gzip)) {
            w.writeHeader(c.meta());
            for (Ev e : c.events()) {
                w.writeEvent(e.bytes(), 0, e.cpu(), e.flags());
            }
        }
    }

    /** A comparable rendering of the metadata (records hold arrays, whose equals is identity). */
    static String describe(Metadata m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.machine).append('\n');
        if (m.interfaces != null) {
            for (InterfaceRecord i : m.interfaces) {
                int type = i.isV6() ? InterfaceRecord.IPV6 : InterfaceRecord.IPV4; // written with link speed
                sb.append(type).append(i.name()).append(i.addr4()).append(i.netmask4()).append(i.bcast4())
                        .append(Arrays.toString(i.addr6())).append(Arrays.toString(i.netmask6()))
                        .append(Arrays.toString(i.bcast6())).append(i.linkSpeed()).append('\n');
            }
        }
        sb.append(m.users).append(m.groups).append('\n');
        for (ThreadRecord t : m.threads) {
            sb.append(t).append('\n');
            for (FdRecord f : m.fds.getOrDefault(t.tid(), List.of())) {
                sb.append("  ").append(f.fd()).append(' ').append(f.ino()).append(' ').append(f.type()).append(' ')
                        .append(f.openFlags()).append(' ').append(f.name()).append(' ').append(f.sip4()).append(' ')
                        .append(f.dip4()).append(Arrays.toString(f.sip6())).append(Arrays.toString(f.dip6()))
                        .append(f.sport()).append(' ').append(f.dport()).append(' ').append(f.l4proto()).append(' ')
                        .append(f.source()).append(' ').append(f.dest()).append(' ').append(f.dev()).append('\n');
            }
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("traces")
    void roundTripKeepsEventsAndMetadata(Path trace) throws IOException {
        Capture in = read(trace);
        for (boolean gzip : new boolean[]{false, true}) {
            Path out = tmp.resolve(trace.getFileName() + (gzip ? ".gz" : ""));
            write(in, out, gzip);
            Capture back = read(out);
            // only threads that had a fd list block come back with one; compare as the writer sees them
            assertThat(describe(back.meta())).isEqualTo(describe(in.meta()));
            assertThat(back.events()).hasSameSizeAs(in.events());
            for (int i = 0; i < in.events().size(); i++) {
                assertThat(back.events().get(i).toString()).as("event %d", i).isEqualTo(in.events().get(i).toString());
            }
            if (gzip) {
                byte[] b = Files.readAllBytes(out);
                assertThat(b[0] & 0xff).isEqualTo(0x1f);
                assertThat(b[1] & 0xff).isEqualTo(0x8b);
            }
        }
    }

    @Test
    void blocksAreLaidOutAsLibscapWritesThem() throws IOException {
        Capture in = read(shared().resolve("libs__single_ipv6_conn.scap"));
        Path out = tmp.resolve("x.scap");
        write(in, out, false);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        // SHB 1.2, 28 bytes
        assertThat(b.getInt(0)).isEqualTo(BlockTypes.SHB);
        assertThat(b.getInt(4)).isEqualTo(28);
        assertThat(b.getInt(8)).isEqualTo(BlockTypes.SHB_MAGIC);
        assertThat(b.getShort(12)).isEqualTo((short) 1);
        assertThat(b.getShort(14)).isEqualTo((short) 2);
        assertThat(b.getLong(16)).isEqualTo(-1L);
        assertThat(b.getInt(24)).isEqualTo(28);
        // then MI (192 bytes), IL_V2, UL_V2, PL_V9, FDL_V2 x threads, EV_V2...
        List<Integer> types = new ArrayList<>();
        int p = 0;
        while (p < b.limit()) {
            int type = b.getInt(p);
            int total = b.getInt(p + 4);
            assertThat(total % 4).isZero();
            assertThat(b.getInt(p + total - 4)).as("trailer at %d", p).isEqualTo(total);
            if (type == BlockTypes.MI) {
                assertThat(total).isEqualTo(192);
            }
            if (types.isEmpty() || types.getLast() != type) {
                types.add(type);
            }
            p += total;
        }
        assertThat(p).isEqualTo(b.limit());
        assertThat(types).containsExactly(BlockTypes.SHB, BlockTypes.MI, BlockTypes.IL_V2, BlockTypes.UL_V2,
                BlockTypes.PL_V9, BlockTypes.FDL_V2, BlockTypes.EV_V2);
        // the PL_V9 entries end with loginuid (u32) and exe_writable (u8), as 0.29 writes them
        int pl = 0;
        p = 0;
        while (b.getInt(p) != BlockTypes.PL_V9) {
            p += b.getInt(p + 4);
        }
        pl = p + 8;
        int entryLen = b.getInt(pl);
        ThreadRecord t = in.meta().threads.getFirst();
        int strings = 2 * 8 + t.comm().length() + t.exe().length() + t.exepath().length() + t.cwd().length()
                + t.root().length() + blobLen(t.args()) + blobLen(t.env()) + blobLen(t.cgroups());
        assertThat(entryLen).isEqualTo(4 + 40 + strings + 8 + 12 + 12 + 16 + 16 + 4 + 1);
    }

    private static int blobLen(List<String> l) {
        int n = 0;
        for (String s : l) {
            n += s.length() + 1;
        }
        return n;
    }

    @Test
    void truncatedFilesReadUpToTheCutAndThenFailCleanly() throws IOException {
        Capture in = read(shared().resolve("falco__connect_localhost.scap"));
        Path full = tmp.resolve("full.scap");
        write(in, full, false);
        byte[] all = Files.readAllBytes(full);
        java.util.Random rnd = new java.util.Random(42);
        for (int k = 0; k < 60; k++) {
            int cut = k < 10 ? all.length - 1 - k : 29 + rnd.nextInt(all.length - 30);
            Path part = tmp.resolve("cut.scap");
            Files.write(part, Arrays.copyOf(all, cut));
            Metadata m = new Metadata();
            int n = 0;
            try (ScapReader r = ScapReader.open(part, m)) {
                r.readHeader();
                while (r.next()) {
                    n++;
                }
            } catch (ScapFormatException e) {
                assertThat(e.getMessage()).containsAnyOf("truncated", "no events", "cut short");
            }
            assertThat(n).isLessThan(in.events().size());
        }
    }

    @Test
    void diskFullLeavesAValidPlainFile() throws IOException {
        diskFull(false);
    }

    @Test
    void diskFullLeavesAValidGzipFile() throws IOException {
        diskFull(true);
    }

    private void diskFull(boolean gzip) throws IOException {
        Capture in = read(shared().resolve("libs__sample.scap"));
        // enough events to need several buffer flushes
        List<Ev> many = new ArrayList<>();
        while (many.size() < 100_000) {
            many.addAll(in.events());
        }
        Path whole = tmp.resolve("whole" + (gzip ? ".gz" : ""));
        write(new Capture(in.meta(), many), whole, gzip);
        long size = Files.size(whole);
        for (double part : new double[]{0.4, 0.77, 0.999}) {
            long budget = (long) (size * part);
            Path out = tmp.resolve("full-" + budget + (gzip ? ".gz" : ""));
            FileChannel real = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            FullDisk ch = new FullDisk(real, budget);
            ScapWriter w = ScapWriter.create(ch, out.toString(), gzip);
            w.writeHeader(in.meta());
            int written = 0;
            IOException failure = null;
            try {
                for (Ev e : many) {
                    w.writeEvent(e.bytes(), 0, e.cpu(), e.flags());
                    written++;
                }
                w.close();
            } catch (ScapWriter.WriteFailedException e) {
                failure = e;
            }
            assertThat(failure).as("budget %d", budget).isNotNull();
            assertThat(failure.getMessage()).contains("No space left on device");
            assertThatThrownBy(() -> w.writeEvent(many.getFirst().bytes(), 0, 0, 0))
                    .isInstanceOf(ScapWriter.WriteFailedException.class);
            w.close();
            assertThat(Files.size(out)).isLessThanOrEqualTo(budget);
            // the file reads without error, and holds a prefix of the events
            Capture back = read(out);
            assertThat(back.events().size()).isGreaterThan(0).isLessThanOrEqualTo(written);
            for (int i = 0; i < back.events().size(); i++) {
                assertThat(back.events().get(i).toString()).isEqualTo(many.get(i).toString());
            }
        }
    }

    /** A file channel that fails like a full disk after {@code budget} bytes. */
    static final class FullDisk extends FileChannel {
        private final FileChannel d;
        private final long budget;

        FullDisk(FileChannel d, long budget) {
            this.d = d;
            this.budget = budget;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            long room = budget - d.position();
            if (room <= 0) {
                throw new IOException("No space left on device");
            }
            if (src.remaining() > room) {
                ByteBuffer part = src.slice(src.position(), (int) room);
                int n = d.write(part);
                src.position(src.position() + n);
                return n;
            }
            return d.write(src);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return d.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return d.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return d.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            d.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return d.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            d.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            d.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return d.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            d.close();
        }
    }

    @SuppressWarnings("unused")
    private static MetadataSink none() {
        return new MetadataSink() {
        };
    }
}
