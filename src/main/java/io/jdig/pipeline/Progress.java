package io.jdig.pipeline;

import io.jdig.event.EventSource;
import io.jdig.scap.ScapReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** -P: reports on stderr how far through a file reading has got. */
final class Progress {
    private final long size;
    private final java.io.PrintStream err;
    private ScapReader reader;

    Progress(Path file, java.io.PrintStream err) {
        this.err = err;
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
        return new WrappedSource(r) {
            private long n;

            @Override
            public boolean next() throws IOException {
                boolean ok = inner.next();
                if (++n % 10000 == 0) {
                    report(false);
                }
                return ok;
            }
        };
    }

    private double lastPct;
    private String lastLine = "";

    /** Like sysdig: every 10000 events, a new percentage when it moved by more than 0.1. */
    private void report(boolean force) {
        double pct = size > 0 ? Math.min(100.0, 100.0 * reader.compressedPosition() / size) : 0;
        if (!force && pct - lastPct <= 0.1) {
            return;
        }
        String line = String.format(java.util.Locale.ROOT, "%.2f", pct);
        err.print("\r" + " ".repeat(lastLine.length()) + "\r" + line);
        err.flush();
        lastLine = line;
        lastPct = pct;
    }

    void done() {
        if (reader != null) {
            err.print("\r" + " ".repeat(lastLine.length()) + "\r100.00\n");
            err.flush();
        }
    }
}
