package io.jdig.chisel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A compiled {@code -p}-style format, rendered for the host's current event. */
@FunctionalInterface
public interface CompiledFormat {
    /** The rendered line without newline, or null when the line is suppressed (missing field without '*'). */
    String format();

    /**
     * Writes the line and a newline to {@code out}; returns false when the line is suppressed. Hosts override
     * this to render straight into their output buffer.
     */
    default boolean writeLine(OutputStream out) throws IOException {
        String line = format();
        if (line == null) return false;
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        return true;
    }
}
