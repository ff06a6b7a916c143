package io.jdig.view;

import io.jdig.event.ParamType;

/** Orders two cells of a column as csysdig's sort does (averages compared when either counts several values). */
final class Compare {
    private Compare() {
    }

    /** a < b (ascending) or a > b (descending). */
    static boolean before(ParamType type, Cell a, Cell b, boolean ascending) {
        int c = (a.cnt > 1 || b.cnt > 1) ? compareAverages(type, a, b) : compare(type, a, b);
        if (c == UNORDERED) {
            return false;
        }
        return ascending ? c < 0 : c > 0;
    }

    private static final int UNORDERED = Integer.MIN_VALUE;

    static int compare(ParamType type, Cell a, Cell b) {
        return switch (Kind.of(type)) {
            case SIGNED -> Long.compare(a.num, b.num);
            case UNSIGNED -> Long.compareUnsigned(a.num, b.num);
            case DOUBLE -> a.dbl < b.dbl ? -1 : a.dbl > b.dbl ? 1 : 0;
            case STRING -> strcmp(a.bytes, b.bytes);
            default -> UNORDERED;
        };
    }

    private static int compareAverages(ParamType type, Cell a, Cell b) {
        int ca = Math.max(a.cnt, 1);
        int cb = Math.max(b.cnt, 1);
        return switch (Kind.of(type)) {
            case SIGNED -> Long.compare(a.num / ca, b.num / cb);
            case UNSIGNED -> type == ParamType.IPV4ADDR || Kind.width(type) <= 8
                    ? Long.compareUnsigned(Long.divideUnsigned(a.num, ca), Long.divideUnsigned(b.num, cb)) : UNORDERED;
            case DOUBLE -> {
                double x = a.dbl / ca;
                double y = b.dbl / cb;
                yield x < y ? -1 : x > y ? 1 : 0;
            }
            default -> UNORDERED;
        };
    }

    static int strcmp(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int x = a[i] & 0xFF;
            int y = b[i] & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return a.length - b.length;
    }
}
