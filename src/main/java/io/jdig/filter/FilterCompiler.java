package io.jdig.filter;

import io.jdig.event.ByteBuf;
import io.jdig.event.ParamType;
import io.jdig.field.EventContext;
import io.jdig.field.Field;
import io.jdig.field.FieldDef;
import io.jdig.field.FieldRegistry;
import io.jdig.state.Services;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a parsed filter into a tree of predicates over fields, once. Values are converted to the field's
 * type at compile time, with sysdig 0.29's rules (numbers truncated to the field's width, booleans spelled
 * true/false, IP addresses and CIDR networks, service names for ports); comparisons are those of its
 * {@code flt_compare}. Evaluating an event allocates nothing.
 *
 * <p>Where sysdig would only fail when the first event is compared (an operator a type does not support, a
 * value type it cannot parse), jdig refuses the filter at once, with the position of the problem.
 */
public final class FilterCompiler {
    private final String text;

    private FilterCompiler(String text) {
        this.text = text;
    }

    /** Parses and compiles a filter; throws FilterException with a position for anything wrong in it. */
    public static EventPredicate compile(String filter) {
        return compile(filter, true);
    }

    /** As {@link #compile(String)}; {@code byKind} false leaves out the turning away by kind of event (for tests). */
    static EventPredicate compile(String filter, boolean byKind) {
        Expr e = FilterParser.parse(filter);
        FilterCompiler fc = new FilterCompiler(filter);
        try {
            EventPredicate p = fc.expr(e);
            boolean[] may = byKind ? fc.kindsThatMayPass(e) : null;
            if (may == null) {
                return p;
            }
            int n = may.length;
            return c -> {
                int t = c.ev.type();
                return (t >= n || may[t]) && p.test(c);
            };
        } catch (FilterException x) {
            throw x;
        } catch (RuntimeException x) {
            throw new FilterException("cannot compile filter (" + x + ")", e.pos(), filter);
        }
    }

    /** The checks whose field certainly has no value for some kinds of event, with the field. */
    private final java.util.IdentityHashMap<Expr.Check, Field> checked = new java.util.IdentityHashMap<>();

    private boolean statefulField;

    private enum Tri { FALSE, TRUE, UNKNOWN }

    /**
     * For each kind of event (by number), whether the filter may accept an event of that kind, worked out from
     * what its checks can see of a kind alone (fd fields on events without an fd, evt.type); null when every kind
     * may pass. The compiled filter then turns the others away at once.
     */
    private boolean[] kindsThatMayPass(Expr e) {
        if (statefulField) {
            return null; // a field that must see every event it is asked about decides on its own
        }
        int n = io.jdig.event.EventTable.size();
        boolean[] may = new boolean[n];
        boolean any = false;
        for (int t = 0; t < n; t++) {
            io.jdig.event.EventInfo kind = io.jdig.event.EventTable.get(t);
            may[t] = kind == null || eval(e, kind) != Tri.FALSE;
            any |= !may[t];
        }
        return any ? may : null;
    }

    private Tri eval(Expr e, io.jdig.event.EventInfo kind) {
        return switch (e) {
            case Expr.And a -> {
                Tri r = Tri.TRUE;
                for (Expr child : a.children()) {
                    Tri x = eval(child, kind);
                    if (x == Tri.FALSE) {
                        yield Tri.FALSE;
                    }
                    if (x == Tri.UNKNOWN) {
                        r = Tri.UNKNOWN;
                    }
                }
                yield r;
            }
            case Expr.Or o -> {
                Tri r = Tri.FALSE;
                for (Expr child : o.children()) {
                    Tri x = eval(child, kind);
                    if (x == Tri.TRUE) {
                        yield Tri.TRUE;
                    }
                    if (x == Tri.UNKNOWN) {
                        r = Tri.UNKNOWN;
                    }
                }
                yield r;
            }
            case Expr.Not n -> switch (eval(n.child(), kind)) {
                case FALSE -> Tri.TRUE;
                case TRUE -> Tri.FALSE;
                case UNKNOWN -> Tri.UNKNOWN;
            };
            case Expr.Check ch -> evalCheck(ch, kind);
        };
    }

