package io.jdig.filter;

/** {@code contains} / {@code bcontains}: substring search (Boyer-Moore-Horspool). */
public final class ContainsPattern implements BytePattern {
    private final byte[] needle;
    private final int[] skip;

    ContainsPattern(byte[] needle) {
        this.needle = needle.clone();
        int n = needle.length;
        this.skip = new int[256];
        java.util.Arrays.fill(skip, Math.max(n, 1));
        for (int i = 0; i < n - 1; i++) {
            skip[needle[i] & 0xff] = n - 1 - i;
        }
    }

    @Override
    public boolean matches(byte[] b, int off, int len) {
        return indexOf(b, off, len) >= 0;
    }

    /** Offset (relative to {@code off}) of the first occurrence, or -1. */
    public int indexOf(byte[] b, int off, int len) {
        int n = needle.length;
        if (n == 0) {
            return 0;
        }
        byte last = needle[n - 1];
        int end = off + len;
        int i = off + n - 1;
        while (i < end) {
            byte c = b[i];
            if (c == last) {
                int start = i - n + 1;
                int j = n - 2;
                while (j >= 0 && b[start + j] == needle[j]) {
                    j--;
                }
                if (j < 0) {
                    return start - off;
                }
            }
            i += skip[c & 0xff];
        }
        return -1;
    }
}
