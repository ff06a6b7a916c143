package io.jdig.scap;

import io.jdig.event.EventView;
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

    int u8() throws ScapFormatException {
        need(1);
        return b[p++] & 0xFF;
    }

    int u16() throws ScapFormatException {
        need(2);
        int v = Short.toUnsignedInt(EventView.u16(b, p));
        p += 2;
        return v;
    }

    int i32() throws ScapFormatException {
        need(4);
        int v = EventView.i32(b, p);
        p += 4;
        return v;
    }

    long i64() throws ScapFormatException {
        need(8);
        long v = EventView.i64(b, p);
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

    /** A u16-length-prefixed list of NUL-terminated strings. */
    List<String> strList() throws ScapFormatException {
        int n = u16();
        need(n);
        List<String> out = NulStrings.split(b, p, p + n);
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
