package io.jdig.explore;

import io.jdig.event.EventSource;
import io.jdig.event.EventView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The raw events of a capture, held once outside the Java heap, in the order they were read, so that they can be
 * replayed through the pipeline without reading the capture again.
 *
 * <p>Events are kept in chunks of {@value #CHUNK_MB} MiB; each record is the CPU (u16) and the block flags (u16)
 * the event was recorded with, then the event in sysdig's layout (its length is in its header). A chunk is a region
 * of a private temporary file (mode 0600, unlinked as soon as it is open, so nothing is left behind) mapped into
 * memory: the kernel's page cache holds what fits and writes the rest back to the disk, so the process's own memory
 * stays small whatever the size of the capture. The Java heap keeps only a sparse index: every
 * {@value #INDEX_EVERY}th event's time, chunk and offset.
 *
 * <p>As a ring ({@link #ring}) the store keeps at most a number of chunks and recycles the oldest: the last
 * seconds of a live capture. Appending is for one thread; any thread may read. A reader that finds its chunk
 * recycled under it stops there.
 */
final class EventStore implements AutoCloseable {
    static final int CHUNK_MB = 32;
    static final int INDEX_EVERY = 1024;
    private static final int CHUNK = CHUNK_MB << 20;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;

    /** One region of event records. */
    static final class Chunk {
        final MemorySegment seg;
        final long slot;
        /** Raised each time the chunk is recycled, so that readers holding it notice. */
        volatile int generation;
        volatile int used;
        /** Number of the chunk's first event in the whole stream (0-based), and how many it holds. */
        volatile long firstEvent;
        volatile int events;
        volatile long firstTs;
        volatile long lastTs;
        /** The state engine's tables just before the chunk's first event (a ring's), or null. */
        volatile RingHead head;

        Chunk(MemorySegment seg, long slot) {
            this.seg = seg;
            this.slot = slot;
        }
    }

    private final Arena arena = Arena.ofShared();
    private final FileChannel file;
    private final int maxChunks;
    private final int chunkSize;
    /** Live: the tables as they are when a chunk starts (the event appended next is its first). */
    private java.util.function.Supplier<RingHead> heads;
    private final List<Chunk> chunks = new ArrayList<>();
    private long nextSlot;
    private long events;
    private long bytes;
    // the sparse index: every INDEX_EVERY-th event
    private long[] idxTs = new long[256];
    private long[] idxEvent = new long[256];
    private Chunk[] idxChunk = new Chunk[256];
    private int[] idxOffset = new int[256];
    private int idxCount;
    private int idxFirst;

    private EventStore(FileChannel file, int maxChunks, int chunkSize) {
        this.file = file;
        this.maxChunks = maxChunks;
        this.chunkSize = chunkSize;
    }

    /** A store for a whole capture, backed by a private temporary file in {@code dir} (null: the system's). */
    static EventStore unbounded(Path dir) throws IOException {
        return new EventStore(privateTempFile(dir), Integer.MAX_VALUE, CHUNK);
    }

    /** A ring of at most {@code maxBytes} (at least two chunks) that drops its oldest events as it fills. */
    static EventStore ring(Path dir, long maxBytes) throws IOException {
        return ring(dir, maxBytes, CHUNK);
    }

    /** The same with chunks of {@code chunkBytes} (tests make small rings that drop events soon). */
    static EventStore ring(Path dir, long maxBytes, int chunkBytes) throws IOException {
        int n = (int) Math.max(2, Math.min(Integer.MAX_VALUE, (maxBytes + chunkBytes - 1) / chunkBytes));
        return new EventStore(privateTempFile(dir), n, chunkBytes);
    }

    /**
     * Asks {@code tables} for the state engine's tables each time a chunk starts, before its first event is
     * appended (the tap shows an event before the engine takes it in): a replay of the ring starts from those of
     * its oldest chunk, as a reader of a trace file starts from the tables at its head, so the events of a ring
     * whose beginning was dropped are seen with the processes and fds they had.
     */
    synchronized void recordHeads(java.util.function.Supplier<RingHead> tables) {
        this.heads = tables;
    }

    /** The tables a replay from {@code p} (a chunk's start) begins with, or null when none were recorded. */
    synchronized RingHead headAt(Position p) {
        return p == null || p.chunk().generation != p.generation() ? null : p.chunk().head;
    }

    private static FileChannel privateTempFile(Path dir) throws IOException {
        Path d = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        Path f = Files.createTempFile(d, "jdig-explore-", ".events",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            return FileChannel.open(f, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
        } finally {
            Files.deleteIfExists(f); // the open channel keeps the file until close
        }
    }

    /**
     * Events appended but not yet written to the file: appending copies into this buffer, and whole buffers go to
     * the file with one write each (through the page cache, without faulting the mapping's pages in one by one).
     * Readers see events once they are written ({@link #publish}).
     */
    private final byte[] stage = new byte[1 << 20];
    private int stageLen;

    /** Appends one event (the layout's length is read from its header). */
    synchronized void append(byte[] buf, int off, int cpu, int flags) {
        int len = EventView.i32(buf, off + 16);
        int rec = 4 + len;
        Chunk c = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (c == null || c.used + stageLen + rec > c.seg.byteSize()) {
            publish();
            c = newChunk(rec);
        }
        int at = c.used + stageLen;
        if (stageLen + rec > stage.length) {
            publish();
        }
        if (rec > stage.length) {
            byte[] big = new byte[rec];
            big[0] = (byte) cpu;
            big[1] = (byte) (cpu >>> 8);
            big[2] = (byte) flags;
            big[3] = (byte) (flags >>> 8);
            System.arraycopy(buf, off, big, 4, len);
            write(c, big, rec);
        } else {
            stage[stageLen] = (byte) cpu;
            stage[stageLen + 1] = (byte) (cpu >>> 8);
            stage[stageLen + 2] = (byte) flags;
            stage[stageLen + 3] = (byte) (flags >>> 8);
            System.arraycopy(buf, off, stage, stageLen + 4, len);
            stageLen += rec;
        }
        long ts = EventView.i64(buf, off);
        if (c.events == 0) {
            c.firstTs = ts;
            c.firstEvent = events;
        }
        c.lastTs = ts;
        if (events % INDEX_EVERY == 0) {
            index(ts, c, at);
        }
        c.events++;
        events++;
        bytes += rec;
    }

    /** Writes the events appended so far to the file, where readers see them. */
    synchronized void publish() {
        if (stageLen == 0 || chunks.isEmpty()) {
            return;
        }
        write(chunks.get(chunks.size() - 1), stage, stageLen);
        stageLen = 0;
    }

    private void write(Chunk c, byte[] b, int n) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b, 0, n);
        long at = c.slot + c.used;
        try {
            while (bb.hasRemaining()) {
                at += file.write(bb, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold the capture's events: " + e.getMessage(), e);
        }
        c.used += n;
    }

    private void index(long ts, Chunk c, int at) {
        int n = idxCount - idxFirst;
        if (idxCount == idxTs.length) {
            // compact what the ring dropped, then grow
            int cap = n * 2 + 16;
            idxTs = java.util.Arrays.copyOfRange(idxTs, idxFirst, idxFirst + cap);
            idxEvent = java.util.Arrays.copyOfRange(idxEvent, idxFirst, idxFirst + cap);
            idxChunk = java.util.Arrays.copyOfRange(idxChunk, idxFirst, idxFirst + cap);
            idxOffset = java.util.Arrays.copyOfRange(idxOffset, idxFirst, idxFirst + cap);
            idxCount = n;
            idxFirst = 0;
        }
        idxTs[idxCount] = ts;
        idxEvent[idxCount] = events;
        idxChunk[idxCount] = c;
        idxOffset[idxCount] = at;
        idxCount++;
    }

    private Chunk newChunk(int atLeast) {
        if (chunks.size() >= maxChunks) {
            Chunk old = chunks.remove(0);
            bytes -= old.used;
            while (idxFirst < idxCount && idxChunk[idxFirst] == old) {
                idxChunk[idxFirst++] = null;
            }
            old.head = null;
            if (old.seg.byteSize() >= atLeast) {
                old.generation++;
                old.used = 0;
                old.events = 0;
                old.head = heads == null ? null : heads.get();
                chunks.add(old);
                return old;
            }
        }
        long size = Math.max(chunkSize, atLeast);
        try {
            long slot = nextSlot;
            nextSlot += size;
            MemorySegment seg = file.map(FileChannel.MapMode.READ_WRITE, slot, size, arena);
            Chunk c = new Chunk(seg, slot);
            c.head = heads == null ? null : heads.get();
            chunks.add(c);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold the capture's events: " + e.getMessage(), e);
        }
    }

    /** Events appended so far (including those a ring has dropped). */
    synchronized long events() {
        return events;
    }

    /** Bytes of event records held now. */
    synchronized long bytes() {
        return bytes;
    }

    /** Number of the oldest event still held. */
    synchronized long firstHeld() {
        return chunks.isEmpty() ? events : chunks.get(0).firstEvent;
    }

    /** Time of the oldest event held, or 0. */
    synchronized long firstTs() {
        return chunks.isEmpty() ? 0 : chunks.get(0).firstTs;
    }

    /** Time of the newest event held, or 0. */
    synchronized long lastTs() {
        return chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).lastTs;
    }

    /** A position to read from: a chunk, an offset in it, the chunk's generation then. */
    record Position(Chunk chunk, int offset, int generation) {
    }

    /** Where the events held start. */
    synchronized Position start() {
        publish();
        if (chunks.isEmpty()) {
            return null;
        }
        Chunk c = chunks.get(0);
        return new Position(c, 0, c.generation);
    }

    /**
     * A position at or before the first held event whose time is {@code ts} or later (events are read forward from
     * it; those before {@code ts} are few: at most the index's spacing).
     */
    synchronized Position seek(long ts) {
        publish();
        int lo = idxFirst;
        int hi = idxCount - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(idxTs[mid], ts) < 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return start();
        }
        Chunk c = idxChunk[found];
        return new Position(c, idxOffset[found], c.generation);
    }

    /** The chunks after {@code c}, oldest first, as they are now. */
    private synchronized Chunk after(Chunk c) {
        int i = chunks.indexOf(c);
        return i < 0 || i + 1 >= chunks.size() ? null : chunks.get(i + 1);
    }

    /**
     * A stream over the events from {@code from} to the end held when it was made (events appended later are not
     * read). Copies records a window at a time into a buffer of its own, as a file reader would.
     */
    EventSource reader(Position from) {
        Chunk last;
        int lastUsed;
        synchronized (this) {
            publish();
            last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            lastUsed = last == null ? 0 : last.used;
        }
        return new Reader(from, last, lastUsed);
    }

    EventSource reader() {
        return reader(start());
    }

    private final class Reader implements EventSource {
        private static final int WINDOW = 1 << 20;
        private Chunk chunk;
        private int generation;
        private int pos;
        private final Chunk lastChunk;
        private final int lastUsed;
        private byte[] buf = new byte[WINDOW];
        private int bufPos;
        private int bufLimit;
        private int evOff;
        private int cpu;
        private int flags;

        Reader(Position from, Chunk lastChunk, int lastUsed) {
            this.chunk = from == null ? null : from.chunk();
            this.pos = from == null ? 0 : from.offset();
            this.generation = from == null ? 0 : from.generation();
            this.lastChunk = lastChunk;
            this.lastUsed = lastUsed;
        }

        @Override
        public boolean next() {
            if (bufLimit - bufPos < 4 + EventView.HEADER_LEN
                    || bufLimit - bufPos < 4 + EventView.i32(buf, bufPos + 4 + 16)) {
                if (!refill()) {
                    return false;
                }
            }
            cpu = EventView.u16(buf, bufPos) & 0xffff;
            flags = EventView.u16(buf, bufPos + 2) & 0xffff;
            evOff = bufPos + 4;
            bufPos = evOff + EventView.i32(buf, evOff + 16);
            return true;
        }

        /** Moves the records not yet handed out to the front and copies whole records after them. */
        private boolean refill() {
            int keep = bufLimit - bufPos;
            System.arraycopy(buf, bufPos, buf, 0, keep);
            bufPos = 0;
            bufLimit = keep;
            while (chunk != null) {
                if (chunk.generation != generation) {
                    chunk = null; // recycled by the ring under us
                    break;
                }
                int end = chunk == lastChunk ? lastUsed : chunk.used;
                if (pos >= end) {
                    if (chunk == lastChunk) {
                        chunk = null;
                        break;
                    }
                    chunk = after(chunk);
                    pos = 0;
                    generation = chunk == null ? 0 : chunk.generation;
                    continue;
                }
                // whole records from pos that fit in the space left
                int room = buf.length - bufLimit;
                int p = pos;
                while (p < end) {
                    int len = 4 + chunk.seg.get(I32, p + 4 + 16);
                    if (p - pos + len > room) {
                        break;
                    }
                    p += len;
                }
                if (p == pos) {
                    if (bufLimit > 0) {
                        break; // deliver what is there first
                    }
                    int len = 4 + chunk.seg.get(I32, p + 4 + 16);
                    buf = java.util.Arrays.copyOf(buf, Math.max(len, buf.length * 2));
                    continue;
                }
                MemorySegment.copy(chunk.seg, ValueLayout.JAVA_BYTE, pos, buf, bufLimit, p - pos);
                if (chunk.generation != generation) {
                    chunk = null;
                    bufLimit = 0;
                    break;
                }
                bufLimit += p - pos;
                pos = p;
                break;
            }
            return bufLimit - bufPos >= 4 + EventView.HEADER_LEN;
        }

        @Override
        public byte[] buffer() {
            return buf;
        }

        @Override
        public int offset() {
            return evOff;
        }

        @Override
        public int cpu() {
            return cpu;
        }

        @Override
        public int flags() {
            return flags;
        }

        @Override
        public void close() {
        }
    }

    /** Reads the time of the event at a position (for tests and seeks). */
    static long tsAt(Chunk c, int offset) {
        return c.seg.get(I64, offset + 4);
    }

    @Override
    public void close() {
        synchronized (this) {
            chunks.clear();
            idxChunk = new Chunk[0];
            idxCount = idxFirst = 0;
        }
        arena.close();
        try {
            file.close();
        } catch (IOException e) {
            // the file is unlinked already: nothing to clean up
        }
    }
}
