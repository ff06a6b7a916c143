package io.jdig.chisel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Makes LuaJ behave like the LuaJIT that sysdig embeds where chisels can see the difference:
 * C printf semantics for string.format (but exact ties round away from zero, as LuaJIT 2.1 does), "%.14g" number to string conversion for tostring/print/io.write,
 * byte-exact output of strings, the %g pattern class (Lua 5.2+/LuaJIT) and os.exit not killing the JVM.
 */
final class LuaCompat {
    private LuaCompat() {}

    /** Thrown by os.exit(); the CLI should flush and exit with {@link #code}. */
    static final class ExitRequest extends RuntimeException {
        final int code;
        ExitRequest(int code) { super("os.exit(" + code + ")", null, false, false); this.code = code; }
    }

    static {
        // numbers in `..`, table.concat and the string library: LuaJIT's text, not LuaJ's (see the build)
        org.luaj.vm2.LuaDouble.NUMBER_TEXT = LuaCompat::numberToString;
    }

    static void install(Globals g, OutputStream out) {
        LuaValue tostring = new OneArgFunction() {
            @Override public LuaValue call(LuaValue v) { return LuaCompat.tostring(v); }
        };
        g.set("tostring", tostring);
        g.set("print", new VarArgFunction() {
            @Override public Varargs invoke(Varargs args) {
                try {
                    int n = args.narg();
                    for (int i = 1; i <= n; i++) {
                        if (i > 1) out.write('\t');
                        writeLua(out, LuaCompat.tostring(args.arg(i)));
                    }
                    out.write('\n');
                } catch (IOException e) {
                    throw new LuaError(e.getMessage());
                }
                return NONE;
            }
        });
        LuaTable io = g.get("io").checktable();
        io.set("write", new VarArgFunction() {
            @Override public Varargs invoke(Varargs args) {
                try {
                    for (int i = 1; i <= args.narg(); i++) {
                        LuaValue v = args.arg(i);
                        if (v.type() == LuaValue.TNUMBER) writeLua(out, LuaString.valueOf(numberToString(v.todouble())));
                        else writeLua(out, v.checkstring());
                    }
                } catch (IOException e) {
                    throw new LuaError(e.getMessage());
                }
                return io.get("stdout");
            }
        });
        LuaTable os = g.get("os").checktable();
        os.set("exit", new VarArgFunction() {
            @Override public Varargs invoke(Varargs args) {
                LuaValue c = args.arg1();
                int code = c.isnil() ? 0 : c.isboolean() ? (c.toboolean() ? 0 : 1) : c.checkint();
                throw new ExitRequest(code);
            }
        });
        LuaTable string = g.get("string").checktable();
        string.set("format", new VarArgFunction() {
            @Override public Varargs invoke(Varargs args) { return format(args); }
        });
        for (String fn : new String[] {"find", "match", "gmatch", "gsub"}) {
            LuaValue orig = string.get(fn);
            string.set(fn, new VarArgFunction() {
                @Override public Varargs invoke(Varargs args) {
                    LuaValue p = args.arg(2);
                    if (p.type() == LuaValue.TSTRING) {
                        LuaString fixed = fixPattern(p.checkstring());
                        if (fixed != null) args = LuaValue.varargsOf(new LuaValue[] {args.arg1(), fixed}, args.subargs(3));
                    }
                    return orig.invoke(args);
                }
            });
        }
    }

    static void writeLua(OutputStream out, LuaValue s) throws IOException {
        LuaString ls = s.checkstring();
        out.write(ls.m_bytes, ls.m_offset, ls.m_length);
    }

    /** Lua's tostring with LuaJIT number formatting. */
    static LuaValue tostring(LuaValue v) {
        LuaValue h = v.metatag(LuaValue.TOSTRING);
        if (!h.isnil()) return h.call(v);
        switch (v.type()) {
            case LuaValue.TNUMBER: return LuaString.valueOf(numberToString(v.todouble()));
            case LuaValue.TSTRING: return v;
            default: return LuaString.valueOf(v.tojstring());
        }
    }

