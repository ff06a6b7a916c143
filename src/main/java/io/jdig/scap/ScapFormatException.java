package io.jdig.scap;

import java.io.IOException;

/** A trace file that cannot be read: says what is wrong and where (byte offset, block type). */
public final class ScapFormatException extends IOException {
    private final long offset;

    public ScapFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
