package io.jdig.capture;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * Reads one BPF ring buffer map straight from its memory mapping (kernel/bpf/ringbuf.c layout): the consumer
 * page (read-write, {@code consumer_pos} at offset 0) at file offset 0, then the producer page
 * ({@code producer_pos}) followed by the data area mapped twice, so a record never wraps. A record is an
 * 8-byte header (u32 length with BUSY bit 31 and DISCARD bit 30, u32 page offset) and the payload, padded to
 * 8 bytes. The consumer position is published lazily (when the ring runs dry or after 256 KiB), never per
 * event. Not thread-safe: one consumer thread.
 */
final class RingReader {
    private static final int BUSY = 1 << 31, DISCARD = 1 << 30, HDR = 8;
    private static final long PUBLISH_EVERY = 256 << 10;
    private static final VarHandle LONG = JAVA_LONG.varHandle();
    private static final VarHandle INT = JAVA_INT.varHandle();

    private final MemorySegment cons;
    private final MemorySegment prod;
    private final MemorySegment data;
    private final long mask;
    private final long mapLen;
    private final boolean mapped;
    private long consPos;
    private long prodPos;
    private long published;

    /** Offset in {@link #data} of the current head record's payload, or -1. */
    long headOff = -1;
    int headLen;
    long headTs;

    RingReader(MemorySegment cons, MemorySegment prod, long page, long size, boolean mapped) {
        this.cons = cons;
        this.prod = prod;
        this.data = prod.asSlice(page, 2 * size);
        this.mask = size - 1;
        this.mapLen = page + 2 * size;
        this.mapped = mapped;
        this.consPos = (long) LONG.getAcquire(cons, 0L);
        this.prodPos = consPos;
        this.published = consPos;
    }

    static RingReader map(int fd, long size, MemorySegment errnoState) throws CaptureException {
        long page = 4096;
        try {
            MemorySegment c = (MemorySegment) Libbpf.H.mmap.invokeExact(errnoState, MemorySegment.NULL, page,
                    Libbpf.PROT_READ | Libbpf.PROT_WRITE, Libbpf.MAP_SHARED, fd, 0L);
            if (c.address() == -1L) {
                throw new CaptureException("cannot map a ring buffer's consumer page: "
                        + Libbpf.strerror(Libbpf.errno(errnoState)));
            }
            long plen = page + 2 * size;
            MemorySegment p = (MemorySegment) Libbpf.H.mmap.invokeExact(errnoState, MemorySegment.NULL, plen,
                    Libbpf.PROT_READ, Libbpf.MAP_SHARED, fd, page);
            if (p.address() == -1L) {
                throw new CaptureException("cannot map a ring buffer's data: " + Libbpf.strerror(Libbpf.errno(errnoState)));
            }
            return new RingReader(c.reinterpret(page), p.reinterpret(plen), page, size, true);
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("mmap of a ring buffer failed: " + t, t);
        }
    }

    /** Makes the next committed record the head; false when the ring holds none right now. */
    boolean peek() {
        if (headOff >= 0) {
            return true;
        }
        while (true) {
            if (consPos >= prodPos) {
                prodPos = (long) LONG.getAcquire(prod, 0L);
                if (consPos >= prodPos) {
                    publish();
                    return false;
                }
            }
            long off = consPos & mask;
            int hdr = (int) INT.getAcquire(data, off);
            if ((hdr & BUSY) != 0) {
                return false; // reserved, not yet committed
            }
            int len = hdr & ~(BUSY | DISCARD);
            if ((hdr & DISCARD) != 0 || len < 26) {
                consPos += (len + HDR + 7) & ~7L;
                continue;
            }
            headOff = off + HDR;
            headLen = len;
            headTs = data.get(JAVA_LONG_UNALIGNED, headOff);
            return true;
        }
    }

    /** Copies the head record into dst at 0 and consumes it; returns its length. */
    int take(byte[] dst) {
        int len = Math.min(headLen, dst.length);
        MemorySegment.copy(data, JAVA_BYTE, headOff, dst, 0, len);
        consPos += (headLen + HDR + 7) & ~7L;
        headOff = -1;
        if (consPos - published >= PUBLISH_EVERY) {
            publish();
        }
        return len;
    }

    void publish() {
        if (published != consPos) {
            LONG.setRelease(cons, 0L, consPos);
            published = consPos;
        }
    }

    /** Bytes written by the kernel and not yet consumed. */
    long pending() {
        return (long) LONG.getAcquire(prod, 0L) - consPos;
    }

    void unmap() {
        if (!mapped) {
            return;
        }
        try {
            int a = (int) Libbpf.H.munmap.invokeExact(cons, 4096L);
            int b = (int) Libbpf.H.munmap.invokeExact(prod, mapLen);
        } catch (Throwable t) {
            // best effort
        }
    }

    /** A synthetic in-memory ring holding {@code count} events of {@code evLen} bytes (for warm-up). */
    static RingReader synthetic(Arena arena, long size, int count, int evLen, long tsBase, long tsStep) {
        long page = 4096;
        MemorySegment c = arena.allocate(page, page);
        MemorySegment p = arena.allocate(page + 2 * size, page);
        MemorySegment d = p.asSlice(page);
        long pos = 0;
        int rec = (evLen + HDR + 7) & ~7;
        for (int i = 0; i < count && pos + rec <= size; i++) {
            d.set(JAVA_INT, pos, evLen);
            MemorySegment ev = d.asSlice(pos + HDR, evLen);
            ev.set(JAVA_LONG_UNALIGNED, 0, tsBase + i * tsStep);
            ev.set(JAVA_LONG_UNALIGNED, 8, 1);
            ev.set(ValueLayoutsHolder.INT_U, 16, evLen);
            ev.set(ValueLayoutsHolder.SHORT_U, 20, (short) 1);
            pos += rec;
        }
        p.set(JAVA_LONG, 0, pos);
        return new RingReader(c, p, page, size, false);
    }

    private static final class ValueLayoutsHolder {
        static final java.lang.foreign.ValueLayout.OfInt INT_U = java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
        static final java.lang.foreign.ValueLayout.OfShort SHORT_U = java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
    }
}
