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

    // the last list read for each kind: where its bytes are in this block, and what they decoded to
    private final int[] listAt = new int[LIST_KINDS];
    private final int[] listLen = {-1, -1, -1};
    private final List<?>[] lists = new List<?>[LIST_KINDS];
    static final int ARGS = 0;
    static final int ENV = 1;
    static final int CGROUPS = 2;
    private static final int LIST_KINDS = 3;

    /**
     * A u16-length-prefixed list of NUL-terminated strings of that kind (arguments, environment or cgroups). The threads of one process follow one another in a
     * process list and carry the same lists: bytes equal to the previous list of the kind give that same
     * (unmodifiable) list, decoded once.
     */
    @SuppressWarnings("unchecked")
    List<String> strList(int kind) throws ScapFormatException {
        int n = u16();
        need(n);
        List<String> out;
        if (n == listLen[kind] && java.util.Arrays.equals(b, p, p + n, b, listAt[kind], listAt[kind] + n)) {
            out = (List<String>) lists[kind];
        } else {
            out = java.util.Collections.unmodifiableList(NulStrings.split(b, p, p + n));
            listAt[kind] = p;
            listLen[kind] = n;
            lists[kind] = out;
        }
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
