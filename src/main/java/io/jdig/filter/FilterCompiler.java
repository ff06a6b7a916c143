package io.jdig.filter;

import io.jdig.event.ByteBuf;
import io.jdig.event.ParamType;
import io.jdig.field.EventContext;
import io.jdig.field.Field;
import io.jdig.field.FieldDef;
import io.jdig.field.FieldRegistry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a parsed filter into a tree of predicates over fields, once. Values are converted to the field's
 * type at compile time; evaluating an event allocates nothing.
 */
public final class FilterCompiler {
    private final String text;

    private FilterCompiler(String text) {
        this.text = text;
    }

    /** Parses and compiles a filter; throws FilterException with a position for anything wrong in it. */
    public static EventPredicate compile(String filter) {
        Expr e = FilterParser.parse(filter);
        return new FilterCompiler(filter).expr(e);
    }

    private EventPredicate expr(Expr e) {
        return switch (e) {
            case Expr.And a -> {
                EventPredicate[] ps = a.children().stream().map(this::expr).toArray(EventPredicate[]::new);
                yield ps.length == 2 ? and2(ps[0], ps[1]) : c -> {
                    for (EventPredicate p : ps) {
                        if (!p.test(c)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            case Expr.Or o -> {
                EventPredicate[] ps = o.children().stream().map(this::expr).toArray(EventPredicate[]::new);
                yield c -> {
                    for (EventPredicate p : ps) {
                        if (p.test(c)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case Expr.Not n -> {
                EventPredicate p = expr(n.child());
                yield c -> !p.test(c);
            }
            case Expr.Check ch -> check(ch);
        };
    }

    private static EventPredicate and2(EventPredicate a, EventPredicate b) {
        return c -> a.test(c) && b.test(c);
    }

    private FilterException error(String msg, int pos) {
        return new FilterException(msg, pos, text);
    }

    private EventPredicate check(Expr.Check ch) {
        FieldRef ref = ch.field();
        Field f;
        try {
            f = FieldRegistry.create(ref.name(), ref.arg());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), ref.pos());
        }
        if (f == null) {
            List<String> near = FieldRegistry.closest(ref.name(), 3);
            throw error("unknown field '" + ref.name() + "'" + (near.isEmpty() ? "" : " (did you mean "
                    + String.join(", ", near) + "?)"), ref.pos());
        }
        if (f.def.has(FieldDef.PRINT_ONLY)) {
            throw error("field '" + ref.name() + "' can only be printed, not used in a filter", ref.pos());
        }
        Op op = ch.op();
        if (op == Op.EXISTS) {
            return f::extractForFilter;
        }
        List<Value.Str> values = ch.value().items();
        if (values.isEmpty() && op.kind() != Op.Kind.LIST) {
            throw error("missing value", ch.pos());
        }
        ParamType t = f.type;
        if (op == Op.REGEX) {
            throw error("operator regex is not supported", ch.pos());
        }
        return switch (kindOf(t)) {
            case NUMBER -> numeric(f, op, values);
            case BOOL -> bool(f, op, values);
            case IP -> ip(f, op, values);
            case BYTES, STRING -> string(f, op, values, t == ParamType.BYTEBUF);
        };
    }

    private enum ValueKind { NUMBER, BOOL, IP, STRING, BYTES }

    private static ValueKind kindOf(ParamType t) {
        return switch (t) {
            case BOOL -> ValueKind.BOOL;
            case IPV4ADDR, IPV6ADDR, IPADDR, IPNET, IPV4NET, IPV6NET -> ValueKind.IP;
            case BYTEBUF -> ValueKind.BYTES;
            case CHARBUF, FSPATH, FSRELPATH, SOCKADDR, SOCKTUPLE, FDLIST, CHARBUFARRAY, CHARBUF_PAIR_ARRAY, DYN ->
                    ValueKind.STRING;
            default -> ValueKind.NUMBER;
        };
    }

    // ---- numbers -----------------------------------------------------------------------------------------

    private long parseNumber(Value.Str s, ParamType t) {
        String v = s.text().trim();
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) {
                return Long.parseUnsignedLong(v.substring(2), 16);
            }
            if (v.startsWith("-")) {
                return Long.parseLong(v);
            }
            if (v.contains(".") || v.contains("e") || v.contains("E")) {
                return (long) Double.parseDouble(v);
            }
            return Long.parseUnsignedLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw error("'" + s.text() + "' is not a valid number for field of type " + t.name().toLowerCase(),
                    s.pos());
        }
    }

    private static boolean unsigned(ParamType t) {
        return switch (t) {
            case UINT64, ABSTIME, RELTIME -> true;
            default -> false;
        };
    }

    private EventPredicate numeric(Field f, Op op, List<Value.Str> values) {
        ParamType t = f.type;
        boolean uns = unsigned(t);
        switch (op) {
            case EQ, EQEQ, NE, LT, LE, GT, GE -> {
                long v = parseNumber(values.get(0), t);
                return switch (op) {
                    case EQ, EQEQ -> c -> f.extractForFilter(c) && f.value.num == v;
                    case NE -> c -> f.extractForFilter(c) && f.value.num != v;
                    case LT -> uns ? c -> f.extractForFilter(c) && Long.compareUnsigned(f.value.num, v) < 0
                            : c -> f.extractForFilter(c) && f.value.num < v;
                    case LE -> uns ? c -> f.extractForFilter(c) && Long.compareUnsigned(f.value.num, v) <= 0
                            : c -> f.extractForFilter(c) && f.value.num <= v;
                    case GT -> uns ? c -> f.extractForFilter(c) && Long.compareUnsigned(f.value.num, v) > 0
                            : c -> f.extractForFilter(c) && f.value.num > v;
                    default -> uns ? c -> f.extractForFilter(c) && Long.compareUnsigned(f.value.num, v) >= 0
                            : c -> f.extractForFilter(c) && f.value.num >= v;
                };
            }
            case IN, INTERSECTS -> {
                long[] vs = values.stream().mapToLong(s -> parseNumber(s, t)).toArray();
                return c -> {
                    if (!f.extractForFilter(c)) {
                        return false;
                    }
                    long n = f.value.num;
                    for (long v : vs) {
                        if (v == n) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            default -> throw error("operator " + op.token() + " cannot be used with numeric field '"
                    + f.text() + "'", values.isEmpty() ? 0 : values.get(0).pos());
        }
    }

    private EventPredicate bool(Field f, Op op, List<Value.Str> values) {
        if (op != Op.EQ && op != Op.EQEQ && op != Op.NE && op != Op.IN) {
            throw error("operator " + op.token() + " cannot be used with boolean field '" + f.text() + "'",
                    values.get(0).pos());
        }
        boolean[] want = new boolean[values.size()];
        for (int i = 0; i < want.length; i++) {
            String s = values.get(i).text();
            if (s.equals("true") || s.equals("1")) {
                want[i] = true;
            } else if (!(s.equals("false") || s.equals("0"))) {
                throw error("'" + s + "' is not a boolean (true or false)", values.get(i).pos());
            }
        }
        if (op == Op.NE) {
            boolean w = want[0];
            return c -> f.extractForFilter(c) && (f.value.num != 0) != w;
        }
        return c -> {
            if (!f.extractForFilter(c)) {
                return false;
            }
            boolean b = f.value.num != 0;
            for (boolean w : want) {
                if (w == b) {
                    return true;
                }
            }
            return false;
        };
    }

    // ---- addresses ---------------------------------------------------------------------------------------

    private record Net(byte[] addr, int prefix) {
        boolean contains(byte[] a, int len) {
            if (len != addr.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < len && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((a[i] & mask) != (addr[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private Net parseNet(Value.Str s) {
        String v = s.text();
        int slash = v.indexOf('/');
        String a = slash >= 0 ? v.substring(0, slash) : v;
        try {
            if (!a.matches("[0-9a-fA-F.:]+")) {
                throw new UnknownHostException(a);
            }
            byte[] addr = InetAddress.getByName(a).getAddress();
            int prefix = slash >= 0 ? Integer.parseInt(v.substring(slash + 1)) : addr.length * 8;
            return new Net(addr, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw error("'" + v + "' is not a valid IP address or network", s.pos());
        }
    }

    private EventPredicate ip(Field f, Op op, List<Value.Str> values) {
        if (op != Op.EQ && op != Op.EQEQ && op != Op.NE && op != Op.IN && op != Op.INTERSECTS) {
            throw error("operator " + op.token() + " cannot be used with address field '" + f.text() + "'",
                    values.get(0).pos());
        }
        Net[] nets = values.stream().map(this::parseNet).toArray(Net[]::new);
        byte[] tmp = new byte[16];
        EventPredicate any = c -> {
            for (int i = 0; f.extractAtForFilter(c, i); i++) {
                int len = f.ipBytes(tmp);
                for (Net n : nets) {
                    if (n.contains(tmp, len)) {
                        return true;
                    }
                }
            }
            return false;
        };
        if (op == Op.NE) {
            return c -> f.extractForFilter(c) && !any.test(c);
        }
        return any;
    }

    // ---- strings ------------------------------------------------------------------------------------------

    private EventPredicate string(Field f, Op op, List<Value.Str> values, boolean buffer) {
        BytePattern p;
        switch (op) {
            case EQ, EQEQ, NE -> p = BytePattern.equalTo(values.get(0).bytes());
            case CONTAINS -> p = BytePattern.contains(values.get(0).bytes());
            case ICONTAINS -> p = BytePattern.icontains(values.get(0).bytes());
            case STARTSWITH -> p = BytePattern.startsWith(values.get(0).bytes());
            case ENDSWITH -> p = BytePattern.endsWith(values.get(0).bytes());
            case GLOB -> p = BytePattern.glob(values.get(0).bytes());
            case IGLOB -> p = BytePattern.iglob(values.get(0).bytes());
            case BCONTAINS, BSTARTSWITH -> {
                byte[] raw;
                try {
                    raw = Hex.decode(values.get(0).text());
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage(), values.get(0).pos());
                }
                p = op == Op.BCONTAINS ? BytePattern.contains(raw) : BytePattern.startsWith(raw);
            }
            case PMATCH -> {
                List<byte[]> paths = new ArrayList<>();
                for (Value.Str s : values) {
                    paths.add(s.bytes());
                }
                p = BytePattern.pmatch(paths);
            }
            case IN, INTERSECTS -> {
                BytePattern[] ps = values.stream().map(s -> BytePattern.equalTo(s.bytes())).toArray(BytePattern[]::new);
                return c -> {
                    for (int i = 0; f.extractAtForFilter(c, i); i++) {
                        ByteBuf s = f.value.str;
                        for (BytePattern x : ps) {
                            if (x.matches(s.array(), 0, s.length())) {
                                return true;
                            }
                        }
                    }
                    return false;
                };
            }
            case LT, LE, GT, GE -> {
                byte[] v = values.get(0).bytes();
                return c -> {
                    if (!f.extractForFilter(c)) {
                        return false;
                    }
                    ByteBuf s = f.value.str;
                    int cmp = java.util.Arrays.compareUnsigned(s.array(), 0, cstrlen(s), v, 0, v.length);
                    return switch (op) {
                        case LT -> cmp < 0;
                        case LE -> cmp <= 0;
                        case GT -> cmp > 0;
                        default -> cmp >= 0;
                    };
                };
            }
            default -> throw error("operator " + op.token() + " is not supported", values.get(0).pos());
        }
        BytePattern pat = p;
        if (op == Op.NE) {
            return c -> {
                if (!f.extractForFilter(c)) {
                    return false;
                }
                for (int i = 0; f.extractAtForFilter(c, i); i++) {
                    ByteBuf s = f.value.str;
                    if (pat.matches(s.array(), 0, s.length())) {
                        return false;
                    }
                }
                return true;
            };
        }
        return c -> {
            for (int i = 0; f.extractAtForFilter(c, i); i++) {
                ByteBuf s = f.value.str;
                if (pat.matches(s.array(), 0, s.length())) {
                    return true;
                }
            }
            return false;
        };
    }

    private static int cstrlen(ByteBuf s) {
        byte[] a = s.array();
        for (int i = 0; i < s.length(); i++) {
            if (a[i] == 0) {
                return i;
            }
        }
        return s.length();
    }
}
