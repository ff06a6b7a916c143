package io.jdig.scap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.conformance.Shared;
import io.jdig.event.meta.Metadata;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's figure for sysdig.get_read_progress() (compared with sysdig itself in WsysdigSummaryTest). */
class ReadProgressTest {
    /** Walks a trace asking at every event: never backwards, within 0..100, and 100 once the end is read. */
    private static double[] walk(Path p) throws Exception {
        try (ScapReader r = ScapReader.open(p, new Metadata())) {
            r.readHeader();
            double start = r.position();
            double last = 0;
            double first = -1;
            while (r.next()) {
                double v = r.readProgress();
                assertThat(v).isBetween(last, 100.0);
                if (first < 0) {
                    first = v;
                }
                last = v;
            }
            return new double[] {first, r.readProgress(), start};
        }
    }

    @Test
    void gzipFigureIsZlibsOffset() throws Exception {
        double[] v = walk(Shared.trace("libs__curl_google"));
        // sysdig 0.29.3 prints this figure at the first interval of -c wsysdig_summary on this trace
        assertThat(v[0]).isEqualTo(42.01202009329, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v[1]).isEqualTo(100.0);
    }

    @Test
    void plainFileIsReadInZlibsChunks(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("plain.scap");
        Files.write(p, Shared.plainBytes(Shared.trace("libs__curl_google")));
        long size = Files.size(p);
        double[] v = walk(p);
        // zlib's transparent mode: a seek to the first event block, then 16 KiB reads from there
        assertThat(Math.round(v[0] * size / 100)).isEqualTo((long) v[2] + 16384);
        assertThat(v[1]).isEqualTo(100.0);
    }

    @Test
    void standardInputHasNoFigure() throws Exception {
        byte[] b = Files.readAllBytes(Shared.trace("libs__curl_google"));
        try (ScapReader r = ScapReader.open(new ByteArrayInputStream(b), "-", new Metadata())) {
            r.readHeader();
            assertThat(r.next()).isTrue();
            assertThat(r.readProgress()).isZero();
        }
    }
}
