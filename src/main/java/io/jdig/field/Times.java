package io.jdig.field;

import io.jdig.event.ByteBuf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/** Local-time renderings of event timestamps (nanoseconds since the epoch). */
public final class Times {
    private static final long NS = 1_000_000_000L;
    private static final ZoneRules ZONE = zone();
    private static long cachedSecond = Long.MIN_VALUE;
    private static long cachedOffset;

    private Times() {
    }

    private static ZoneRules zone() {
        try {
            return ZoneId.systemDefault().getRules();
        } catch (RuntimeException e) {
            return ZoneId.of("UTC").getRules();
        }
    }

    /** Offset of local time from UTC at that instant, in seconds. */
    public static long offsetSeconds(long ts) {
        long sec = Math.floorDiv(ts, NS);
        if (sec != cachedSecond) {
            cachedOffset = ZONE.getOffset(Instant.ofEpochSecond(sec)).getTotalSeconds();
            cachedSecond = sec;
        }
        return cachedOffset;
    }

    /** HH:MM:SS.nnnnnnnnn (or without the fraction). */
    public static void appendTime(ByteBuf out, long ts, boolean withNs) {
        long local = Math.floorDiv(ts, NS) + offsetSeconds(ts);
        long sod = Math.floorMod(local, 86400);
        out.appendPadded(sod / 3600, 2).append((byte) ':').appendPadded((sod / 60) % 60, 2).append((byte) ':')
                .appendPadded(sod % 60, 2);
        if (withNs) {
            out.append((byte) '.').appendPadded(Math.floorMod(ts, NS), 9);
        }
    }

    /** YYYY-MM-DD HH:MM:SS.nnnnnnnnn (or without the fraction). */
    public static void appendDateTime(ByteBuf out, long ts, boolean withNs) {
        long local = Math.floorDiv(ts, NS) + offsetSeconds(ts);
        long days = Math.floorDiv(local, 86400);
        appendDate(out, days);
        out.append((byte) ' ');
        appendTime(out, ts, withNs);
    }

    static void appendDate(ByteBuf out, long epochDay) {
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay);
        out.appendPadded(d.getYear(), 4).append((byte) '-').appendPadded(d.getMonthValue(), 2).append((byte) '-')
                .appendPadded(d.getDayOfMonth(), 2);
    }

    /** ISO 8601 in UTC with nanoseconds, as evt.time.iso8601 prints it. */
    public static void appendIso8601(ByteBuf out, long ts) {
        long sec = Math.floorDiv(ts, NS);
        appendDate(out, Math.floorDiv(sec, 86400));
        long sod = Math.floorMod(sec, 86400);
        out.append((byte) 'T').appendPadded(sod / 3600, 2).append((byte) ':').appendPadded((sod / 60) % 60, 2)
                .append((byte) ':').appendPadded(sod % 60, 2).append((byte) '.').appendPadded(Math.floorMod(ts, NS), 9)
                .append("+0000");
    }
}
