package io.jdig.scap;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source ahead on a thread of its own, into a few large chunks: copying a file out of the page cache,
 * or inflating a gzip trace, then overlaps with decoding the events. The trace reader takes whole chunks and
 * decodes the events in place ({@link #take}, {@link #recycle}); each chunk keeps {@link #HEAD} bytes free in front
 * of its data, so that the end of an event cut by the chunk boundary can be moved in front of the rest of it.
 * Errors of the source reach the reader in order, after the bytes read before them.
 */
final class ReadAhead implements Closeable {
    /** Free bytes before the data of each chunk. */
    static final int HEAD = 64 << 10;
    private static final int CHUNK = 256 << 10;
    private static final int POOL = 4;

    /** Bytes data[start, start + length) of the source; no data at the end, or with an error. */
    record Chunk(byte[] data, int start, int length, IOException error) {
    }

    private static final Chunk END = new Chunk(null, 0, 0, null);

    private final InputStream source;
    /**
     * Chunks given back by the reader. A lock-free queue that the reading thread polls: handing a chunk back then
     * never waits for a lock or wakes a thread (measured: waking it cost the decoding thread more than the copy
     * it saves).
     */
    private final java.util.Queue<byte[]> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(POOL + 1);
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    ReadAhead(InputStream source, String name) {
        this.source = source;
        thread = Thread.ofPlatform().daemon().name("jdig-read " + name).unstarted(this::fill);
        thread.start();
    }

    private void fill() {
        try {
            int made = 0;
            while (!closed) {
                // the chunks are made here, as they are first needed, not by the thread that opened the file
                byte[] d = free.poll();
                if (d == null && made < POOL) {
                    d = new byte[HEAD + CHUNK];
                    made++;
                }
                while (d == null) {
                    // ahead by the whole pool: look again shortly (reading a chunk takes longer than this)
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000);
                    if (closed || Thread.interrupted()) {
                        return;
                    }
                    d = free.poll();
                }
                int len = 0;
                IOException error = null;
                boolean atEnd = false;
                while (len < CHUNK) {
                    try {
                        int r = source.read(d, HEAD + len, CHUNK - len);
                        if (r < 0) {
                            atEnd = true;
                            break;
                        }
                        len += r;
                    } catch (IOException e) {
                        error = e;
                        break;
                    }
                }
                if (len > 0) {
                    filled.put(new Chunk(d, HEAD, len, null));
                } else {
                    free.offer(d);
                }
                if (error != null) {
                    filled.put(new Chunk(null, 0, 0, error));
                    return;
                }
                if (atEnd) {
                    filled.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed while waiting
        } catch (RuntimeException e) {
            filled.offer(new Chunk(null, 0, 0, new IOException(e.toString(), e)));
        }
    }

    /** The next chunk of the source, or null at its end; its array goes back through {@link #recycle}. */
    Chunk take() throws IOException {
        if (ended) {
            return null;
        }
        Chunk c;
        try {
            c = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        }
        if (c.data() == null) {
            ended = true;
            if (c.error() != null) {
                throw c.error();
            }
            return null;
        }
        return c;
    }

    /** Gives a chunk's array back for reading into. */
    void recycle(byte[] data) {
        free.offer(data);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        source.close();
    }
}