    /** LuaJIT's number to string: "%.14g". */
    static String numberToString(double d) {
        if (d == 0 && 1 / d < 0) return "-0";
        if (d == (long) d && Math.abs(d) < 1e14) return Long.toString((long) d);
        StringBuilder sb = new StringBuilder();
        fmtG(sb, d, 14, false, false);
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // %g inside patterns: [!-~] (isgraph in the C locale)

    static LuaString fixPattern(LuaString p) {
        int n = p.length();
        boolean found = false;
        for (int i = 0; i + 1 < n; i++) {
            if (p.luaByte(i) == '%') {
                int c = p.luaByte(i + 1);
                if (c == 'g' || c == 'G') { found = true; break; }
                i++;
            }
        }
        if (!found) return null;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        boolean inSet = false;
        for (int i = 0; i < n; i++) {
            int c = p.luaByte(i);
            if (c == '%' && i + 1 < n) {
                int d = p.luaByte(i + 1);
                if (d == 'g') {
                    b.writeBytes((inSet ? "!-~" : "[!-~]").getBytes(StandardCharsets.US_ASCII));
                } else if (d == 'G' && !inSet) {
                    b.writeBytes("[^!-~]".getBytes(StandardCharsets.US_ASCII));
                } else {
                    b.write(c);
                    b.write(d);
                }
                i++;
                continue;
            }
            if (!inSet && c == '[') {
                inSet = true;
                b.write(c);
                if (i + 1 < n && p.luaByte(i + 1) == '^') { b.write('^'); i++; }
                if (i + 1 < n && p.luaByte(i + 1) == ']') { b.write(']'); i++; }
                continue;
            }
            if (inSet && c == ']') inSet = false;
            b.write(c);
        }
        return LuaString.valueOf(b.toByteArray());
    }

    // ---------------------------------------------------------------------------------------------
    // string.format with C printf semantics (as LuaJIT 2.1)

    static Varargs format(Varargs args) {
        LuaString fmt = args.checkstring(1);
        int n = fmt.length();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        int arg = 1;
        for (int i = 0; i < n; ) {
            int c = fmt.luaByte(i++);
            if (c != '%') { out.write(c); continue; }
            if (i >= n) throw new LuaError("invalid option '%' to 'format'");
            if (fmt.luaByte(i) == '%') { out.write('%'); i++; continue; }
            boolean left = false, zero = false, plus = false, space = false, alt = false;
            for (; i < n; i++) {
                int f = fmt.luaByte(i);
                if (f == '-') left = true;
                else if (f == '0') zero = true;
                else if (f == '+') plus = true;
                else if (f == ' ') space = true;
                else if (f == '#') alt = true;
                else break;
            }
            int width = -1, prec = -1;
            while (i < n && Character.isDigit(fmt.luaByte(i))) width = Math.max(width, 0) * 10 + (fmt.luaByte(i++) - '0');
            if (i < n && fmt.luaByte(i) == '.') {
                i++;
                prec = 0;
                while (i < n && Character.isDigit(fmt.luaByte(i))) prec = prec * 10 + (fmt.luaByte(i++) - '0');
            }
            if (i >= n) throw new LuaError("invalid option '%' to 'format'");
            int conv = fmt.luaByte(i++);
            arg++;
            byte[] body;
            switch (conv) {
                case 'd', 'i' -> {
                    long v = toLong(args, arg);
                    String s = Long.toString(Math.abs(v));
                    if (v == Long.MIN_VALUE) s = "9223372036854775808";
                    if (prec >= 0) { s = zeroPad(s, prec); zero = false; }
                    String sign = v < 0 ? "-" : plus ? "+" : space ? " " : "";
                    body = pad(sign, s, width, left, zero).getBytes(StandardCharsets.ISO_8859_1);
                }
                case 'u', 'x', 'X', 'o' -> {
                    long v = toLong(args, arg);
                    String s = conv == 'u' ? Long.toUnsignedString(v)
                            : conv == 'o' ? Long.toOctalString(v) : Long.toHexString(v);
                    if (conv == 'X') s = s.toUpperCase();
                    if (prec >= 0) { s = zeroPad(s, prec); zero = false; }
                    String prefix = alt && v != 0 ? (conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0" : "") : "";
                    body = pad(prefix, s, width, left, zero).getBytes(StandardCharsets.ISO_8859_1);
                }
                case 'c' -> {
                    body = new byte[] {(byte) toLong(args, arg)};
                    body = padBytes(body, width, left);
                }
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    double v = args.checkdouble(arg);
                    StringBuilder sb = new StringBuilder();
                    boolean neg = v < 0 || (v == 0 && 1 / v < 0);
                    double a = Math.abs(v);
                    if (Double.isNaN(v)) { sb.append("nan"); zero = false; }
                    else if (Double.isInfinite(v)) { sb.append("inf"); zero = false; }
                    else if (conv == 'f' || conv == 'F') fmtF(sb, a, prec < 0 ? 6 : prec, alt);
                    else if (conv == 'e' || conv == 'E') fmtE(sb, a, prec < 0 ? 6 : prec, alt);
                    else fmtG(sb, a, prec < 0 ? 6 : prec == 0 ? 1 : prec, alt, true);
                    String s = sb.toString();
                    if (Character.isUpperCase(conv)) s = s.toUpperCase();
                    String sign = neg && !Double.isNaN(v) ? "-" : plus ? "+" : space ? " " : "";
                    body = pad(sign, s, width, left, zero).getBytes(StandardCharsets.ISO_8859_1);
                }
                case 's' -> {
                    LuaString s = tostring(args.arg(arg)).checkstring();
                    byte[] b = new byte[s.length()];
                    s.copyInto(0, b, 0, b.length);
                    if (prec >= 0 && prec < b.length) b = java.util.Arrays.copyOf(b, prec);
                    body = padBytes(b, width, left);
                }
                case 'q' -> body = quote(args.checkstring(arg));
                default -> throw new LuaError("invalid option '%" + (char) conv + "' to 'format'");
            }
            out.writeBytes(body);
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static long toLong(Varargs args, int i) {
        double d = args.checkdouble(i);
        return (long) d;
    }

    private static String zeroPad(String s, int prec) {
        if (prec == 0 && s.equals("0")) return "";
        StringBuilder b = new StringBuilder();
        for (int k = s.length(); k < prec; k++) b.append('0');
        return b.append(s).toString();
    }

    private static String pad(String sign, String digits, int width, boolean left, boolean zero) {
        int len = sign.length() + digits.length();
        if (width <= len) return sign + digits;
        String fill = (zero && !left ? "0" : " ").repeat(width - len);
        if (left) return sign + digits + fill;
        return zero ? sign + fill + digits : fill + sign + digits;
    }

    private static byte[] padBytes(byte[] b, int width, boolean left) {
        if (width <= b.length) return b;
        byte[] r = new byte[width];
        java.util.Arrays.fill(r, (byte) ' ');
        System.arraycopy(b, 0, r, left ? 0 : width - b.length, b.length);
        return r;
    }

    private static byte[] quote(LuaString s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write('"');
        for (int i = 0; i < s.length(); i++) {
            int c = s.luaByte(i);
            switch (c) {
                case '"', '\\' -> { b.write('\\'); b.write(c); }
                case '\n' -> { b.write('\\'); b.write('\n'); }
                case '\r' -> b.writeBytes("\\r".getBytes(StandardCharsets.US_ASCII));
                case 0 -> {
                    boolean digitNext = i + 1 < s.length() && Character.isDigit(s.luaByte(i + 1));
                    b.writeBytes((digitNext ? "\\000" : "\\0").getBytes(StandardCharsets.US_ASCII));
                }
                default -> {
                    if (c < 32 || c == 127) {
                        boolean digitNext = i + 1 < s.length() && Character.isDigit(s.luaByte(i + 1));
                        b.writeBytes(("\\" + (digitNext ? String.format("%03d", c) : Integer.toString(c)))
                                .getBytes(StandardCharsets.US_ASCII));
                    } else {
                        b.write(c);
                    }
                }
            }
        }
        b.write('"');
        return b.toByteArray();
    }

    static void fmtF(StringBuilder sb, double a, int prec, boolean alt) {
        String s = new BigDecimal(a).setScale(prec, RoundingMode.HALF_UP).toPlainString();
        sb.append(s);
        if (alt && prec == 0) sb.append('.');
    }

    static void fmtE(StringBuilder sb, double a, int prec, boolean alt) {
        if (a == 0) {
            sb.append('0');
            if (prec > 0 || alt) sb.append('.');
            sb.append("0".repeat(prec)).append("e+00");
            return;
        }
        BigDecimal r = new BigDecimal(a).round(new MathContext(prec + 1, RoundingMode.HALF_UP));
        String digits = r.unscaledValue().toString();
        int exp = digits.length() - 1 - r.scale();
        while (digits.length() < prec + 1) digits += "0";
        digits = digits.substring(0, prec + 1);
        sb.append(digits.charAt(0));
        if (prec > 0 || alt) sb.append('.');
        sb.append(digits, 1, digits.length());
        sb.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) sb.append('0');
        sb.append(ae);
    }

    static void fmtG(StringBuilder sb, double a, int prec, boolean alt, boolean unsignedIn) {
        if (!unsignedIn) {
            if (Double.isNaN(a)) { sb.append("nan"); return; }
            if (Double.isInfinite(a)) { sb.append(a < 0 ? "-inf" : "inf"); return; }
            if (a < 0 || (a == 0 && 1 / a < 0)) { sb.append('-'); a = -a; }
        }
        int exp;
        if (a == 0) {
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(prec, RoundingMode.HALF_UP));
            exp = r.precision() - 1 - r.scale();
        }
        StringBuilder t = new StringBuilder();
        if (exp < -4 || exp >= prec) fmtE(t, a, prec - 1, alt);
        else fmtF(t, a, prec - 1 - exp, alt);
        String s = t.toString();
        if (!alt) {
            int e = s.indexOf('e');
            String mant = e >= 0 ? s.substring(0, e) : s;
            String tail = e >= 0 ? s.substring(e) : "";
            if (mant.indexOf('.') >= 0) {
                mant = mant.replaceAll("0+$", "");
                if (mant.endsWith(".")) mant = mant.substring(0, mant.length() - 1);
            }
            s = mant + tail;
        }
        sb.append(s);
    }
}
