package io.jdig.scap;

import io.jdig.event.EventView;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * How far through a trace file sysdig's reader would be at a given event: the figure chisels get from
 * {@code sysdig.get_read_progress()}, that is the reader's offset in the file (for a gzip file the compressed bytes
 * zlib has consumed, not counting input it holds unused) times 100 over the file size.
 *
 * <p>libscap reads a file through zlib's gzip reader (transparently for a plain file): an input buffer of 8 KiB, an
 * output buffer of 16 KiB that small reads are served from, and reads of 16 KiB or more (beyond what the output
 * buffer still holds) go straight to the caller. Each event is a read of its 8-byte block header and one of the
 * rest of its block; after a section's metadata the reader seeks back to its first event block, which for gzip
 * means starting again from the start of the file and skipping up to there. What zlib has consumed therefore
 * depends on exactly these steps, so this class repeats them (inflating the file a second time with the same
 * input chunks and output sizes; {@link Inflater} is zlib itself), lazily: only when a figure is asked for, up to
 * the event being handled. Nothing here runs while a trace is read without being asked.
 */
final class ReadProgress {
    /** zlib's default buffer size: the input buffer; the output buffer is twice that. */
    private static final int SIZE = 8192;

    private enum How { LOOK, COPY, GZIP }

    private final Path file;
    private final long fileSize;
    private FileChannel ch;
    private ByteBuffer inView;
    private ByteBuffer outView;

    // ---- the gzip reader's state
    private final byte[] in = new byte[SIZE];
    private int inNext;
    private int availIn;
    private long fdPos;
    private boolean eof;
    private final byte[] out = new byte[SIZE << 1];
    private int outNext;
    private int have;
    private How how = How.LOOK;
    private boolean direct = true;
    private final Inflater inflater = new Inflater(true);
    private final GzipHeader header = new GzipHeader();
    private boolean dataDone;
    private int trailerGot;
    private byte[] scratch = new byte[0];

    /** For a plain file: the output buffer stands for the file's bytes from {@link #outFilePos} (not copied). */
    private boolean outInFile;
    private long outFilePos;
    /** Bytes of the file read ahead for {@link #readAt}: from {@link #cacheStart}, {@link #cacheLen} of them. */
    private final byte[] cache = new byte[256 << 10];
    private ByteBuffer cacheView;
    private long cacheStart;
    private int cacheLen;

    // ---- the trace's side
    /** Uncompressed offset the reader has got to (the end of the last block read). */
    private long upos;
    private boolean opened;
    private int restartIndex;
    private boolean endRead;
    private final byte[] blockHeader = new byte[8];

    ReadProgress(Path file, long fileSize) {
        this.file = file;
        this.fileSize = fileSize;
    }

    /**
     * The figure once the reader has read every block up to {@code target} (the end of the current event's block),
     * and, when {@code ended}, tried to read past the end.
     *
     * @param restarts where each section's events start (uncompressed offsets), in order; {@code n} of them
     */
    double at(long target, boolean ended, long[] restarts, int n) throws IOException {
        if (fileSize <= 0) {
            return 0;
        }
        if (!opened) {
            if (n == 0) {
                return 0;
            }
            ch = FileChannel.open(file, StandardOpenOption.READ);
            inView = ByteBuffer.wrap(in);
            outView = ByteBuffer.wrap(out);
            opened = true;
            fetch(); // zlib finds out whether the file is gzip or plain
            restart(restarts[0]);
            restartIndex = 1;
        }
        while (upos < target) {
            if (how == How.COPY && upos + 8 <= fileSize) {
                // a plain file: the block's header is the file's bytes at upos, read ahead; the reads that zlib
                // would do are followed by arithmetic alone
                int at = cached(upos, 8);
                int type = EventView.i32(cache, at);
                int total = EventView.i32(cache, at + 4);
                if (BlockTypes.isEvent(type) && total >= 8) {
                    read(null, 8);
                    read(null, total - 8);
                    upos += total;
                    continue;
                }
            }
            if (read(blockHeader, 8) < 8) {
                upos = Long.MAX_VALUE; // the file ends early: nothing more to follow
                break;
            }
            int type = EventView.i32(blockHeader, 0);
            int total = EventView.i32(blockHeader, 4);
            if (!BlockTypes.isEvent(type)) {
                while (restartIndex < n && restarts[restartIndex] <= upos) {
                    restartIndex++;
                }
                if (restartIndex < n) {
                    // a new section: sysdig seeks back to this block, reads the metadata, and seeks back to the
                    // first event block, which leaves zlib as if it had skipped there from the start of the file
                    restart(restarts[restartIndex++]);
                    continue;
                }
            }
            if (total < 8) {
                upos = Long.MAX_VALUE;
                break;
            }
            read(null, total - 8);
            upos += total;
        }
        if (ended && !endRead && upos >= target) {
            endRead = true;
            read(blockHeader, 8);
        }
        return (double) offset() * 100 / fileSize;
    }

