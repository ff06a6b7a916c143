package io.jdig.sinks;

import io.jdig.event.ByteBuf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The one buffered byte stream that printers and chisels write to. */
public final class Output {
    private final OutputStream out;
    public final ByteBuf buf = new ByteBuf(1 << 17);
    private final boolean unbuffered;

    public Output(OutputStream out, boolean unbuffered) {
        this.out = out;
        this.unbuffered = unbuffered;
    }

    private static final byte[] RESET = {0x1b, '[', '0', '0', 'm'};

    /**
     * What sysdig prints when a capture ends and stdout is a terminal, before the chisels' on_capture_end: the
     * escape sequence that resets the colors its default (colored) event lines may have left set.
     */
    public void resetColors() {
        var con = System.console();
        if (con != null && con.isTerminal()) {
            buf.append(RESET);
            lineDone();
        }
    }

    /** Call after appending a whole line to {@link #buf}. */
    public void lineDone() {
        if (unbuffered || buf.length() >= (1 << 16)) {
            flush();
        }
    }

    public void flush() {
        try {
            buf.writeTo(out);
            buf.clear();
            out.flush();
        } catch (IOException e) {
            buf.clear();
            throw new UncheckedIOException(e);
        }
    }
}
