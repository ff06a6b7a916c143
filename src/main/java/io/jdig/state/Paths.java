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

    /** A working directory as sinsp keeps it: {@code path} joined to {@code dir}, with a '/' at the end. */
    public static String asCwd(String dir, String path, boolean present) {
        String c = concatenate(dir, path, present);
        return c.endsWith("/") ? c : c + "/";
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
        int len = sanitize(t, 0, base, p, 0, p.length);
        return new String(t, 0, len, StandardCharsets.UTF_8);
    }

    /**
     * The same join, in place and without allocating: {@code out} holds the directory from {@code start} on; the
     * path's bytes are added with the same rules (and the directory dropped when the path is absolute or absent).
     */
    public static void appendJoined(io.jdig.event.ByteBuf out, int start, byte[] p, int off, int n, boolean present) {
        int base = present && (n == 0 || p[off] != '/') ? out.length() : start;
        out.setLength(base + n + 2);
        int len = sanitize(out.array(), start, base, p, off, n);
        out.setLength(len);
    }

    private static boolean invalid(byte c) {
        return c < 0x20 || c > 0x7e;
    }

    /**
     * Copies path bytes p[off, off + n) into t from position tc with sysdig's rules; t's path begins at lo (".."
     * never climbs above it). Returns the end of the result.
     */
    private static int sanitize(byte[] t, int lo, int tc, byte[] p, int off, int n) {
        int pc = 0;
        while (true) {
            if (pc >= n) {
                if (tc - lo > 1 && t[tc - 1] == '/') {
                    tc--;
                }
                return tc;
            }
            byte c = p[off + pc];
            if (invalid(c)) {
                t[tc++] = '.';
                pc++;
            } else if (c == '.' && at(p, off, n, pc + 1) == '.' && at(p, off, n, pc + 2) == '/') {
                tc = rewind(t, lo, tc);
                pc += 3;
            } else if (c == '.' && at(p, off, n, pc + 1) == '.') {
                if (pc + 2 >= n) {
                    tc = rewind(t, lo, tc);
                    pc += 2;
                } else {
                    t[tc++] = '.';
                    t[tc++] = '.';
                    pc += 2;
                }
            } else if (c == '.' && at(p, off, n, pc + 1) == '/') {
                pc += 2;
            } else if (c == '.') {
                if (pc + 1 >= n) {
                    pc++;
                } else {
                    t[tc++] = c;
                    pc++;
                }
            } else if (c == '/') {
                if (tc - lo > 0 && t[tc - 1] == '/') {
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

    private static int at(byte[] p, int off, int n, int i) {
        return i < n ? p[off + i] : 0;
    }

    private static int rewind(byte[] t, int lo, int tc) {
        if (tc - lo <= 1) {
            return tc;
        }
        tc--;
        while (tc - lo >= 1 && t[tc - 1] != '/') {
            tc--;
        }
        return tc;
    }
}