    /**
     * The reader has just read the event block of {@code total} bytes at {@code at}: on a plain file whose figure is
     * being followed up to there, zlib's reads for it are followed at once, by arithmetic, so that the next
     * {@link #at} has nothing left to read from the file. Anything else is left to {@link #at}.
     */
    void passed(long at, int total) throws IOException {
        if (at == upos && how == How.COPY && total >= 8 && upos + 8 <= fileSize) {
            read(null, 8);
            read(null, total - 8);
            upos += total;
        }
    }

    void close() throws IOException {
        inflater.end();
        if (ch != null) {
            ch.close();
        }
    }

    /** zlib's gzoffset(): the file position less the input read but not yet consumed. */
    private long offset() {
        return fdPos - availIn;
    }

    /** The state after libscap's seek back to the first event block at {@code at}. */
    private void restart(long at) throws IOException {
        if (how == How.COPY) {
            // a plain file: zlib seeks the file itself
            fdPos = at;
            have = 0;
            availIn = 0;
            eof = false;
        } else {
            // gzip: back to the start of the file, then a skip through the output buffer
            fdPos = 0;
            have = 0;
            availIn = 0;
            eof = false;
            how = How.LOOK;
            long skip = at;
            while (skip > 0) {
                if (have > 0) {
                    int c = (int) Math.min(have, skip);
                    have -= c;
                    outNext += c;
                    skip -= c;
                } else if (eof && availIn == 0) {
                    break;
                } else {
                    fetch();
                }
            }
        }
        upos = at;
    }

    /** gzread: {@code len} bytes into {@code dst} (or dropped, when null); the number read. */
    private long read(byte[] dst, long len) throws IOException {
        long got = 0;
        while (len > 0) {
            if (have > 0) {
                int c = (int) Math.min(have, len);
                if (dst != null) {
                    if (outInFile) {
                        readAt(outFilePos + outNext, dst, (int) got, c);
                    } else {
                        System.arraycopy(out, outNext, dst, (int) got, c);
                    }
                }
                outNext += c;
                have -= c;
                len -= c;
                got += c;
            } else if (eof && availIn == 0) {
                break;
            } else if (how == How.LOOK || len < (SIZE << 1)) {
                fetch();
            } else if (how == How.COPY) {
                // straight from the file into the caller's buffer
                long c = load(null, 0, len);
                len -= c;
                got += c;
            } else {
                // inflated straight into the caller's buffer
                int n = (int) len;
                if (scratch.length < n) {
                    scratch = new byte[n];
                }
                int c = decompress(scratch, 0, n);
                if (dst != null) {
                    System.arraycopy(scratch, 0, dst, (int) got, c);
                }
                if (c == 0 && eof && availIn == 0) {
                    break;
                }
                len -= c;
                got += c;
            }
        }
        return got;
    }

    /** gz_fetch: fills the output buffer (or finds out what the input is). */
    private void fetch() throws IOException {
        do {
            switch (how) {
                case LOOK -> {
                    look();
                    if (how == How.LOOK) {
                        return;
                    }
                }
                case COPY -> {
                    // a plain file: the output buffer would hold these bytes of the file as they are; only the
                    // few that are asked for (block headers) are read, the rest is skipped by arithmetic
                    outFilePos = fdPos;
                    outInFile = true;
                    have = (int) load(null, 0, SIZE << 1);
                    outNext = 0;
                    return;
                }
                case GZIP -> {
                    outInFile = false;
                    have = decompress(out, 0, SIZE << 1);
                    outNext = 0;
                }
            }
        } while (have == 0 && (!eof || availIn > 0));
    }

    /** gz_look: a gzip member starts here, or trailing bytes after one end the input, or the file is not gzip. */
    private void look() throws IOException {
        if (availIn < 2) {
            avail();
            if (availIn == 0) {
                return;
            }
        }
        if (availIn > 1 && in[inNext] == 0x1f && in[inNext + 1] == (byte) 0x8b) {
            inflater.reset();
            header.reset();
            dataDone = false;
            trailerGot = 0;
            how = How.GZIP;
            direct = false;
            return;
        }
        if (!direct) {
            availIn = 0;
            eof = true;
            have = 0;
            return;
        }
        System.arraycopy(in, inNext, out, 0, availIn);
        outInFile = false;
        outNext = 0;
        have = availIn;
        availIn = 0;
        how = How.COPY;
        direct = true;
    }

    /** gz_avail: moves the unused input to the front of the input buffer and tops it up from the file. */
    private void avail() throws IOException {
        if (!eof) {
            if (availIn > 0) {
                System.arraycopy(in, inNext, in, 0, availIn);
            }
            inNext = 0;
            availIn += (int) load(in, availIn, SIZE - availIn);
        }
    }

    /** Where the file's bytes from {@code pos} (n of them, as many as the file has) sit in the read-ahead buffer. */
    private int cached(long pos, int n) throws IOException {
        if (pos < cacheStart || pos + n > cacheStart + cacheLen) {
            fillCache(pos);
        }
        return (int) (pos - cacheStart);
    }

