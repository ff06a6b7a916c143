package io.jdig.filter;

import java.util.Arrays;

/** Byte-wise equality. */
public final class EqualsPattern implements BytePattern {
    private final byte[] value;

    EqualsPattern(byte[] value) {
        this.value = value.clone();
    }

    @Override
    public boolean matches(byte[] b, int off, int len) {
        return len == value.length && Arrays.equals(b, off, off + len, value, 0, value.length);
    }
}
