package io.jdig.scap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds trace files block by block for reader tests. */
final class TraceBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    TraceBytes shb() {
        ByteBuffer b = le(28);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 2).putLong(-1L)
                .putInt(28);
        out.writeBytes(b.array());
        return this;
    }

    TraceBytes block(int type, byte[] body) {
        int total = (8 + body.length + 4 + 3) & ~3;
        ByteBuffer b = le(total);
        b.putInt(type).putInt(total).put(body);
        b.position(total - 4);
        b.putInt(total);
        out.writeBytes(b.array());
        return this;
    }

    /** A process with one thread, as a PL_V9 block in sysdig 0.29's layout. */
    TraceBytes process(long tid, long pid, long ptid, String comm, String exe, String cwd) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        ByteBuffer h = le(8 * 5);
        h.putLong(tid).putLong(pid).putLong(ptid).putLong(0).putLong(0);
        e.writeBytes(h.array());
        str(e, comm);
        str(e, exe);
        str(e, exe);
        str(e, "");
        str(e, cwd);
        ByteBuffer m = le(8 + 12 + 12 + 16);
        m.putLong(1024).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putLong(0).putLong(0);
        e.writeBytes(m.array());
        str(e, "");
        ByteBuffer v = le(16);
        v.putLong(tid).putLong(pid);
        e.writeBytes(v.array());
        str(e, "");
        str(e, "/");
        ByteBuffer tail = le(5);
        tail.putInt(-1).put((byte) 0);
        e.writeBytes(tail.array());
        byte[] entry = e.toByteArray();
        ByteBuffer full = le(4 + entry.length);
        full.putInt(4 + entry.length).put(entry);
        return block(0x215, full.array());
    }

    private static void str(ByteArrayOutputStream e, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        e.write(b.length & 0xFF);
        e.write(b.length >> 8);
        e.writeBytes(b);
    }

    /** An event in a v2 block (EV_V2, or EVF_V2 when flags are given). */
    TraceBytes event(long ts, long tid, int type, byte[]... params) {
        return eventBlock(0x216, 0, ts, tid, type, params);
    }

    TraceBytes eventWithFlags(int flags, long ts, long tid, int type, byte[]... params) {
        return eventBlock(0x217, flags, ts, tid, type, params);
    }

    private TraceBytes eventBlock(int blockType, int flags, long ts, long tid, int type, byte[][] params) {
        int len = 26 + 2 * params.length;
        for (byte[] p : params) {
            len += p.length;
        }
        boolean withFlags = blockType == 0x217;
        ByteBuffer b = le(2 + (withFlags ? 4 : 0) + len);
        b.putShort((short) 1);
        if (withFlags) {
            b.putInt(flags);
        }
        b.putLong(ts).putLong(tid).putInt(len).putShort((short) type).putInt(params.length);
        for (byte[] p : params) {
            b.putShort((short) p.length);
        }
        for (byte[] p : params) {
            b.put(p);
        }
        return block(blockType, b.array());
    }

    /** An event in a v1 block (22-byte header without the parameter count). */
    TraceBytes eventV1(long ts, long tid, int type, byte[]... params) {
        int len = 22 + 2 * params.length;
        for (byte[] p : params) {
            len += p.length;
        }
        ByteBuffer b = le(2 + len);
        b.putShort((short) 0).putLong(ts).putLong(tid).putInt(len).putShort((short) type);
        for (byte[] p : params) {
            b.putShort((short) p.length);
        }
        for (byte[] p : params) {
            b.put(p);
        }
        return block(0x204, b.array());
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }

    static byte[] i64(long v) {
        return le(8).putLong(v).array();
    }

    static byte[] u32(int v) {
        return le(4).putInt(v).array();
    }

    static byte[] cstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] r = new byte[b.length + 1];
        System.arraycopy(b, 0, r, 0, b.length);
        return r;
    }
}