    /** Copies {@code n} bytes of the file from {@code pos}, through a read-ahead buffer. */
    private void readAt(long pos, byte[] dst, int off, int n) throws IOException {
        int from = cached(pos, n);
        int c = Math.max(0, Math.min(n, cacheLen - from));
        System.arraycopy(cache, from, dst, off, c);
        java.util.Arrays.fill(dst, off + c, off + n, (byte) 0);
    }

    private void fillCache(long pos) throws IOException {
        if (cacheView == null) {
            cacheView = ByteBuffer.wrap(cache);
        }
        cacheView.clear();
        long at = pos;
        while (cacheView.hasRemaining()) {
            int r = ch.read(cacheView, at);
            if (r < 0) {
                break;
            }
            at += r;
        }
        cacheStart = pos;
        cacheLen = cacheView.position();
    }

    /** gz_load: up to {@code len} bytes of the file; meeting its end sets eof. Null {@code dst}: skipped. */
    private long load(byte[] dst, int off, long len) throws IOException {
        long got = Math.max(0, Math.min(len, fileSize - fdPos));
        if (dst != null && got > 0) {
            ByteBuffer view = dst == in ? inView : outView;
            view.limit(off + (int) got).position(off);
            long at = fdPos;
            while (view.hasRemaining()) {
                int r = ch.read(view, at);
                if (r < 0) {
                    break;
                }
                at += r;
            }
        }
        fdPos += got;
        if (got < len) {
            eof = true;
        }
        return got;
    }

    /**
     * gz_decomp: inflates into {@code dst[off, off + n)} until it is full or the member ends (then the next read
     * looks for another member); loads input as needed. The number of bytes made.
     */
    private int decompress(byte[] dst, int off, int n) throws IOException {
        int made = 0;
        boolean end = false;
        do {
            if (availIn == 0) {
                avail();
            }
            if (availIn == 0) {
                break; // the input ends within the member
            }
            // one call of inflate(): the rest of the member header, data, then the trailer
            if (!header.done()) {
                int c = header.consume(in, inNext, availIn);
                inNext += c;
                availIn -= c;
            }
            if (header.done() && !dataDone && (availIn > 0 || !inflater.needsInput())) {
                inflater.setInput(in, inNext, availIn);
                int c;
                try {
                    c = inflater.inflate(dst, off + made, n - made);
                } catch (DataFormatException e) {
                    throw new IOException("corrupt gzip data: " + e.getMessage(), e);
                }
                made += c;
                int used = availIn - inflater.getRemaining();
                inNext += used;
                availIn -= used;
                dataDone = inflater.finished();
            }
            if (dataDone) {
                int c = Math.min(8 - trailerGot, availIn);
                trailerGot += c;
                inNext += c;
                availIn -= c;
                end = trailerGot == 8;
            }
        } while (made < n && !end);
        if (end) {
            how = How.LOOK;
        }
        return made;
    }

    /** The header of a gzip member, taken in as inflate takes it: a byte at a time, as far as it goes. */
    private static final class GzipHeader {
        private int state;
        private int flags;
        private int count;
        private int extraLen;

        void reset() {
            state = 0;
            count = 0;
        }

        boolean done() {
            return state == 6;
        }

        /** Takes header bytes from {@code b[off, off + len)}; the number taken. */
        int consume(byte[] b, int off, int len) {
            int i = 0;
            while (i < len && state != 6) {
                int v = b[off + i++] & 0xff;
                switch (state) {
                    case 0 -> { // the fixed 10 bytes
                        if (count == 3) {
                            flags = v;
                        }
                        if (++count == 10) {
                            count = 0;
                            state = 1;
                        }
                    }
                    case 2 -> { // extra field length
                        extraLen |= v << (8 * count);
                        if (++count == 2) {
                            count = 0;
                            state = extraLen == 0 ? 3 : 7;
                        }
                    }
                    case 7 -> { // extra field
                        if (++count == extraLen) {
                            count = 0;
                            state = 3;
                        }
                    }
                    case 3 -> { // file name, up to its zero
                        if (v == 0) {
                            state = 4;
                        }
                    }
                    case 4 -> { // comment, up to its zero
                        if (v == 0) {
                            state = 5;
                        }
                    }
                    case 5 -> { // header crc
                        if (++count == 2) {
                            count = 0;
                            state = 6;
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                state = settle(state);
            }
            return i;
        }

        /** Passes over the optional parts the flags say are absent. */
        private int settle(int s) {
            if (s == 1) {
                extraLen = 0;
                s = (flags & 4) != 0 ? 2 : 3;
            }
            if (s == 3 && (flags & 8) == 0) {
                s = 4;
            }
            if (s == 4 && (flags & 16) == 0) {
                s = 5;
            }
            if (s == 5 && (flags & 2) == 0) {
                s = 6;
            }
            return s;
        }
    }
}
