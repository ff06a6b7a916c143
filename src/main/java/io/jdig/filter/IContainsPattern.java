package io.jdig.filter;

/** {@code icontains}: substring search ignoring ASCII case (like strcasestr in the C locale). */
public final class IContainsPattern implements BytePattern {
    private final byte[] needle; // lower-cased
    private final int[] skip;

    IContainsPattern(byte[] needle) {
        int n = needle.length;
        this.needle = new byte[n];
        for (int i = 0; i < n; i++) {
            this.needle[i] = lower(needle[i]);
        }
        this.skip = new int[256];
        java.util.Arrays.fill(skip, Math.max(n, 1));
        for (int i = 0; i < n - 1; i++) {
            int d = n - 1 - i;
            skip[this.needle[i] & 0xff] = d;
            skip[upper(this.needle[i]) & 0xff] = d;
        }
    }

    @Override
    public boolean matches(byte[] b, int off, int len) {
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        byte last = needle[n - 1];
        int end = off + len;
        int i = off + n - 1;
        while (i < end) {
            byte c = b[i];
            if (lower(c) == last) {
                int start = i - n + 1;
                int j = n - 2;
                while (j >= 0 && lower(b[start + j]) == needle[j]) {
                    j--;
                }
                if (j < 0) {
                    return true;
                }
            }
            i += skip[c & 0xff];
        }
        return false;
    }

    static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }

    static byte upper(byte c) {
        return c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
    }
}
