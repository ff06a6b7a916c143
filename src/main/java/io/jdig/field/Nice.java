package io.jdig.field;

import io.jdig.event.ByteBuf;

/** Human-friendly renderings of durations, as sysdig's evt.latency.human prints them. */
final class Nice {
    private static final long S = 1_000_000_000L;

    private Nice() {
    }

    /** A duration in ns, e.g. 1.50ms, 21us, 3.20s, 2:05 (minutes), 01:02:03 (hours). */
    static String time(long ns) {
        ByteBuf b = new ByteBuf(16);
        appendTime(b, ns);
        return b.toString();
    }

    private static void two(ByteBuf out, long v) {
        out.appendPadded(v, 2);
    }

    /** Appends a duration in ns (an unsigned 64-bit number) the way sysdig's format_time does. */
    static void appendTime(ByteBuf out, long val) {
        if (Long.compareUnsigned(val, 3600 * S) >= 0) {
            two(out, u32(Long.divideUnsigned(val, 3600 * S)));
            out.append((byte) ':');
            two(out, Long.divideUnsigned(val, 60 * S) % 60);
            out.append((byte) ':');
            two(out, Long.divideUnsigned(val, S) % 60);
        } else if (val >= 60 * S) {
            out.append(val / (60 * S)).append((byte) ':').append((val / S) % 60);
        } else if (val >= S) {
            out.append(val / S).append((byte) '.');
            two(out, (val % S) / 10_000_000);
            out.append((byte) 's');
        } else if (val >= S / 100) {
            out.append(val / 1_000_000).append("ms");
        } else if (val >= S / 1000) {
            out.append(val / 1_000_000).append((byte) '.');
            two(out, (val % 1_000_000) / 10_000);
            out.append("ms");
        } else if (val >= S / 100_000) {
            out.append(val / 1000).append("us");
        } else if (val >= S / 1_000_000) {
            out.append(val / 1000).append((byte) '.');
            two(out, (val % 1000) / 10);
            out.append("us");
        } else {
            out.append(val).append("ns");
        }
    }

    private static long u32(long v) {
        return v & 0xFFFFFFFFL;
    }
}