    private Tri evalCheck(Expr.Check ch, io.jdig.event.EventInfo kind) {
        Field f = checked.get(ch);
        if (f == null) {
            return Tri.UNKNOWN;
        }
        if (f.absentFor(kind)) {
            return Tri.FALSE; // no value: every operator answers false
        }
        if (f.def.name().equals("evt.type") && f.arg == null && kind.id() != io.jdig.event.EventTypes.GENERIC_E
                && kind.id() != io.jdig.event.EventTypes.GENERIC_X) {
            // the name of the kind (generic events take theirs from the call's number)
            boolean listed = false;
            for (Value.Str v : ch.value().items()) {
                listed |= v.text().equals(kind.name());
            }
            return switch (ch.op()) {
                case EQ, EQEQ, IN -> listed ? Tri.TRUE : Tri.FALSE;
                case NE -> ch.value().items().size() == 1 ? (listed ? Tri.FALSE : Tri.TRUE) : Tri.UNKNOWN;
                default -> Tri.UNKNOWN;
            };
        }
        return Tri.UNKNOWN;
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
                EventPredicate[] ps = alternatives(o.children());
                yield ps.length == 1 ? ps[0] : ps.length == 2 ? or2(ps[0], ps[1]) : c -> {
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
            case Expr.Check ch -> check(ch).predicate();
        };
    }

    /**
     * The predicates of an {@code or}'s children, where neighbouring plain checks of one field
     * ({@code fd.type=ipv4 or fd.type=ipv6}) become one that extracts the field once and tries each check's test
     * on the value: the same answers, one extraction instead of several.
     */
    private EventPredicate[] alternatives(List<Expr> children) {
        List<EventPredicate> out = new ArrayList<>();
        List<Compiled> run = new ArrayList<>();
        for (Expr child : children) {
            Compiled c = child instanceof Expr.Check ch ? check(ch) : null;
            if (c == null || c.field() == null || !run.isEmpty() && !sameField(run.get(0).field(), c.field())) {
                flush(run, out);
            }
            if (c != null && c.field() != null) {
                run.add(c);
            } else {
                out.add(c != null ? c.predicate() : expr(child));
            }
        }
        flush(run, out);
        return out.toArray(EventPredicate[]::new);
    }

    private static boolean sameField(Field a, Field b) {
        return a.text().equals(b.text());
    }

    private static void flush(List<Compiled> run, List<EventPredicate> out) {
        if (run.size() == 1) {
            out.add(run.get(0).predicate());
        } else if (!run.isEmpty()) {
            Field f = run.get(0).field();
            ValueTest[] tests = run.stream().map(Compiled::test).toArray(ValueTest[]::new);
            out.add(tests.length == 2 ? eitherOf(f, tests[0], tests[1]) : c -> {
                if (!f.extractForFilter(c)) {
                    return false;
                }
                for (ValueTest t : tests) {
                    if (t.test(f)) {
                        return true;
                    }
                }
                return false;
            });
        }
        run.clear();
    }

    private static EventPredicate eitherOf(Field f, ValueTest a, ValueTest b) {
        return c -> f.extractForFilter(c) && (a.test(f) || b.test(f));
    }

    /**
     * A compiled check: its predicate, and for a plain one (a single-valued field that keeps no state, and one test
     * of its value) the field and the test, which an {@code or} may share with its neighbours.
     */
    private record Compiled(EventPredicate predicate, Field field, ValueTest test) {
        static Compiled of(EventPredicate p) {
            return new Compiled(p, null, null);
        }

        static Compiled plain(Field f, ValueTest t) {
            return new Compiled(c -> f.extractForFilter(c) && t.test(f), f.keepsState() ? null : f, t);
        }
    }

    private static EventPredicate and2(EventPredicate a, EventPredicate b) {
        return c -> a.test(c) && b.test(c);
    }

    private static EventPredicate or2(EventPredicate a, EventPredicate b) {
        return c -> a.test(c) || b.test(c);
    }

    private FilterException error(String msg, int pos) {
        return new FilterException(msg, pos, text);
    }

    /** A test of the value a field has just extracted. */
    @FunctionalInterface
    interface ValueTest {
        boolean test(Field f);
    }

