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

    static final int ARGS = 0;
    static final int ENV = 1;
    static final int CGROUPS = 2;

    /**
     * A u16-length-prefixed list of NUL-terminated strings of that kind (arguments, environment or cgroups).
     * Arguments and environments are decoded when first read: most threads' are never looked at, and decoding
     * them all made up much of reading a process list. Cgroups are needed at once (for container ids).
     */
    List<String> strList(int kind) throws ScapFormatException {
        int n = u16();
        need(n);
        List<String> out = kind == CGROUPS ? NulStrings.split(b, p, p + n) : NulStrings.lazy(b, p, p + n);
        p += n;
        return out;
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
