package io.jdig.state;

import java.nio.charset.StandardCharsets;

/** Joins and normalises paths the way sysdig does when it names files (., .. and // removed, bad bytes as '.'). */
public final class Paths {
    private Paths() {
    }

    /** {@code dir} joined with {@code path}, or {@code path} alone when it is absolute or empty. */
    public static String concatenate(String dir, String path) {
        return concatenate(dir, path, !path.isEmpty());
    }

    /**
     * @param present whether the path parameter had any bytes at all (an empty but present string still takes the
     *                directory, as sysdig's length check does)
     */
    public static String concatenate(String dir, String path, boolean present) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        byte[] d = dir.getBytes(StandardCharsets.UTF_8);
        byte[] t = new byte[d.length + p.length + 2];
        int base;
        if (present && (p.length == 0 || p[0] != '/')) {
            System.arraycopy(d, 0, t, 0, d.length);
            base = d.length;
        } else {
            base = 0;
        }
        int len = sanitize(t, base, p);
        return new String(t, 0, len, StandardCharsets.UTF_8);
    }

    private static boolean invalid(byte c) {
        return c < 0x20 || c > 0x7e;
    }

    /** Copies path into t from position start with sysdig's rules; returns the resulting length. */
    private static int sanitize(byte[] t, int start, byte[] p) {
        int tc = start;
        int pc = 0;
        int n = p.length;
        while (true) {
            if (pc >= n) {
                if (tc > 1 && t[tc - 1] == '/') {
                    tc--;
                }
                return tc;
            }
            byte c = p[pc];
            if (invalid(c)) {
                t[tc++] = '.';
                pc++;
            } else if (c == '.' && at(p, pc + 1) == '.' && at(p, pc + 2) == '/') {
                tc = rewind(t, tc);
                pc += 3;
            } else if (c == '.' && at(p, pc + 1) == '.') {
                if (pc + 2 >= n) {
                    tc = rewind(t, tc);
                    pc += 2;
                } else {
                    t[tc++] = '.';
                    t[tc++] = '.';
                    pc += 2;
                }
            } else if (c == '.' && at(p, pc + 1) == '/') {
                pc += 2;
            } else if (c == '.') {
                if (pc + 1 >= n) {
                    pc++;
                } else {
                    t[tc++] = c;
                    pc++;
                }
            } else if (c == '/') {
                if (tc > 0 && t[tc - 1] == '/') {
                    pc++;
                } else {
                    t[tc++] = c;
                    pc++;
                }
            } else {
                t[tc++] = c;
                pc++;
            }
        }
    }

    private static int at(byte[] p, int i) {
        return i < p.length ? p[i] : 0;
    }

    private static int rewind(byte[] t, int tc) {
        if (tc <= 1) {
            return tc;
        }
        tc--;
        while (tc >= 1 && t[tc - 1] != '/') {
            tc--;
        }
        return tc;
    }
}