    private Compiled check(Expr.Check ch) {
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
        statefulField |= f.keepsState();
        if (f.def.has(FieldDef.PRINT_ONLY)) {
            throw error("field '" + ref.name() + "' can only be printed, not used in a filter", ref.pos());
        }
        Op op = ch.op();
        int vpos = ch.value().pos() >= 0 ? ch.value().pos() : ref.endPos();
        if (op == Op.REGEX) {
            throw error("operator regex is not supported (sysdig 0.29 has no regex)", vpos);
        }
        List<Value.Str> values = ch.value().items();
        if (op != Op.EXISTS && values.isEmpty()) {
            throw error("operator " + op.token() + " needs at least one value", vpos);
        }
        if (f instanceof io.jdig.field.FieldKinds.Around) {
            return Compiled.of(around(f, op, values, vpos));
        }
        if (f.isMultiValued() && f.notEqualMeansNone() && op == Op.EXISTS) {
            throw error("field '" + f.text() + "' can only be compared with =, != or in", vpos);
        }
        ValueTest t = op == Op.EXISTS ? x -> true : test(f, op, values, vpos);
        if (f instanceof io.jdig.field.FieldKinds.DomainName d) {
            // names are never known: sysdig answers false, except that '!=' holds for connected sockets
            return Compiled.of(op == Op.NE ? d::connectedSocket : c -> false);
        }
        checked.put(ch, f); // from here on, no value means false
        if (!f.isMultiValued()) {
            return Compiled.plain(f, t);
        }
        if (op == Op.NE && f.notEqualMeansNone()) {
            ValueTest eq = test(f, Op.EQ, values, vpos);
            return Compiled.of(c -> {
                if (!f.extractAtForFilter(c, 0)) {
                    return false;
                }
                for (int i = 0; f.extractAtForFilter(c, i); i++) {
                    if (eq.test(f)) {
                        return false;
                    }
                }
                return true;
            });
        }
        return Compiled.of(c -> {
            for (int i = 0; f.extractAtForFilter(c, i); i++) {
                if (t.test(f)) {
                    return true;
                }
            }
            return false;
        });
    }

    private enum Kind { NUMBER, BOOL, IP, NET, STRING, BYTES }

    private Kind kindOf(Field f, int pos) {
        return switch (f.type) {
            case BOOL -> Kind.BOOL;
            case IPV4ADDR, IPV6ADDR, IPADDR -> Kind.IP;
            case IPNET, IPV4NET, IPV6NET -> Kind.NET;
            case BYTEBUF -> Kind.BYTES;
            case CHARBUF, FSPATH, FSRELPATH -> Kind.STRING;
            case INT8, INT16, INT32, INT64, FD, ERRNO, UINT8, UINT16, UINT32, UINT64, FLAGS8, FLAGS16, FLAGS32,
                 MODE, PORT, L4PROTO, RELTIME, ABSTIME -> Kind.NUMBER;
            default -> throw error("field '" + f.text() + "' has type " + f.type.name()
                    + ", which the filter language cannot compare with a value (as in sysdig)", pos);
        };
    }

    private ValueTest test(Field f, Op op, List<Value.Str> values, int pos) {
        Kind k = kindOf(f, pos);
        return switch (k) {
            case NUMBER, BOOL -> numeric(f, op, values, k == Kind.BOOL);
            case IP -> ip(f, op, values);
            case NET -> net(f, op, values);
            case STRING -> string(f, op, values);
            case BYTES -> bytes(f, op, values);
        };
    }

    // ---- evt.around ---------------------------------------------------------------------------------------

    private EventPredicate around(Field f, Op op, List<Value.Str> values, int pos) {
        if (!op.isEquality()) {
            throw error("evt.around supports only the '=' operator: evt.around[T]=D", pos);
        }
        long center = ((io.jdig.field.FieldKinds.Around) f).center();
        long delta = parseUnsigned(values.get(0), 64) * 1_000_000L;
        return c -> {
            long ts = c.ev.ts();
            return Long.compareUnsigned(center, ts - delta) >= 0 && Long.compareUnsigned(center, ts + delta) <= 0;
        };
    }

    // ---- numbers ------------------------------------------------------------------------------------------

    private static int width(ParamType t) {
        return switch (t) {
            case INT8, UINT8, FLAGS8, L4PROTO -> 8;
            case INT16, UINT16, FLAGS16, PORT -> 16;
            case INT32, UINT32, FLAGS32, MODE, BOOL, IPV4ADDR -> 32;
            default -> 64;
        };
    }

    private static boolean signed(ParamType t) {
        return switch (t) {
            case INT8, INT16, INT32, INT64, FD, ERRNO, PID -> true;
            default -> false;
        };
    }

    /** A value brought to the field's width: sign-extended for signed types, masked for unsigned ones. */
    static long norm(long v, ParamType t) {
        int w = width(t);
        if (w == 64) {
            return v;
        }
        return signed(t) ? (v << (64 - w)) >> (64 - w) : v & ((1L << w) - 1);
    }

