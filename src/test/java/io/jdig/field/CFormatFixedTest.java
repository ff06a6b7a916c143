package io.jdig.field;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** %.Nf without BigDecimal gives BigDecimal's digits: exact values, ties to even, tiny and large values. */
class CFormatFixedTest {
    private static String reference(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void theQuickWayGivesBigDecimalsDigits() {
        double[] chosen = {0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 95.978295563358, 99.99, 100, 1e-300,
                Double.MIN_VALUE, -Double.MIN_VALUE, 0.005, 0.015, 0.025, 1.005, 2.675, 123456.785, 4503599627370495.5,
                9007199254740991.0, 1e15 + 0.3, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, -1e-9, 5e-10, 0x1p-60, 0x1p-64,
                0x1p-65, 3 * 0x1p-66, 0x1p-128, 0x1p-127, 0x1p-126};
        int quick = 0;
        for (int d = 0; d <= 9; d++) {
            for (double v : chosen) {
                String q = CFormat.fixedQuickly(v, d);
                if (q != null) {
                    quick++;
                    assertThat(q).as("%s with %d decimals", v, d).isEqualTo(reference(v, d));
                }
                assertThat(CFormat.fixed(v, d)).isEqualTo(reference(v, d));
            }
        }
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            int d = r.nextInt(10);
            double v = switch (i % 4) {
                case 0 -> r.nextDouble() * 100;
                case 1 -> (r.nextInt(2_000_000) - 1_000_000) / Math.pow(2, r.nextInt(80));
                case 2 -> r.nextLong(1L << 40) / 1000.0;
                default -> Double.longBitsToDouble(r.nextLong() & 0x7fffffffffffffffL) % 1e6;
            };
            String q = CFormat.fixedQuickly(v, d);
            if (q != null) {
                quick++;
                assertThat(q).as("%s (%x) with %d decimals", v, Double.doubleToRawLongBits(v), d)
                        .isEqualTo(reference(v, d));
            }
        }
        assertThat(quick).isGreaterThan(150_000);
        assertThat(CFormat.fixedQuickly(1e300, 2)).isNull();
        assertThat(CFormat.fixed(1e300, 2)).isEqualTo(reference(1e300, 2));
    }
}
