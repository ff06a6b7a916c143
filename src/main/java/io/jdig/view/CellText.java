package io.jdig.view;

import io.jdig.event.ByteBuf;
import io.jdig.event.ParamType;
import io.jdig.event.PrintFormat;
import io.jdig.field.CFormat;
import io.jdig.field.Json;
import io.jdig.state.NetFormat;

import java.nio.charset.StandardCharsets;

/**
 * Renders table cells as csysdig does: {@link #nice} for the text table (numbers in a 10-wide column, bytes with
 * K/M/G suffixes, times with their unit, rates per second), {@link #json} for the JSON output, {@link #plain}
 * for row keys.
 */
final class CellText {
    static final int WIDTH = 10;
    private static final double NS_PER_S = 1_000_000_000.0;

    private CellText() {
    }

    /** The text of a cell for the raw table; null where csysdig has none. */
    static String nice(TableColumn col, Cell c, long timeDelta) {
        double cnt = c.cnt;
        if (timeDelta != 0) {
            cnt = timeDelta / NS_PER_S;
        }
        ParamType t = col.type;
        if (t.id >= ParamType.INT8.id && t.id <= ParamType.UINT64.id) {
            if (col.format == PrintFormat.ID || cnt == 1 || cnt == 0) {
                return printInt(col, c, cnt);
            }
            return printDouble(col, c, cnt);
        }
        if (t == ParamType.RELTIME) {
            double v = unsignedToDouble(c.num);
            if (cnt > 1) {
                v /= cnt;
            }
            return time((long) v, WIDTH);
        }
        if (t == ParamType.DOUBLE) {
            double v = c.dbl;
            if (cnt > 1) {
                v /= cnt;
            }
            return pad(CFormat.fixed(v, 2), WIDTH);
        }
        return plain(col, c);
    }

    private static String printInt(TableColumn col, Cell c, double cnt) {
        long v = c.num; // already sign- or zero-extended; a UINT64 reads as int64 here as in sysdig
        if (cnt > 1) {
            v /= (long) cnt;
        }
        if (col.format == PrintFormat.ID) {
            return pad(Long.toString(v), WIDTH);
        }
        return bytes(v, WIDTH, true);
    }