    /** Parses a number as C's sscanf("%d"/"%u") does: blanks, a sign, decimal digits, nothing after. */
    private long parseC(Value.Str s, boolean unsignedType) {
        String v = s.text();
        int i = 0;
        int n = v.length();
        while (i < n && Character.isWhitespace(v.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            neg = v.charAt(i) == '-';
            i++;
        }
        int start = i;
        long r = 0;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            r = r * 10 + (v.charAt(i) - '0');
            i++;
        }
        if (i == start || i != n) {
            throw error("'" + v + "' is not a valid number", s.pos());
        }
        return neg ? -r : r;
    }

    private long parseUnsigned(Value.Str s, int bits) {
        return parseC(s, true);
    }

    /** The filter value as a number of the field's type. */
    private long numberValue(Field f, Value.Str s, boolean bool) {
        ParamType t = f.type;
        if (bool) {
            if (s.text().equals("true")) {
                return 1;
            }
            if (s.text().equals("false")) {
                return 0;
            }
            throw error("unrecognized boolean value '" + s.text() + "' (use true or false)", s.pos());
        }
        if (t == ParamType.PORT) {
            String v = s.text();
            if (v.isEmpty()) {
                return 0;
            }
            if (v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return norm(new java.math.BigInteger(v).longValue(), t);
            }
            Integer p = Services.port(v);
            if (p == null) {
                throw error("unrecognized protocol '" + v + "' (not a port number or a service name)", s.pos());
            }
            return p;
        }
        return norm(parseC(s, !signed(t)), t);
    }

