package io.jdig.scap;

import io.jdig.event.NulStrings;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bounds-checked little-endian reads over the body of a metadata block. */
final class MetaCursor {
    private final byte[] b;
    private int p;
    private final int end;
    private final long fileBase;
    private final int blockType;

    MetaCursor(byte[] b, int start, int end, long fileBase, int blockType) {
        this.b = b;
        this.p = start;
        this.end = end;
        this.fileBase = fileBase;
        this.blockType = blockType;
    }

    int pos() {
        return p;
    }

    void seek(int pos) throws ScapFormatException {
        if (pos > end || pos < 0) {
            throw error("entry runs past the end of the block");
        }
        p = pos;
    }

    int remaining() {
        return end - p;
    }

    private void need(int n) throws ScapFormatException {
        if (n < 0 || p + n > end) {
            throw error("entry runs past the end of the block");
        }
    }

    ScapFormatException error(String what) {
        return new ScapFormatException(what + " in " + BlockTypes.describe(blockType), fileBase + p);
    }

    /*
     * Metadata is read once, at the start, before the JIT has compiled anything: plain byte arithmetic costs the
     * interpreter far less than the VarHandle reads the event path uses.
     */
    private int le32(int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    int u8() throws ScapFormatException {
        need(1);
        return b[p++] & 0xFF;
    }

    int u16() throws ScapFormatException {
        need(2);
        int v = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
        p += 2;
        return v;
    }

    int i32() throws ScapFormatException {
        need(4);
        int v = le32(p);
        p += 4;
        return v;
    }

    long i64() throws ScapFormatException {
        need(8);
        long v = le32(p) & 0xFFFFFFFFL | (long) le32(p + 4) << 32;
        p += 8;
        return v;
    }

    byte[] bytes(int n) throws ScapFormatException {
        need(n);
        byte[] r = new byte[n];
        System.arraycopy(b, p, r, 0, n);
        p += n;
        return r;
    }

    void skip(int n) throws ScapFormatException {
        need(n);
        p += n;
    }

    /** A u16-length-prefixed string; trailing NULs are dropped. */
    String str() throws ScapFormatException {
        int n = u16();
        need(n);
        int l = n;
        while (l > 0 && b[p + l - 1] == 0) {
            l--;
        }
        String s = new String(b, p, l, StandardCharsets.UTF_8);
        p += n;
        return s;
    }

    /** A u16-length-prefixed list of NUL-terminated strings, decoded now. */
    List<String> strList() throws ScapFormatException {
        int n = skipList();
        return NulStrings.split(b, p - n, p);
    }

    /**
     * The same, decoded when first read: used for threads' arguments and environments, most of which are never
     * looked at (decoding them all made up much of reading a process list).
     */
    List<String> lazyStrList() throws ScapFormatException {
        int n = skipList();
        return NulStrings.lazy(b, p - n, p);
    }

    /** Moves past a u16-length-prefixed list; returns its length in bytes (they end at p). */
    private int skipList() throws ScapFormatException {
        int n = u16();
        need(n);
        p += n;
        return n;
    }

    String fixed(int n) throws ScapFormatException {
        need(n);
        int l = 0;
        while (l < n && b[p + l] != 0) {
            l++;
        }
        String s = new String(b, p, l, StandardCharsets.UTF_8);
        p += n;
        return s;
    }
}
