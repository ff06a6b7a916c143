package io.jdig.consumer;

import io.jdig.event.ByteBuf;
import io.jdig.field.EventContext;
import io.jdig.field.Field;
import io.jdig.field.FieldRegistry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads fields by their sysdig names from the current event: each name is resolved in the field registry once and
 * kept; a string value equal to the one read last for that field is handed out again, so that reading a process or
 * file name that repeats from event to event allocates nothing.
 */
final class FieldReader {
    private final Map<String, Slot> slots = new HashMap<>();
    private final ByteBuf scratch = new ByteBuf(256);

    /** Recently read strings of a field, by a hash of their bytes: values that recur are handed out again. */
    private static final int CACHED = 32;

    private static final class Slot {
        final Field field;
        final byte[][] bytes = new byte[CACHED][];
        final String[] strings = new String[CACHED];

        Slot(Field field) {
            this.field = field;
        }
    }

    private Slot slot(String name) {
        Slot s = slots.get(name);
        if (s == null) {
            Field f;
            try {
                FieldRegistry.Parsed p = FieldRegistry.parse(name, 0);
                f = p == null || p.end() != name.length() ? null : p.field();
            } catch (IllegalArgumentException e) {
                f = null;
            }
            if (f == null) {
                throw new IllegalArgumentException("unknown field " + name);
            }
            s = new Slot(f);
            slots.put(name, s);
        }
        return s;
    }

    /** Checks a field name now, so that a mistake shows before any event is read. */
    void check(String name) {
        slot(name);
    }

    boolean has(EventContext c, String name) {
        return slot(name).field.extract(c);
    }

    String string(EventContext c, String name) {
        Slot s = slot(name);
        if (!s.field.extract(c)) {
            return null;
        }
        scratch.clear();
        s.field.appendText(scratch);
        int n = scratch.length();
        byte[] a = scratch.array();
        int h = 1;
        for (int i = 0; i < n; i++) {
            h = 31 * h + a[i];
        }
        int slot = (h ^ (h >>> 16)) & (CACHED - 1);
        byte[] known = s.bytes[slot];
        if (known != null && known.length == n && Arrays.equals(known, 0, n, a, 0, n)) {
            return s.strings[slot];
        }
        String v = scratch.toString();
        s.bytes[slot] = Arrays.copyOf(a, n);
        s.strings[slot] = v;
        return v;
    }

    /** The field as a number, or {@code dflt} when it does not apply; text is read as a leading integer. */
    long number(EventContext c, String name, long dflt) {
        Slot s = slot(name);
        Field f = s.field;
        if (!f.extract(c)) {
            return dflt;
        }
        return switch (f.type) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, ERRNO, FD, PID, RELTIME, ABSTIME, PORT,
                 L4PROTO, BOOL, FLAGS8, FLAGS16, FLAGS32, UID, GID, MODE, SIGTYPE, SYSCALLID, FD32, PID32,
                 ENUMFLAGS8, ENUMFLAGS16, ENUMFLAGS32, SOCKFAMILY, SIGSET -> f.value.num;
            case DOUBLE -> (long) f.value.dbl;
            default -> {
                scratch.clear();
                f.appendText(scratch);
                yield leadingInteger(scratch, dflt);
            }
        };
    }

    boolean isNumeric(String name) {
        return switch (slot(name).field.type) {
            case CHARBUF, BYTEBUF, FSPATH, FSRELPATH, SOCKADDR, SOCKTUPLE, FDLIST, CHARBUFARRAY, CHARBUF_PAIR_ARRAY,
                 IPV4ADDR, IPV6ADDR, IPADDR, IPNET, IPV4NET, IPV6NET, DYN, NONE, DOUBLE -> false;
            default -> true;
        };
    }

    double decimal(EventContext c, String name, double dflt) {
        Field f = slot(name).field;
        if (!f.extract(c)) {
            return dflt;
        }
        return f.type == io.jdig.event.ParamType.DOUBLE ? f.value.dbl : number(c, name, (long) dflt);
    }

    private static long leadingInteger(ByteBuf b, long dflt) {
        byte[] a = b.array();
        int n = b.length();
        int i = 0;
        boolean neg = false;
        if (i < n && a[i] == '-') {
            neg = true;
            i++;
        }
        int start = i;
        long v = 0;
        while (i < n && a[i] >= '0' && a[i] <= '9') {
            v = v * 10 + (a[i] - '0');
            i++;
        }
        return i == start ? dflt : neg ? -v : v;
    }
}