    private ValueTest numeric(Field f, Op op, List<Value.Str> values, boolean bool) {
        ParamType t = f.type;
        boolean uns = !signed(t);
        switch (op) {
            case EQ, EQEQ, NE, LT, LE, GT, GE -> {
                long v = numberValue(f, values.get(0), bool);
                return switch (op) {
                    case EQ, EQEQ -> x -> norm(x.value.num, t) == v;
                    case NE -> x -> norm(x.value.num, t) != v;
                    case LT -> uns ? x -> Long.compareUnsigned(norm(x.value.num, t), v) < 0
                            : x -> norm(x.value.num, t) < v;
                    case LE -> uns ? x -> Long.compareUnsigned(norm(x.value.num, t), v) <= 0
                            : x -> norm(x.value.num, t) <= v;
                    case GT -> uns ? x -> Long.compareUnsigned(norm(x.value.num, t), v) > 0
                            : x -> norm(x.value.num, t) > v;
                    default -> uns ? x -> Long.compareUnsigned(norm(x.value.num, t), v) >= 0
                            : x -> norm(x.value.num, t) >= v;
                };
            }
            case IN, INTERSECTS -> {
                long[] vs = new long[values.size()];
                for (int i = 0; i < vs.length; i++) {
                    vs[i] = numberValue(f, values.get(i), bool);
                }
                return x -> {
                    long n = norm(x.value.num, t);
                    for (long v : vs) {
                        if (v == n) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case PMATCH -> throw error("pmatch needs a string field; '" + f.text() + "' is "
                    + (bool ? "a boolean" : "numeric"), values.get(0).pos());
            default -> throw error("operator " + op.token() + " cannot be used with " + (bool ? "boolean" : "numeric")
                    + " field '" + f.text() + "' (use =, !=, <, <=, >, >=, in)", values.get(0).pos());
        }
    }

    // ---- addresses ----------------------------------------------------------------------------------------

    private byte[] parseAddr(String a, int pos, boolean v6) {
        try {
            if (v6 ? !a.matches("[0-9a-fA-F:.]+") || a.indexOf(':') < 0 : !a.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
                throw new UnknownHostException(a);
            }
            byte[] b = InetAddress.getByName(a).getAddress();
            if (v6 && b.length == 4) {
                byte[] m = new byte[16];
                m[10] = (byte) 0xff;
                m[11] = (byte) 0xff;
                System.arraycopy(b, 0, m, 12, 4);
                b = m;
            }
            return b;
        } catch (UnknownHostException e) {
            throw error("unrecognized " + (v6 ? "IPv6" : "IPv4") + " address '" + a + "'", pos);
        }
    }

    /** An address value: IPv4 when it contains a '.', else IPv6, as sysdig parses them. */
    private byte[] addrValue(Value.Str s) {
        String v = s.text();
        return parseAddr(v, s.pos(), v.indexOf('.') < 0);
    }

    private static boolean sameAddr(Field f, byte[] want) {
        ByteBuf s = f.value.str;
        int n = s.length();
        byte[] a = s.array();
        if (n == 4) {
            // sysdig compares 4 bytes whatever the value's family
            for (int i = 0; i < 4; i++) {
                if (a[i] != want[i]) {
                    return false;
                }
            }
            return true;
        }
        if (n == 16 && want.length == 16) {
            return java.util.Arrays.equals(a, 0, 16, want, 0, 16);
        }
        return false;
    }

    private static long v4(byte[] a) {
        return (a[0] & 0xFFL) | (a[1] & 0xFFL) << 8 | (a[2] & 0xFFL) << 16 | (a[3] & 0xFFL) << 24;
    }

    private ValueTest ip(Field f, Op op, List<Value.Str> values) {
        List<byte[]> addrs = new ArrayList<>();
        for (Value.Str s : values) {
            addrs.add(addrValue(s));
        }
        byte[] first = addrs.get(0);
        switch (op) {
            case EQ, EQEQ -> {
                return x -> sameAddr(x, first);
            }
            case NE -> {
                return x -> !sameAddr(x, first);
            }
            case IN, INTERSECTS -> {
                byte[][] all = addrs.toArray(byte[][]::new);
                return x -> {
                    for (byte[] a : all) {
                        if (sameAddr(x, a)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case LT, LE, GT, GE -> {
                if (f.isMultiValued()) {
                    break;
                }
                // IPv4 addresses compare as sysdig's 32-bit numbers; IPv6 ones cannot be ordered
                long w = v4(first);
                return x -> {
                    if (x.value.str.length() != 4) {
                        return false;
                    }
                    long n = v4(x.value.str.array());
                    int cmp = Long.compare(n, w);
                    return switch (op) {
                        case LT -> cmp < 0;
                        case LE -> cmp <= 0;
                        case GT -> cmp > 0;
                        default -> cmp >= 0;
                    };
                };
            }
            default -> {
            }
        }
        throw error("operator " + op.token() + " cannot be used with address field '" + f.text()
                + "' (use =, != or in)", values.get(0).pos());
    }

    /** A network: an IPv4 CIDR (a.b.c.d/n, the slash is required) or an IPv6 address matched on 64 bits. */
    private record Net(byte[] addr, int prefix) {
        boolean contains(ByteBuf s) {
            int n = s.length();
            byte[] a = s.array();
            if (n == 4) {
                int bits = addr.length == 4 ? prefix : 0;
                for (int i = 0; i < 4 && bits > 0; i++, bits -= 8) {
                    int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                    if ((a[i] & mask) != (addr[i] & mask)) {
                        return false;
                    }
                }
                return true;
            }
            if (n == 16 && addr.length == 16) {
                return java.util.Arrays.equals(a, 0, 8, addr, 0, 8);
            }
            return false;
        }
    }

    private Net parseNet(Value.Str s) {
        String v = s.text();
        if (v.indexOf('.') >= 0) {
            int slash = v.indexOf('/');
            if (slash < 0) {
                throw error("unrecognized IP network '" + v + "' (write it as address/prefix, e.g. 10.0.0.0/8)",
                        s.pos());
            }
            byte[] a = parseAddr(v.substring(0, slash), s.pos(), false);
            int prefix;
            try {
                prefix = Integer.parseInt(v.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                throw error("invalid netmask '" + v.substring(slash + 1) + "'", s.pos());
            }
            if (prefix < 0 || prefix > 32) {
                throw error("invalid netmask '" + v.substring(slash + 1) + "'", s.pos());
            }
            return new Net(a, prefix);
        }
        return new Net(parseAddr(v, s.pos(), true), 64);
    }

    private ValueTest net(Field f, Op op, List<Value.Str> values) {
        Net[] nets = new Net[values.size()];
        for (int i = 0; i < nets.length; i++) {
            nets[i] = parseNet(values.get(i));
        }
        return switch (op) {
            case EQ, EQEQ -> x -> nets[0].contains(x.value.str);
            case NE -> x -> !nets[0].contains(x.value.str);
            case IN, INTERSECTS -> x -> {
                for (Net n : nets) {
                    if (n.contains(x.value.str)) {
                        return true;
                    }
                }
                return false;
            };
            default -> throw error("operator " + op.token() + " cannot be used with network field '" + f.text()
                    + "' (use =, != or in)", values.get(0).pos());
        };
    }

    // ---- strings ------------------------------------------------------------------------------------------

    private static int cstrlen(ByteBuf s) {
        byte[] a = s.array();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                return i;
            }
        }
        return n;
    }

    private static int cstrlen(byte[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                return i;
            }
        }
        return a.length;
    }

    /** Field values and filter values are C strings in sysdig: both end at their first NUL. */
    private static byte[] cstr(Value.Str s) {
        byte[] b = s.bytes();
        int n = cstrlen(b);
        return n == b.length ? b : java.util.Arrays.copyOf(b, n);
    }

    private ValueTest string(Field f, Op op, List<Value.Str> values) {
        BytePattern p;
        switch (op) {
            case EQ, EQEQ, NE -> p = BytePattern.equalTo(cstr(values.get(0)));
            case CONTAINS -> p = BytePattern.contains(cstr(values.get(0)));
            case ICONTAINS -> p = BytePattern.icontains(cstr(values.get(0)));
            case STARTSWITH -> p = BytePattern.startsWith(cstr(values.get(0)));
            case ENDSWITH -> p = BytePattern.endsWith(cstr(values.get(0)));
            case GLOB -> p = BytePattern.glob(cstr(values.get(0)));
            case IGLOB -> p = BytePattern.iglob(cstr(values.get(0)));
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
                if (f.type != ParamType.CHARBUF) {
                    throw error("pmatch requires a field of type CHARBUF", values.get(0).pos());
                }
                List<byte[]> paths = new ArrayList<>();
                for (Value.Str s : values) {
                    paths.add(cstr(s));
                }
                p = BytePattern.pmatch(paths);
            }
            case IN, INTERSECTS -> {
                BytePattern[] ps = new BytePattern[values.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = BytePattern.equalTo(values.get(i).bytes());
                }
                return x -> {
                    ByteBuf s = x.value.str;
                    int n = cstrlen(s);
                    for (BytePattern q : ps) {
                        if (q.matches(s.array(), 0, n)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case LT, LE, GT, GE -> {
                byte[] v = cstr(values.get(0));
                return x -> {
                    ByteBuf s = x.value.str;
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
            return x -> !pat.matches(x.value.str.array(), 0, cstrlen(x.value.str));
        }
        return x -> pat.matches(x.value.str.array(), 0, cstrlen(x.value.str));
    }

    /** Buffers (evt.buffer) compare their raw bytes, NULs included. */
    private ValueTest bytes(Field f, Op op, List<Value.Str> values) {
        byte[] v = values.get(0).bytes();
        switch (op) {
            case EQ, EQEQ -> {
                return x -> x.value.str.length() == v.length
                        && java.util.Arrays.equals(x.value.str.array(), 0, v.length, v, 0, v.length);
            }
            case NE -> {
                return x -> !(x.value.str.length() == v.length
                        && java.util.Arrays.equals(x.value.str.array(), 0, v.length, v, 0, v.length));
            }
            case CONTAINS -> {
                BytePattern p = BytePattern.contains(v);
                return x -> p.matches(x.value.str.array(), 0, x.value.str.length());
            }
            case STARTSWITH -> {
                BytePattern p = BytePattern.startsWith(v);
                return x -> p.matches(x.value.str.array(), 0, x.value.str.length());
            }
            case ENDSWITH -> {
                BytePattern p = BytePattern.endsWith(v);
                return x -> p.matches(x.value.str.array(), 0, x.value.str.length());
            }
            case BCONTAINS, BSTARTSWITH -> {
                byte[] raw;
                try {
                    raw = Hex.decode(values.get(0).text());
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage(), values.get(0).pos());
                }
                BytePattern p = op == Op.BCONTAINS ? BytePattern.contains(raw) : BytePattern.startsWith(raw);
                return x -> p.matches(x.value.str.array(), 0, x.value.str.length());
            }
            case IN, INTERSECTS -> {
                byte[][] all = new byte[values.size()][];
                for (int i = 0; i < all.length; i++) {
                    all[i] = values.get(i).bytes();
                }
                return x -> {
                    for (byte[] a : all) {
                        if (x.value.str.length() == a.length
                                && java.util.Arrays.equals(x.value.str.array(), 0, a.length, a, 0, a.length)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            default -> throw error("operator " + op.token() + " cannot be used with buffer field '" + f.text()
                    + "' (use =, !=, contains, startswith, endswith, bcontains, bstartswith, in)",
                    values.get(0).pos());
        }
    }
}
