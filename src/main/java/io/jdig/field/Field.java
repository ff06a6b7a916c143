package io.jdig.field;

import io.jdig.event.ByteBuf;
import io.jdig.event.ParamType;
import io.jdig.event.PrintFormat;
import io.jdig.state.NetFormat;

/**
 * One use of a field (for instance {@code proc.aname[2]} in a format): extracts its value for the current event
 * and renders it as text or JSON as sysdig does. Instances own their scratch space, so extraction does not
 * allocate.
 */
public class Field {
    public final FieldDef def;
    public final String arg;
    /** Type and print format of the values; usually the definition's, but evt.rawarg takes its argument's. */
    public ParamType type;
    public PrintFormat format;
    protected final Extractor extractor;
    public final FieldValue value = new FieldValue();

    public Field(FieldDef def, String arg, Extractor extractor) {
        this.def = def;
        this.arg = arg;
        this.type = def.type();
        this.format = def.format();
        this.extractor = extractor;
    }

    /** The field as written, e.g. {@code proc.aname[2]}. */
    public String text() {
        if (arg == null) {
            return def.name();
        }
        return def.argSyntax() == FieldDef.ArgSyntax.NAME && !arg.startsWith("[")
                ? def.name() + "." + arg : def.name() + "[" + arg + "]";
    }

    public boolean extract(EventContext c) {
        value.str.clear();
        return extractor.extract(c, value);
    }

    /** Whether extracting changes what the next extraction gives (see {@link Extractor#keepsState()}). */
    public boolean keepsState() {
        return extractor != null && extractor.keepsState();
    }

    /**
     * Whether this field certainly has no value for events of that kind (see {@link Extractor#absentFor}); a
     * subclass that extracts in its own way says so only where it knows.
     */
    public boolean absentFor(io.jdig.event.EventInfo kind) {
        return getClass() == Field.class && extractor != null && extractor.absentFor(kind);
    }

    /** Extracts the value a filter compares (raw data where the printed form differs, as for evt.buffer). */
    public boolean extractForFilter(EventContext c) {
        return extract(c);
    }

    /**
     * For fields that match any of several values (proc.aname without index, fd.ip on either end): extracts
     * the i-th value; single-valued fields have only i = 0.
     */
    public boolean extractAtForFilter(EventContext c, int i) {
        return i == 0 && extractForFilter(c);
    }

    /**
     * True for fields that match several values in filters (proc.aname without index, fd.ip, fd.port...):
     * the compiler then walks {@link #extractAtForFilter} for i = 0, 1, ... until it returns false.
     */
    public boolean isMultiValued() {
        return false;
    }

    /**
     * For multi-valued fields: whether '!=' means "differs from every value" (fd.ip, fd.port: neither end
     * matches) rather than "some value differs" (ancestors).
     */
    public boolean notEqualMeansNone() {
        return false;
    }

    /** Copies the current value as address bytes (4 or 16) into dst; returns how many. */
    public int ipBytes(byte[] dst) {
        if (type == ParamType.IPV4ADDR) {
            int v = (int) value.num;
            dst[0] = (byte) v;
            dst[1] = (byte) (v >>> 8);
            dst[2] = (byte) (v >>> 16);
            dst[3] = (byte) (v >>> 24);
            return 4;
        }
        int n = Math.min(16, value.str.length());
        System.arraycopy(value.str.array(), 0, dst, 0, n);
        return n;
    }

    /** Appends the text rendering of the current value (after a successful {@link #extract}). */
    public void appendText(ByteBuf out) {
        FieldValue v = value;
        switch (type) {
            case INT8, INT16, INT32, INT64, PID, ERRNO, FD -> {
                switch (format) {
                    case OCT -> out.appendOctal(mask(v.num));
                    case HEX -> out.appendHex(mask(v.num), true);
                    case PADDED_DEC -> padded(out, v.num);
                    default -> out.append(v.num);
                }
            }
            case UINT8, UINT16, UINT32, L4PROTO, PORT, UID, GID, SIGTYPE, FLAGS8, FLAGS16, FLAGS32 -> {
                if (format == PrintFormat.OCT) {
                    out.appendOctal(v.num);
                } else {
                    out.appendUnsigned(v.num);
                }
            }
            case UINT64, RELTIME, ABSTIME -> {
                switch (format) {
                    case OCT -> out.appendOctal(v.num);
                    case HEX -> out.appendHex(v.num, true);
                    case PADDED_DEC -> {
                        String s = Long.toUnsignedString(v.num);
                        for (int i = s.length(); i < 9; i++) {
                            out.append((byte) '0');
                        }
                        out.append(s);
                    }
                    default -> out.appendUnsigned(v.num);
                }
            }
            case BOOL -> out.append(v.num != 0 ? "true" : "false");
            case IPV4ADDR -> NetFormat.appendIpv4(out, (int) v.num);
            case IPV6ADDR, IPADDR -> appendIp(out, v);
            case DOUBLE -> out.append(CFormat.fixed(v.dbl, 1));
            default -> appendCString(out, v.str);
        }
    }

    private long mask(long n) {
        return switch (type) {
            case INT8 -> n & 0xFF;
            case INT16 -> n & 0xFFFF;
            case INT32 -> n & 0xFFFFFFFFL;
            default -> n;
        };
    }

    private static void padded(ByteBuf out, long n) {
        if (n < 0) {
            out.append((byte) '-').appendPadded(-n, 8);
        } else {
            out.appendPadded(n, 9);
        }
    }

    private static void appendIp(ByteBuf out, FieldValue v) {
        if (v.str.length() == 4) {
            NetFormat.appendIpv4(out, NetFormat.le32(v.str.array(), 0));
        } else if (v.str.length() == 16) {
            NetFormat.appendIpv6(out, v.str.array(), 0);
        }
    }

    /** Strings are C strings in sysdig: a NUL ends them. */
    private static void appendCString(ByteBuf out, ByteBuf s) {
        byte[] a = s.array();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                out.append(a, 0, i);
                return;
            }
        }
        out.append(a, 0, n);
    }

    /** True when the JSON form of the value is a JSON number (else it is a string or a boolean). */
    public boolean jsonIsNumber() {
        return switch (type) {
            case INT8, INT16, INT32, UINT8, UINT16, UINT32, L4PROTO, PORT, UINT64, RELTIME, ABSTIME ->
                    format == PrintFormat.DEC || format == PrintFormat.ID;
            case INT64, PID -> format == PrintFormat.DEC || format == PrintFormat.ID;
            case DOUBLE -> true;
            default -> false;
        };
    }

    /** Appends the JSON rendering of the current value. */
    public void appendJson(ByteBuf out, ByteBuf scratch) {
        if (type == ParamType.BOOL) {
            out.append(value.num != 0 ? "true" : "false");
            return;
        }
        if (jsonIsNumber()) {
            if (type == ParamType.DOUBLE) {
                out.append(CFormat.g(value.dbl, 17));
            } else {
                appendText(out);
            }
            return;
        }
        scratch.clear();
        appendText(scratch);
        Json.appendString(out, scratch.array(), 0, scratch.length());
    }
}
