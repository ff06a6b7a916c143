package io.jdig.filter;

import java.util.Arrays;

/** {@code endswith}. */
public final class EndsWithPattern implements BytePattern {
    private final byte[] suffix;

    EndsWithPattern(byte[] suffix) {
        this.suffix = suffix.clone();
    }

    @Override
    public boolean matches(byte[] b, int off, int len) {
        int n = suffix.length;
        return len >= n && Arrays.equals(b, off + len - n, off + len, suffix, 0, n);
    }
}
