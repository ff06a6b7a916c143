package io.jdig.field;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The few C printf conversions jdig needs to reproduce exactly (%g, %.Nf). */
public final class CFormat {
    private CFormat() {
    }

    /** C's %g with the default precision of 6. */
    public static String g(double v) {
        return g(v, 6);
    }

    public static String g(double v, int precision) {
        if (v == 0) {
            return "0";
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        int p = precision == 0 ? 1 : precision;
        BigDecimal bd = new BigDecimal(v).round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        String s;
        if (exp < -4 || exp >= p) {
            BigDecimal mant = bd.movePointLeft(exp);
            s = stripZeros(mant.setScale(p - 1, RoundingMode.HALF_EVEN).toPlainString());
            s = s + (exp < 0 ? "e-" : "e+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        } else {
            s = stripZeros(bd.setScale(Math.max(0, p - 1 - exp), RoundingMode.HALF_EVEN).toPlainString());
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == '0') {
            e--;
        }
        if (e > 0 && s.charAt(e - 1) == '.') {
            e--;
        }
        return s.substring(0, e);
    }

    /** C's %.Nf. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String quick = fixedQuickly(v, decimals);
        return quick != null ? quick : new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static final long[] TENS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    /**
     * %.Nf of an ordinary value (up to nine decimals, below 2^53 once scaled) in exact 128-bit integer arithmetic,
     * rounded half to even as BigDecimal would (no minus sign on a value that rounds to zero); null for the rest.
     * BigDecimal's first use costs tens of milliseconds of class initialisation, a good part of a short run.
     */
    static String fixedQuickly(double v, int decimals) {
        if (decimals < 0 || decimals >= TENS.length || !(Math.abs(v) * TENS[decimals] < 0x1p53)) {
            return null;
        }
        long bits = Double.doubleToRawLongBits(v);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        if (exp != 0) {
            mant |= 1L << 52;
        } else {
            exp = 1;
        }
        int shift = 1075 - exp; // |v| = mant / 2^shift
        long ten = TENS[decimals];
        long q;
        if (shift <= 0) {
            q = (mant << -shift) * ten; // an integer already: below 2^53 by the test above
        } else {
            // (mant * ten) is below 2^83: hi:lo, then divided by 2^shift, rounded half to even
            long lo = mant * ten;
            long hi = Math.multiplyHigh(mant, ten);
            if (shift >= 128) {
                q = 0; // below 2^83 / 2^128: rounds to zero
            } else {
                long rHi;
                long rLo;
                if (shift >= 64) {
                    q = hi >>> (shift - 64);
                    rHi = shift == 64 ? 0 : hi & ((1L << (shift - 64)) - 1);
                    rLo = lo;
                } else {
                    q = (lo >>> shift) | (hi << (64 - shift));
                    rHi = 0;
                    rLo = lo & ((1L << shift) - 1);
                }
                // the remainder against half of 2^shift
                int cmp;
                if (shift > 64) {
                    long halfHi = 1L << (shift - 65);
                    cmp = rHi != halfHi ? Long.compareUnsigned(rHi, halfHi) : (rLo == 0 ? 0 : 1);
                } else {
                    long half = 1L << (shift - 1);
                    cmp = shift == 64 ? Long.compareUnsigned(rLo, half) : Long.compare(rLo, half);
                }
                if (cmp > 0 || cmp == 0 && (q & 1) != 0) {
                    q++;
                }
            }
        }
        StringBuilder sb = new StringBuilder(24);
        if (v < 0 && q != 0) {
            sb.append('-');
        }
        sb.append(q / ten);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(q % ten);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }
}
