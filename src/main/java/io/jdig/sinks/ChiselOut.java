package io.jdig.sinks;

import io.jdig.event.ByteBuf;

import java.io.OutputStream;

/**
 * The stream chisels print to (Lua print, io.write and their formatters): bytes go into jdig's one output
 * buffer, which is written out when it is large, or at every line with --unbuffered.
 */
final class ChiselOut extends OutputStream {
    private final Output out;

    ChiselOut(Output out) {
        this.out = out;
    }

    ByteBuf buf() {
        return out.buf;
    }

    /** A whole line was appended to {@link #buf()}. */
    void lineDone() {
        out.lineDone();
    }

    @Override
    public void write(int b) {
        out.buf.append((byte) b);
        if (b == '\n') {
            out.lineDone();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        out.buf.append(b, off, len);
        out.lineDone();
    }

    @Override
    public void flush() {
        out.flush();
    }
}
