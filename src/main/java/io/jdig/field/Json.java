package io.jdig.field;

import io.jdig.event.ByteBuf;

/** JSON string quoting as the JSON writer sysdig uses does it. */
public final class Json {
    private static final byte[] HEX = "0123456789abcdef".getBytes();

    private Json() {
    }

    public static void appendString(ByteBuf out, byte[] b, int o, int n) {
        out.append((byte) '"');
        for (int i = o; i < o + n; i++) {
            byte c = b[i];
            switch (c) {
                case '"' -> out.append((byte) '\\').append((byte) '"');
                case '\\' -> out.append((byte) '\\').append((byte) '\\');
                case '\b' -> out.append((byte) '\\').append((byte) 'b');
                case '\f' -> out.append((byte) '\\').append((byte) 'f');
                case '\n' -> out.append((byte) '\\').append((byte) 'n');
                case '\r' -> out.append((byte) '\\').append((byte) 'r');
                case '\t' -> out.append((byte) '\\').append((byte) 't');
                default -> {
                    if (c >= 0 && c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append((byte) '"');
    }

    public static void appendString(ByteBuf out, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        appendString(out, b, 0, b.length);
    }
}
