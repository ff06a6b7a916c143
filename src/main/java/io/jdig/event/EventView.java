package io.jdig.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A reusable view over one event in sysdig's v2 layout: {@code u64 ts, u64 tid, u32 len, u16 type,
 * u32 nparams}, the parameter lengths (u16, or u32 for large-payload events), then the parameters.
 * Nothing is copied: {@link #wrap} points the view at bytes owned by the source.
 */
public final class EventView {
    public static final int HEADER_LEN = 26;
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private int base;
    private int len;
    private int type;
    private int nparams;
    private int cpu;
    private int flags;
    private EventInfo info;
    /** Where each parameter starts; parameter i ends where i + 1 starts (they are contiguous). */
    private final int[] poff = new int[65];

    /** Points the view at an event; returns false if the bytes are not a consistent event. */
    public boolean wrap(byte[] buffer, int offset, int cpuId, int blockFlags) {
        this.buf = buffer;
        this.base = offset;
        this.cpu = cpuId;
        this.flags = blockFlags;
        this.len = (int) I32.get(buffer, offset + 16);
        this.type = Short.toUnsignedInt((short) I16.get(buffer, offset + 20));
        int n = (int) I32.get(buffer, offset + 22);
        this.info = EventTable.get(type);
        if (len < HEADER_LEN || n < 0 || n > 64) {
            return false;
        }
        int lp = offset + HEADER_LEN;
        int end = offset + len;
        int[] po = poff;
        if (info == null || !info.largePayload()) {
            int p = lp + 2 * n;
            if (p > end) {
                return false;
            }
            po[0] = p;
            // 16-bit lengths cannot be negative: one bounds check after the sum is enough
            for (int i = 0; i < n; i++) {
                p += Short.toUnsignedInt((short) I16.get(buffer, lp + 2 * i));
                po[i + 1] = p;
            }
            if (p > end) {
                return false;
            }
        } else {
            int p = lp + 4 * n;
            if (p > end) {
                return false;
            }
            po[0] = p;
            for (int i = 0; i < n; i++) {
                int l = (int) I32.get(buffer, lp + 4 * i);
                if (l < 0 || l > end - p) {
                    return false;
                }
                p += l;
                po[i + 1] = p;
            }
        }
        this.nparams = n;
        return true;
    }

    public byte[] buffer() {
        return buf;
    }

    public int offset() {
        return base;
    }

    public long ts() {
        return (long) I64.get(buf, base);
    }

    public long tid() {
        return (long) I64.get(buf, base + 8);
    }

    public int length() {
        return len;
    }

    public int type() {
        return type;
    }

    public EventInfo info() {
        return info;
    }

    public int cpu() {
        return cpu;
    }

    public int blockFlags() {
        return flags;
    }

    public boolean isEnter() {
        return (type & 1) == 0;
    }

    /** Parameters present in the event (may be fewer or more than the table declares). */
    public int paramCount() {
        return nparams;
    }

    /** Parameters to show: the smaller of what the event holds and what the table declares. */
    public int shownParamCount() {
        return info == null ? 0 : Math.min(nparams, info.params().length);
    }

    public int paramOffset(int i) {
        return poff[i];
    }

    public int paramLen(int i) {
        return i < nparams ? poff[i + 1] - poff[i] : 0;
    }

    public boolean hasParam(int i) {
        return i < nparams;
    }

    /** A parameter read as a number of its length (1, 2, 4 or 8 bytes), sign-extended when signed. */
    public long paramAsLong(int i, boolean signed) {
        if (i >= nparams) {
            return 0;
        }
        int o = poff[i];
        return switch (poff[i + 1] - o) {
            case 1 -> signed ? buf[o] : buf[o] & 0xFF;
            case 2 -> signed ? (short) I16.get(buf, o) : Short.toUnsignedInt((short) I16.get(buf, o));
            case 4 -> signed ? (int) I32.get(buf, o) : Integer.toUnsignedLong((int) I32.get(buf, o));
            case 8 -> (long) I64.get(buf, o);
            default -> 0;
        };
    }

    /** A parameter as a number, signed per its declared type. */
    public long paramAsLong(int i) {
        ParamInfo[] ps = info == null ? null : info.params();
        boolean signed = ps != null && i < ps.length && ps[i].type().isSigned();
        return paramAsLong(i, signed);
    }

    /** Index of a named parameter (by the table), or -1. */
    public int paramIndex(String name) {
        if (info == null) {
            return -1;
        }
        int i = info.paramIndex(name);
        return i < nparams ? i : -1;
    }

    /** Length of a string parameter without its terminating NUL. */
    public int stringLen(int i) {
        if (i >= nparams) {
            return 0;
        }
        int o = poff[i];
        int l = poff[i + 1] - o;
        int n = 0;
        while (n < l && buf[o + n] != 0) {
            n++;
        }
        return n;
    }

    public String paramAsString(int i) {
        if (i >= nparams) {
            return null;
        }
        return new String(buf, poff[i], stringLen(i), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static short u16(byte[] b, int o) {
        return (short) I16.get(b, o);
    }

    public static int i32(byte[] b, int o) {
        return (int) I32.get(b, o);
    }

    public static long i64(byte[] b, int o) {
        return (long) I64.get(b, o);
    }
}
