package io.jdig.explore;

import io.jdig.event.EventSource;
import io.jdig.event.EventView;
import io.jdig.event.meta.Metadata;
import io.jdig.pipeline.Pipeline;
import io.jdig.scap.ScapWriter;

import java.io.IOException;
import java.nio.file.Path;

/** Writes stored events from a point in time on to a trace file (mode 0600), the given metadata at its head. */
final class TraceSaver {
    private TraceSaver() {
    }

    static long save(EventStore store, Metadata header, Path file, long fromTs) {
        long n = 0;
        try (ScapWriter w = ScapWriter.create(file, false); EventSource src = store.reader(store.seek(fromTs))) {
            w.writeHeader(header);
            while (src.next()) {
                byte[] b = src.buffer();
                int off = src.offset();
                if (Long.compareUnsigned(EventView.i64(b, off), fromTs) < 0) {
                    continue;
                }
                w.writeEvent(b, off, src.cpu(), src.flags());
                n++;
            }
        } catch (IOException e) {
            throw new ExploreException(file + ": " + Pipeline.describe(e), e);
        }
        return n;
    }
}
