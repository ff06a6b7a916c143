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
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
