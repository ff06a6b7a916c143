package io.jdig.event;

import java.nio.charset.StandardCharsets;

/**
 * One name table of the driver (e.g. {@code file_flags}, {@code socket_families}, {@code chmod_mode}): an ordered
 * list of (value, name) entries that sysdig uses to show the meaning of PT_FLAGS*, PT_ENUMFLAGS* and PT_MODE
 * parameters in parentheses, as in {@code flags=4097(O_RDONLY|O_CLOEXEC)}.
 *
 * <p>Entry order matters: it decides which names are printed and in which order. Values are the driver's 32-bit
 * PPM_* encodings (not raw Linux values); a parameter value is taken as an unsigned 32-bit number.
 */
public final class FlagTable {
    private static final byte SEPARATOR = '|';

    private final String name;
    private final boolean isEnum;
    private final boolean headOnly;
    private final int[] values;
    private final byte[][] names;

    FlagTable(String name, boolean isEnum, boolean headOnly, int[] values, byte[][] names) {
        this.name = name;
        this.isEnum = isEnum;
        this.headOnly = headOnly;
        this.values = values;
        this.names = names;
    }

    /** The table's name as the event table references it, e.g. {@code file_flags}. */
    public String name() {
        return name;
    }

    /**
     * Whether newer libs declare the parameters using this table as PT_ENUMFLAGS (one value, exact match) rather
     * than as bit flags. sysdig 0.29 has no PT_ENUMFLAGS and walks every table as bit flags
     * ({@link #appendResolved}); {@link #appendExactMatch} is the newer rendering.
     */
    public boolean isEnum() {
        return isEnum;
    }

    /** True for tables that libs e5c53d6 (sysdig 0.29.3) does not have; they come from newer libs. */
    public boolean headOnly() {
        return headOnly;
    }

    public int size() {
        return values.length;
    }

    /** The value of entry i, as an unsigned 32-bit number. */
    public long value(int i) {
        return values[i] & 0xFFFF_FFFFL;
    }

    public String name(int i) {
        return new String(names[i], StandardCharsets.US_ASCII);
    }

    /** The name of entry i as ASCII bytes; do not modify. */
    public byte[] nameBytes(int i) {
        return names[i];
    }

    /**
     * Appends what sysdig 0.29 prints inside the parentheses for this value, using its bit-flag walk:
     * entries are visited in table order until one equals the whole value; a non-zero entry whose bits are all
     * still set in the remaining value is printed and its bits are cleared from the remaining value (a zero entry
     * only ever matches a zero value); the entry equal to the whole value, if any, is printed last. Names are
     * joined with {@code |}.
     *
     * @param value the parameter value; only its low 32 bits are used
     * @return false (and nothing appended) when no name applies; sysdig then prints the bare number
     */
    public boolean appendResolved(long value, ByteBuf out) {
        final int initial = (int) value;
        final int[] v = values;
        final int n = v.length;
        int rest = initial;
        boolean any = false;
        int i = 0;
        for (; i < n; i++) {
            int e = v[i];
            if (e == initial) {
                break;
            }
            // e == 0 cannot match here: a zero entry only matches a zero value, and that ends the walk above.
            if (e != 0 && rest != 0 && (rest & e) == e) {
                if (any) {
                    out.append(SEPARATOR);
                }
                out.append(names[i]);
                any = true;
                rest &= ~e;
            }
        }
        if (i < n) {
            if (any) {
                out.append(SEPARATOR);
            }
            out.append(names[i]);
            any = true;
        }
        return any;
    }

    /**
     * The newer libs' PT_ENUMFLAGS rendering: every entry equal to the value, joined with {@code |} in table
     * order (e.g. {@code AF_LOCAL|AF_UNIX} for 1 in {@code socket_families}).
     *
     * @return false (and nothing appended) when no entry equals the value
     */
    public boolean appendExactMatch(long value, ByteBuf out) {
        final int wanted = (int) value;
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == wanted) {
                if (any) {
                    out.append(SEPARATOR);
                }
                out.append(names[i]);
                any = true;
            }
        }
        return any;
    }

    /**
     * The indexes of the entries {@link #appendResolved} would print, in print order (for JSON arrays and the
     * like). {@code into} must hold at least {@link #size()} elements.
     *
     * @return how many indexes were written
     */
    public int resolvedIndexes(long value, int[] into) {
        final int initial = (int) value;
        int rest = initial;
        int count = 0;
        int i = 0;
        for (; i < values.length; i++) {
            int e = values[i];
            if (e == initial) {
                break;
            }
            if (e != 0 && rest != 0 && (rest & e) == e) {
                into[count++] = i;
                rest &= ~e;
            }
        }
        if (i < values.length) {
            into[count++] = i;
        }
        return count;
    }

    /** {@link #appendResolved} as a string, or "" when nothing applies. Allocates: not for the hot path. */
    public String resolve(long value) {
        ByteBuf b = new ByteBuf(64);
        appendResolved(value, b);
        return b.toString();
    }

    @Override
    public String toString() {
        return (isEnum ? "enum " : "flags ") + name + " (" + values.length + " entries)";
    }
}
