package io.jdig.filter;

import java.util.Arrays;

/** {@code startswith} / {@code bstartswith}. */
public final class StartsWithPattern implements BytePattern {
    private final byte[] prefix;

    StartsWithPattern(byte[] prefix) {
        this.prefix = prefix.clone();
    }

    @Override
    public boolean matches(byte[] b, int off, int len) {
        return len >= prefix.length && Arrays.equals(b, off, off + prefix.length, prefix, 0, prefix.length);
    }
}
