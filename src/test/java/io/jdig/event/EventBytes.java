package io.jdig.event;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One event in the trace's binary layout, for tests that make their own: the header (time, thread, length, type,
 * parameter count), the 16-bit parameter lengths, the parameters. A Long is 8 bytes, an Integer 4, a Byte 1, a String
 * its UTF-8 bytes with a terminating NUL, a byte[] itself.
 */
public final class EventBytes {
    private EventBytes() {
    }

    public static byte[] of(long ts, long tid, int type, Object... params) {
        List<byte[]> ps = new ArrayList<>();
        for (Object p : params) {
            ps.add(switch (p) {
                case Long l -> le(8).putLong(l).array();
                case Integer i -> le(4).putInt(i).array();
                case Byte b -> new byte[] {b};
                case String s -> (s + "\0").getBytes(StandardCharsets.UTF_8);
                case byte[] raw -> raw;
                default -> throw new IllegalArgumentException(String.valueOf(p));
            });
        }
        int len = 26 + 2 * ps.size() + ps.stream().mapToInt(b -> b.length).sum();
        ByteBuffer b = le(len).putLong(ts).putLong(tid).putInt(len).putShort((short) type).putInt(ps.size());
        ps.forEach(p -> b.putShort((short) p.length));
        ps.forEach(b::put);
        return b.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
