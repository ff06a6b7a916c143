package io.jdig.scap;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An input stream that reads its source ahead on a thread of its own, for sources that cost real work to read
 * (inflating a gzip trace): that work then overlaps with decoding the events. Errors of the source reach the
 * reader in order, after the bytes read before them.
 */
final class ReadAheadStream extends InputStream {
    private static final int CHUNK = 1 << 20;
    private static final int POOL = 4;

    private record Chunk(byte[] data, int length, IOException error) {
    }

    private static final Chunk END = new Chunk(null, 0, null);

    private final InputStream source;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(POOL);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(POOL + 1);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int pos;
    private boolean ended;

    ReadAheadStream(InputStream source, String name) {
        this.source = source;
        for (int i = 0; i < POOL; i++) {
            free.add(new byte[CHUNK]);
        }
        thread = Thread.ofPlatform().daemon().name("jdig-read " + name).unstarted(this::fill);
        thread.start();
    }

    private void fill() {
        try {
            while (!closed) {
                byte[] d = free.take();
                int len = 0;
                IOException error = null;
                boolean atEnd = false;
                while (len < CHUNK) {
                    try {
                        int r = source.read(d, len, CHUNK - len);
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
                    filled.put(new Chunk(d, len, null));
                }
                if (error != null) {
                    filled.put(new Chunk(null, 0, error));
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
            filled.offer(new Chunk(null, 0, new IOException(e.toString(), e)));
        }
    }

    /** Makes a chunk with unread bytes current; false at the end of the source. */
    private boolean next() throws IOException {
        while (current == null || pos == current.length()) {
            if (ended) {
                return false;
            }
            if (current != null) {
                free.offer(current.data());
                current = null;
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
                return false;
            }
            current = c;
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!next()) {
            return -1;
        }
        return current.data()[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.data(), pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        source.close();
    }
}
