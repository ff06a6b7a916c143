package io.jdig.cli;

import io.jdig.event.EventSource;
import io.jdig.scap.ScapReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** -P: reports on stderr how far through a file reading has got. */
final class Progress {
    private final long size;
    private long lastReport;
    private ScapReader reader;

    Progress(Path file) {
        long s;
        try {
            s = Files.size(file);
        } catch (IOException e) {
            s = 0;
        }
        size = s;
    }

    EventSource wrap(ScapReader r) {
        this.reader = r;
        return new EventSource() {
            private long n;

            @Override
            public boolean next() throws IOException {
                boolean ok = r.next();
                if ((++n & 0xFFFF) == 0) {
                    report(false);
                }
                return ok;
            }

            @Override
            public byte[] buffer() {
                return r.buffer();
            }

            @Override
            public int offset() {
                return r.offset();
            }

            @Override
            public int cpu() {
                return r.cpu();
            }

            @Override
            public int flags() {
                return r.flags();
            }

            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    private void report(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastReport < 500_000_000L) {
            return;
        }
        lastReport = now;
        double pct = size > 0 ? Math.min(100.0, 100.0 * reader.compressedPosition() / size) : 0;
        System.err.printf("\r%.2f%%", pct);
        System.err.flush();
    }

    void done() {
        if (reader != null) {
            System.err.print("\r100.00%\n");
            System.err.flush();
        }
    }
}
