package io.jdig.scap;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead of its consumer on a thread of its own, so that the copy out of the page cache (and the
 * inflation of a gzip file) overlaps with decoding the events. The consumer takes filled chunks and hands
 * them back when done; each chunk leaves {@link #HEADROOM} bytes free at its start, where the consumer can put
 * the unread tail of the previous chunk, so that a block spanning two chunks needs no further copying.
 */
final class ReadAhead implements AutoCloseable {
    static final int HEADROOM = 64 << 10;
    static final int CHUNK = 1 << 20;
    private static final int POOL = 4;

    /** A chunk: bytes [HEADROOM, HEADROOM + length) of data hold the stream from offset start on. */
    record Chunk(byte[] data, long start, int length) {
    }

    /** What the reader ran into after the last chunk: the end of the stream or an error. */
    record End(IOException error) {
    }

    private final InputStream in;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(POOL);
    private final BlockingQueue<Object> filled = new ArrayBlockingQueue<>(POOL + 1);
    private final Thread thread;
    private volatile boolean closed;
    private End end;

    ReadAhead(InputStream in, String name) {
        this.in = in;
        for (int i = 0; i < POOL; i++) {
            free.add(new byte[HEADROOM + CHUNK]);
        }
        thread = Thread.ofPlatform().daemon().name("jdig-read " + name).unstarted(this::fillChunks);
        thread.start();
    }

    static boolean isPooled(byte[] b) {
        return b.length == HEADROOM + CHUNK;
    }

    private void fillChunks() {
        long offset = 0;
        try {
            while (!closed) {
                byte[] d = free.take();
                int len = 0;
                IOException error = null;
                boolean atEnd = false;
                while (len < CHUNK) {
                    try {
                        int r = in.read(d, HEADROOM + len, CHUNK - len);
                        if (r < 0) {
                            atEnd = true;
                            break;
                        }
                        len += r;
                        if (r == 0 || len >= CHUNK / 2 && in.available() == 0) {
                            break; // a pipe that has nothing more for now: hand over what there is
                        }
                    } catch (IOException e) {
                        error = e;
                        break;
                    }
                }
                if (len > 0) {
                    filled.put(new Chunk(d, offset, len));
                    offset += len;
                } else {
                    free.add(d);
                }
                if (error != null || atEnd) {
                    filled.put(new End(error));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed while waiting
        } catch (RuntimeException e) {
            filled.offer(new End(new IOException(e.toString(), e)));
        }
    }

    /** The next chunk, or null at the end of the stream; rethrows what the reader ran into. */
    Chunk take() throws IOException {
        if (end != null) {
            return finish();
        }
        Object o;
        try {
            o = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        }
        if (o instanceof Chunk c) {
            return c;
        }
        end = (End) o;
        return finish();
    }

    private Chunk finish() throws IOException {
        if (end.error() != null) {
            IOException e = end.error();
            end = new End(null); // reported once; afterwards the stream just ends
            throw e;
        }
        return null;
    }

    /** Gives a chunk's array back for reuse. */
    void recycle(byte[] data) {
        if (isPooled(data)) {
            free.offer(data);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        in.close();
    }
}
