package io.jdig.event;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer used to render text without allocating per event.
 * Everything jdig prints is assembled in one of these and then written out in bulk.
 */
public final class ByteBuf {
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UPPER_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] data;
    private int len;

    public ByteBuf() {
        this(256);
    }

    public ByteBuf(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    public int length() {
        return len;
    }

    public byte[] array() {
        return data;
    }

    public byte byteAt(int i) {
        return data[i];
    }

    public void setLength(int newLen) {
        if (newLen > len) {
            ensure(newLen - len);
            Arrays.fill(data, len, newLen, (byte) ' ');
        }
        len = newLen;
    }

    public ByteBuf clear() {
        len = 0;
        return this;
    }

    private void ensure(int extra) {
        int need = len + extra;
        if (need > data.length) {
            data = Arrays.copyOf(data, Math.max(need, data.length * 2));
        }
    }

    public ByteBuf append(byte b) {
        if (len == data.length) {
            ensure(1);
        }
        data[len++] = b;
        return this;
    }

    public ByteBuf append(char c) {
        if (c < 0x80) {
            return append((byte) c);
        }
        return append(String.valueOf(c));
    }

    public ByteBuf append(byte[] b) {
        return append(b, 0, b.length);
    }

    public ByteBuf append(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, data, len, n);
        len += n;
        return this;
    }

    public ByteBuf append(ByteBuf other) {
        return append(other.data, 0, other.len);
    }

    /** Appends a string; ASCII is copied directly, anything else is encoded as UTF-8. */
    public ByteBuf append(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] enc = s.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8);
                return append(enc);
            }
            data[len++] = (byte) c;
        }
        return this;
    }

    public ByteBuf append(long v) {
        if (v == Long.MIN_VALUE) {
            return append(MIN_LONG);
        }
        if (v < 0) {
            append((byte) '-');
            v = -v;
        }
        return appendUnsignedDecimal(v);
    }

    /** Appends v as an unsigned 64-bit decimal number. */
    public ByteBuf appendUnsigned(long v) {
        if (v >= 0) {
            return appendUnsignedDecimal(v);
        }
        return append(Long.toUnsignedString(v));
    }

    private ByteBuf appendUnsignedDecimal(long v) {
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        ensure(digits);
        int p = len + digits;
        do {
            data[--p] = DIGITS[(int) (v % 10)];
            v /= 10;
        } while (v != 0);
        len += digits;
        return this;
    }

    /** Appends v in decimal, left-padded with zeros to at least width digits. */
    public ByteBuf appendPadded(long v, int width) {
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            append((byte) '0');
        }
        return appendUnsignedDecimal(v);
    }

    public ByteBuf appendHex(long v, boolean upper) {
        byte[] d = upper ? UPPER_DIGITS : DIGITS;
        int digits = 1;
        for (long t = v >>> 4; t != 0; t >>>= 4) {
            digits++;
        }
        ensure(digits);
        int p = len + digits;
        do {
            data[--p] = d[(int) (v & 15)];
            v >>>= 4;
        } while (v != 0);
        len += digits;
        return this;
    }

    public ByteBuf appendHexPadded(long v, int width) {
        int digits = 1;
        for (long t = v >>> 4; t != 0; t >>>= 4) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            append((byte) '0');
        }
        return appendHex(v, false);
    }

    public ByteBuf appendOctal(long v) {
        int digits = 1;
        for (long t = v >>> 3; t != 0; t >>>= 3) {
            digits++;
        }
        ensure(digits);
        int p = len + digits;
        do {
            data[--p] = DIGITS[(int) (v & 7)];
            v >>>= 3;
        } while (v != 0);
        len += digits;
        return this;
    }

    public boolean contentEquals(byte[] other) {
        return Arrays.equals(data, 0, len, other, 0, other.length);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(data, 0, len);
    }

    @Override
    public String toString() {
        return new String(data, 0, len, StandardCharsets.UTF_8);
    }
}
