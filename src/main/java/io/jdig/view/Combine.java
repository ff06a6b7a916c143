package io.jdig.view;

import io.jdig.event.ParamType;

/** Adds a value into a table cell as csysdig does, with the arithmetic of the value's C type. */
final class Combine {
    private Combine() {
    }

    static void add(TableColumn col, Cell dst, Cell src, Aggregation how) {
        switch (how) {
            case NONE -> {
            }
            case SUM, TIME_AVG -> {
                if (src.cnt < 2) {
                    sum(col, dst, src);
                } else {
                    sumOfAverages(col, dst, src);
                }
            }
            case AVG -> {
                dst.cnt += src.cnt;
                sum(col, dst, src);
            }
            case MAX -> max(col, dst, src);
            case MIN -> {
                if (src.cnt != 0) {
                    if (dst.cnt == 0) {
                        sum(col, dst, src);
                        dst.cnt++;
                    } else {
                        min(col, dst, src);
                    }
                }
            }
        }
    }

    static boolean summable(ParamType t) {
        return switch (t) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, BOOL, UINT64, RELTIME, ABSTIME, DOUBLE -> true;
            default -> false;
        };
    }

    static void sum(TableColumn col, Cell dst, Cell src) {
        if (!col.summable) {
            return;
        }
        if (col.kind == Kind.DOUBLE) {
            dst.dbl += src.dbl;
        } else {
            dst.num = col.wrap(dst.num + src.num);
        }
    }

    private static void sumOfAverages(TableColumn col, Cell dst, Cell src) {
        if (col.summable) {
            if (col.kind == Kind.DOUBLE) {
                if (dst.cnt > 1) {
                    dst.dbl = dst.dbl / dst.cnt;
                }
                dst.dbl += src.dbl / src.cnt;
            } else {
                if (dst.cnt > 1) {
                    dst.num = divide(col.type, dst.num, dst.cnt);
                }
                dst.num = col.wrap(dst.num + divide(col.type, src.num, src.cnt));
            }
        }
        src.cnt = 1;
        dst.cnt = 1;
    }

    private static long divide(ParamType t, long v, int by) {
        return Kind.of(t) == Kind.SIGNED ? Kind.wrap(t, v / by) : Kind.wrap(t, Long.divideUnsigned(v, by));
    }

    private static void max(TableColumn col, Cell dst, Cell src) {
        switch (col.kind) {
            case SIGNED -> {
                if (col.summable && dst.num < src.num) {
                    dst.num = src.num;
                }
            }
            case UNSIGNED -> {
                if (col.summable && Long.compareUnsigned(dst.num, src.num) < 0) {
                    dst.num = src.num;
                }
            }
            case DOUBLE -> {
                if (dst.dbl < src.dbl) {
                    dst.dbl = src.dbl;
                }
            }
            case STRING, BYTES -> dst.bytes = src.bytes; // strings: the latest one
            default -> {
            }
        }
    }

    private static void min(TableColumn col, Cell dst, Cell src) {
        switch (col.kind) {
            case SIGNED -> {
                if (col.summable && dst.num > src.num) {
                    dst.num = src.num;
                }
            }
            case UNSIGNED -> {
                if (col.summable && Long.compareUnsigned(dst.num, src.num) > 0) {
                    dst.num = src.num;
                }
            }
            case DOUBLE -> {
                if (dst.dbl > src.dbl) {
                    dst.dbl = src.dbl;
                }
            }
            case STRING, BYTES -> dst.bytes = src.bytes;
            default -> {
            }
        }
    }
}
