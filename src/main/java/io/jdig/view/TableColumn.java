package io.jdig.view;

import io.jdig.event.ParamType;
import io.jdig.event.PrintFormat;
import io.jdig.field.EventContext;
import io.jdig.field.Field;
import io.jdig.field.FieldRegistry;
import io.jdig.field.FieldValue;

/** One column of a running table: its field (made once) and how its values are kept and combined. */
final class TableColumn {
    final Field field;
    final ParamType type;
    final PrintFormat format;
    final Kind kind;
    final Aggregation aggregation;
    Aggregation mergeAggregation = Aggregation.NONE;
    /** Whether values add up (numbers of C types csysdig sums), worked out once. */
    final boolean summable;
    /** For {@link #wrap}: the shift that cuts a number to the type's width, and whether it sign-extends. */
    private final int wrapShift;
    private final boolean wrapSigned;

    TableColumn(String fieldText, Aggregation aggregation) {
        this.field = makeField(fieldText);
        this.type = field.type;
        this.format = field.format;
        this.kind = Kind.of(type);
        this.aggregation = aggregation;
        this.summable = Combine.summable(type);
        this.wrapShift = 64 - 8 * Kind.width(type);
        this.wrapSigned = kind == Kind.SIGNED;
    }

    /** {@link Kind#wrap} for this column's type. */
    long wrap(long v) {
        if (wrapShift == 0) {
            return v;
        }
        return wrapSigned ? (v << wrapShift) >> wrapShift : (v << wrapShift) >>> wrapShift;
    }

    static Field makeField(String text) {
        FieldRegistry.Parsed p;
        try {
            p = FieldRegistry.parse(text, 0);
        } catch (IllegalArgumentException e) {
            p = null;
        }
        if (p == null || p.end() != text.length()) {
            throw new ViewException("invalid field name " + text);
        }
        return p.field();
    }

    /** Whether the value is shown per second of capture. */
    boolean timeAveraged() {
        return aggregation == Aggregation.TIME_AVG || mergeAggregation == Aggregation.TIME_AVG;
    }

    /** Extracts the field of the current event into {@code into}; false when the field has no value. */
    boolean extract(EventContext c, Cell into) {
        if (!field.extract(c)) {
            return false;
        }
        FieldValue v = field.value;
        into.cnt = 1;
        switch (kind) {
            case SIGNED, UNSIGNED -> {
                into.num = wrap(v.num);
                into.bytes = null;
            }
            case DOUBLE -> into.dbl = v.dbl;
            case STRING -> into.bytes = cString(v);
            default -> {
                if (type == ParamType.IPADDR && v.str.length() == 4) {
                    into.bytes = Ipv4Tail.of(field.def.name(), c.fd(), io.jdig.state.NetFormat.le32(v.str.array(), 0));
                } else {
                    into.bytes = java.util.Arrays.copyOf(v.str.array(), v.str.length());
                }
            }
        }
        return true;
    }

    /**
     * Strings this column extracted lately, by a hash of their bytes, two places per hash: cells share one array
     * per distinct value (a row of another thread or file does not make a new copy each time its value comes round
     * again). Room for the few hundred values a column such as {@code evt.type} takes without a copy per event.
     */
    private final byte[][] recent = new byte[1024][];
    private int nextWay;

    /** The string this column extracted last (without a NUL, so that equal bytes need no scan for one). */
    private byte[] last = new byte[0];

    private byte[] cString(FieldValue v) {
        byte[] a = v.str.array();
        int n = v.str.length();
        byte[] l = last;
        if (n == l.length && java.util.Arrays.equals(a, 0, n, l, 0, n)) {
            return l;
        }
        last = interned(a, n);
        return last;
    }

    private byte[] interned(byte[] a, int n) {
        int h = 1;
        for (int i = 0; i < n; i++) {
            byte b = a[i];
            if (b == 0) {
                n = i;
                break;
            }
            h = 31 * h + b;
        }
        int slot = (h ^ (h >>> 16)) & (recent.length - 2); // even: the pair slot, slot + 1
        for (int w = 0; w < 2; w++) {
            byte[] seen = recent[slot + w];
            if (seen != null && java.util.Arrays.equals(a, 0, n, seen, 0, seen.length)) {
                return seen;
            }
        }
        byte[] copy = java.util.Arrays.copyOf(a, n);
        int w = recent[slot] == null ? 0 : recent[slot + 1] == null ? 1 : (nextWay ^= 1);
        recent[slot + w] = copy;
        return copy;
    }

    /** The value sysdig puts in for a missing field when the view uses defaults; false when it has none. */
    boolean setDefault(Cell into) {
        into.cnt = 0;
        into.num = 0;
        into.dbl = 0;
        into.bytes = null;
        switch (kind) {
            case SIGNED, UNSIGNED -> {
                boolean numeric = switch (type) {
                    case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, BOOL, RELTIME, ABSTIME -> true;
                    default -> false;
                };
                return numeric && format == PrintFormat.DEC;
            }
            case DOUBLE -> {
                return true;
            }
            case STRING -> {
                into.bytes = new byte[0];
                return type == ParamType.CHARBUF;
            }
            default -> {
                return false;
            }
        }
    }
}