    private static String printDouble(TableColumn col, Cell c, double cnt) {
        double v = col.kind == Kind.UNSIGNED ? unsignedToDouble(c.num) : c.num;
        if (cnt > 1) {
            v /= cnt;
        }
        if (col.format == PrintFormat.ID) {
            return pad(CFormat.fixed(v, 6), WIDTH);
        }
        return bytes(v, WIDTH, false);
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    private static final double K = 1024;

    /** A size with a K/M/G/T/P suffix, right-aligned in {@code width} characters (the last ones if longer). */
    static String bytes(double v, int width, boolean integer) {
        int decimals = integer ? 0 : 2;
        String s;
        if (v > K * K * K * K * K) {
            s = pad(fixed(v / (K * K * K * K * K), decimals), width - 1) + 'P';
        } else if (v > K * K * K * K) {
            s = pad(fixed(v / (K * K * K * K), decimals), width - 1) + 'T';
        } else if (v > K * K * K) {
            s = pad(fixed(v / (K * K * K), decimals), width - 1) + 'G';
        } else if (v > K * K) {
            s = pad(fixed(v / (K * K), decimals), width - 1) + 'M';
        } else if (v > K) {
            s = pad(fixed(v / K, decimals), width - 1) + 'K';
        } else {
            s = pad(fixed(v, decimals), width);
        }
        return s.length() > width ? s.substring(s.length() - width) : s;
    }

    private static String fixed(double v, int decimals) {
        if (v == 0 && 1 / v < 0) {
            return decimals == 0 ? "-0" : "-0." + "0".repeat(decimals);
        }
        return io.jdig.field.CFormat.fixed(v, decimals);
    }

    /** A duration as csysdig shows it (2:05, 1.92s, 24ms, 6.25us...), right-aligned in {@code width}. */
    static String time(long ns, int width) {
        long v = ns;
        String s;
        final long S = 1_000_000_000L;
        if (Long.compareUnsigned(v, 3600 * S) >= 0) {
            s = two(Long.divideUnsigned(v, 3600 * S)) + ":" + two(Long.divideUnsigned(v, 60 * S) % 60) + ":"
                    + two(Long.divideUnsigned(v, S) % 60);
        } else if (v >= 60 * S) {
            s = (v / (60 * S)) + ":" + ((v / S) % 60);
        } else if (v >= S) {
            s = (v / S) + "." + two((v % S) / 10_000_000) + "s";
        } else if (v >= S / 100) {
            s = (v / 1_000_000) + "ms";
        } else if (v >= S / 1000) {
            s = (v / 1_000_000) + "." + two((v % 1_000_000) / 10_000) + "ms";
        } else if (v >= S / 100_000) {
            s = (v / 1000) + "us";
        } else if (v >= S / 1_000_000) {
            s = (v / 1000) + "." + two((v % 1000) / 10) + "us";
        } else {
            s = v + "ns";
        }
        return pad(s, width);
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** The value as sysdig's plain conversion writes it (row keys, and the text columns). */
    static String plain(TableColumn col, Cell c) {
        ParamType t = col.type;
        // csysdig's printer keeps the column's format only to tell IDs from sizes; its conversions read decimal
        PrintFormat f = PrintFormat.DEC;
        switch (t) {
            case INT8, INT16, INT32 -> {
                long m = t == ParamType.INT8 ? 0xFFL : t == ParamType.INT16 ? 0xFFFFL : 0xFFFFFFFFL;
                return switch (f) {
                    case OCT -> Long.toOctalString(c.num & m);
                    case DEC, ID -> Long.toString(c.num);
                    case HEX -> Long.toHexString(c.num & m).toUpperCase();
                    default -> null;
                };
            }
            case INT64, PID, ERRNO, FD -> {
                return switch (f) {
                    case OCT -> Long.toOctalString(c.num);
                    case HEX -> Long.toHexString(c.num).toUpperCase();
                    case PADDED_DEC -> c.num < 0 ? "-" + zeros(Long.toString(-c.num), 8) : zeros(Long.toString(c.num), 9);
                    default -> Long.toString(c.num);
                };
            }
            case UINT8, L4PROTO, UINT16, PORT, UINT32 -> {
                return switch (f) {
                    case OCT -> Long.toOctalString(c.num);
                    case DEC, ID, HEX -> Long.toUnsignedString(c.num);
                    default -> null;
                };
            }
            case UINT64, RELTIME, ABSTIME -> {
                return switch (f) {
                    case OCT -> Long.toOctalString(c.num);
                    case DEC, ID -> Long.toUnsignedString(c.num);
                    case PADDED_DEC -> zeros(Long.toUnsignedString(c.num), 9);
                    case HEX -> Long.toHexString(c.num).toUpperCase();
                    default -> null;
                };
            }
            case CHARBUF, FSPATH, FSRELPATH, BYTEBUF -> {
                return text(c.bytes);
            }
            case BOOL -> {
                return c.num != 0 ? "true" : "false";
            }
            case IPV4ADDR -> {
                return ipv4(c.num);
            }
            case IPV6ADDR, IPADDR, IPNET -> {
                return ip(c.bytes);
            }
            case DOUBLE -> {
                return CFormat.fixed(c.dbl, 1);
            }
            case UID, GID, MODE, FLAGS32, ENUMFLAGS32, SIGSET -> {
                return Long.toUnsignedString(c.num);
            }
            default -> {
                return null;
            }
        }
    }

    private static String zeros(String s, int width) {
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static String text(byte[] b) {
        if (b == null) {
            return "";
        }
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    private static String ipv4(long v) {
        return (v & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 24) & 0xFF);
    }

    private static String ip(byte[] b) {
        if (b == null) {
            return "";
        }
        ByteBuf out = new ByteBuf(48);
        if (b.length == 4) {
            NetFormat.appendIpv4(out, NetFormat.le32(b, 0));
        } else if (b.length == 16) {
            NetFormat.appendIpv6(out, b, 0);
        }
        return new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
    }

    /** Appends the JSON value of a cell (a number, a boolean or a string, as csysdig's JSON writer emits it). */
    static void json(ByteBuf out, TableColumn col, Cell c, long timeDelta) {
        double cnt = c.cnt;
        if (timeDelta != 0) {
            cnt = timeDelta / NS_PER_S;
        }
        ParamType t = col.type;
        PrintFormat f = col.format;
        if (t == ParamType.RELTIME) {
            double v = unsignedToDouble(c.num);
            if (cnt > 1) {
                v /= cnt;
            }
            Json.appendString(out, time((long) v, WIDTH));
            return;
        }
        if (t == ParamType.DOUBLE) {
            double v = c.dbl;
            if (cnt > 1) {
                v /= cnt;
            }
            out.append(jsonDouble(v));
            return;
        }
        f = PrintFormat.DEC; // as in plain(): the conversion itself is decimal whatever the column's format
        boolean numeric = true;
        switch (t) {
            case INT8, INT16, INT32, UINT8, L4PROTO, UINT16, PORT, UINT32 -> {
                if (numeric) {
                    out.append(Kind.of(t) == Kind.SIGNED ? Long.toString(c.num) : Long.toUnsignedString(c.num));
                } else if (f == PrintFormat.OCT || f == PrintFormat.HEX) {
                    string(out, plain(col, c));
                } else {
                    out.append("null");
                }
            }
            case INT64, PID, FD -> {
                if (numeric) {
                    out.append(Long.toString(c.num));
                } else {
                    string(out, plain(col, c));
                }
            }
            case UINT64, ABSTIME -> {
                if (numeric) {
                    out.append(Long.toUnsignedString(c.num));
                } else if (f == PrintFormat.PADDED_DEC || f == PrintFormat.OCT || f == PrintFormat.HEX) {
                    string(out, plain(col, c));
                } else {
                    out.append("null");
                }
            }
            case BOOL -> out.append(c.num != 0 ? "true" : "false");
            default -> string(out, plain(col, c));
        }
    }

    private static void string(ByteBuf out, String s) {
        Json.appendString(out, s == null ? "" : s);
    }

    /** A double as the JSON writer prints it: 17 significant digits, and ".0" on whole numbers. */
    static String jsonDouble(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        String s = CFormat.g(v, 17);
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0) {
            s += ".0";
        }
        return s;
    }
}
