package io.jdig.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads a trace's bytes, un-gzipped. */
final class MutatedTraceFuzzTestAccess {
    private MutatedTraceFuzzTestAccess() {
    }

    static byte[] plain(Path p) throws IOException {
        byte[] raw = Files.readAllBytes(p);
        if (raw.length > 2 && (raw[0] & 0xFF) == 0x1f && (raw[1] & 0xFF) == 0x8b) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }
}
