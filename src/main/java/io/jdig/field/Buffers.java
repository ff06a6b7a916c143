package io.jdig.field;

import io.jdig.event.ByteBuf;

/** sysdig's renderings of a data buffer: dotted text, -A text, -x/-X hex rows and -b base64. */
public final class Buffers {
    private static final byte[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes();

    private Buffers() {
    }

    static boolean printable(byte c) {
        return c >= 0x20 && c <= 0x7e;
    }

    /**
     * Appends a buffer rendered in the given format. In normal (non-JSON) mode a rendering longer than
     * {@code maxLen} is cut there, its last three characters becoming "...".
     */
    public static void render(ByteBuf out, byte[] b, int o, int len, BufferFormat fmt, int maxLen, boolean json) {
        if (len == 0) {
            return;
        }
        switch (fmt) {
            case HEX, HEXASCII -> hex(out, b, o, len, fmt == BufferFormat.HEXASCII);
            case BASE64 -> base64(out, b, o, len);
            case ASCII -> ascii(out, b, o, len);
            default -> {
                int start = out.length();
                for (int i = 0; i < len; i++) {
                    byte c = b[o + i];
                    out.append(printable(c) ? c : (byte) '.');
                }
                if (!json && maxLen > 0 && len > maxLen) {
                    out.setLength(start + maxLen);
                    if (maxLen > 3) {
                        byte[] a = out.array();
                        a[start + maxLen - 3] = '.';
                        a[start + maxLen - 2] = '.';
                        a[start + maxLen - 1] = '.';
                    }
                }
            }
        }
    }

    static void ascii(ByteBuf out, byte[] b, int o, int len) {
        out.append((byte) '\n');
        for (int j = 0; j < len; j++) {
            byte c = b[o + j];
            if (printable(c)) {
                out.append(c);
            } else if (c == '\r') {
                out.append((byte) '\n');
            } else if (c == '\n') {
                if (j > 0 && b[o + j - 1] != '\r') {
                    out.append(c);
                }
            }
        }
    }

    static void hex(ByteBuf out, byte[] b, int o, int len, boolean withAscii) {
        for (int j = 0; j < len; j += 16) {
            out.append("\n\t0x").appendHexPadded(j, 4).append((byte) ':');
            int chunks = 0;
            int p = j;
            while (chunks < 8 && p < len) {
                if (p == len - 1) {
                    out.append((byte) ' ').appendHexPadded(b[o + p] & 0xFF, 2);
                } else {
                    out.append((byte) ' ').appendHexPadded(((b[o + p] & 0xFF) << 8) | (b[o + p + 1] & 0xFF), 4);
                }
                chunks++;
                p += 2;
            }
            if (withAscii) {
                while (chunks < 8) {
                    out.append("     ");
                    chunks++;
                }
                out.append("  ");
                for (int q = j; q < j + 16 && q < len; q++) {
                    byte c = b[o + q];
                    out.append(printable(c) ? c : (byte) '.');
                }
            }
        }
        out.append((byte) '\n');
    }

    static void base64(ByteBuf out, byte[] b, int o, int len) {
        int j = 0;
        while (j < len) {
            int a = j < len ? b[o + j++] & 0xFF : 0;
            int bb = j < len ? b[o + j++] & 0xFF : 0;
            int c = j < len ? b[o + j++] & 0xFF : 0;
            int triple = (a << 16) | (bb << 8) | c;
            out.append(B64[(triple >> 18) & 63]).append(B64[(triple >> 12) & 63]).append(B64[(triple >> 6) & 63])
                    .append(B64[triple & 63]);
        }
        int mod = len % 3;
        if (mod > 0) {
            int pad = mod == 1 ? 2 : 1;
            byte[] a = out.array();
            for (int i = 0; i < pad; i++) {
                a[out.length() - 1 - i] = '=';
            }
        }
    }
}
