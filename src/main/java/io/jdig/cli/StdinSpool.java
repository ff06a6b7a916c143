package io.jdig.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of a trace read from standard input ({@code -r -}), kept so that a run a chisel asks for afterwards
 * ({@code sysdig.run_sysdig}, as {@code wsysdig_summary} does for its second pass) can read the same trace again,
 * which standard input cannot give twice. The bytes go to a temporary file that only its owner can read (a trace
 * holds I/O payloads and environments) as the run reads them; the rest of the input is added before a next run,
 * and the file is removed when jdig is done with it.
 */
final class StdinSpool implements AutoCloseable {
    private final Path file;
    private final OutputStream copy;
    private final InputStream in;
    private boolean complete;

    private StdinSpool(Path file, InputStream in) throws IOException {
        this.file = file;
        this.copy = Files.newOutputStream(file);
        this.in = in;
        file.toFile().deleteOnExit();
    }

    /** Starts copying {@code in} to a new private temporary file. */
    static StdinSpool start(InputStream in) {
        try {
            // on POSIX file systems a temporary file is created readable and writable by its owner only
            return new StdinSpool(Files.createTempFile("jdig-stdin-", ".scap"), in);
        } catch (IOException e) {
            throw new Jdig.UsageException("cannot keep a copy of standard input: " + e.getMessage());
        }
    }

    /** What the run reads instead of {@code in}: the same bytes, each also written to the copy. */
    InputStream reader() {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                synchronized (StdinSpool.this) {
                    int b = super.read();
                    if (b >= 0) {
                        copy.write(b);
                    }
                    return b;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // one lock for reading and copying: a read-ahead thread still in a read when the run ends adds its
                // bytes before complete() adds the rest
                synchronized (StdinSpool.this) {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        copy.write(b, off, n);
                    }
                    return n;
                }
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] buf = new byte[(int) Math.min(n, 8192)];
                long done = 0;
                while (done < n) {
                    int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                    if (r < 0) {
                        break;
                    }
                    done += r;
                }
                return done;
            }

            @Override
            public void close() {
                // standard input stays open: what the run did not read is added to the copy before a next run
            }
        };
    }

    /** The whole trace: what the run read, then the rest of the input. */
    synchronized Path complete() {
        if (!complete) {
            try {
                in.transferTo(copy);
                copy.close();
            } catch (IOException e) {
                throw new Jdig.UsageException("-: cannot keep a copy of standard input: " + e.getMessage());
            }
            complete = true;
        }
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            copy.close();
        } catch (IOException e) {
            // the file goes anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // removed at exit at the latest
        }
    }
}
