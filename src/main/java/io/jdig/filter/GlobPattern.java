package io.jdig.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code glob} / {@code iglob}: shell wildcard matching with the semantics of fnmatch(3) as sysdig
 * calls it (flags 0, or FNM_CASEFOLD for iglob), over bytes:
 * <ul>
 * <li>{@code *} matches any run of bytes, including '/' and leading dots; {@code ?} any one byte;</li>
 * <li>{@code [...]} a byte in the set: ranges {@code a-z}, classes {@code [:alpha:]} etc. (ASCII),
 * negation with a leading {@code !} or {@code ^}, a {@code ]} right after the opening (or the
 * negation) is literal; an unterminated {@code [} is a literal '[';</li>
 * <li>{@code \c} is the literal c; a pattern ending in a lone backslash matches nothing.</li>
 * </ul>
 * With case folding, ASCII letters match either case (including inside sets).
 */
public final class GlobPattern implements BytePattern {
    private static final byte LIT = 0;
    private static final byte ANY = 1;
    private static final byte STAR = 2;
    private static final byte SET = 3;
    private static final byte NEVER = 4;
    private static final int INVALID = -2;

    private final byte[] kind;
    private final byte[] lit;
    private final long[][] sets;
    private final boolean fold;

    GlobPattern(byte[] pattern, boolean caseFold) {
        this.fold = caseFold;
        List<long[]> setList = new ArrayList<>();
        byte[] k = new byte[pattern.length];
        byte[] l = new byte[pattern.length];
        int[] setIdx = new int[pattern.length];
        int nt = 0;
        int i = 0;
        while (i < pattern.length) {
            byte c = pattern[i];
            if (c == '*') {
                // consecutive stars are one star
                if (nt == 0 || k[nt - 1] != STAR) {
                    k[nt++] = STAR;
                }
                i++;
            } else if (c == '?') {
                k[nt++] = ANY;
                i++;
            } else if (c == '\\') {
                if (i + 1 >= pattern.length) {
                    k[nt++] = NEVER;
                    i++;
                } else {
                    k[nt] = LIT;
                    l[nt++] = caseFold ? IContainsPattern.lower(pattern[i + 1]) : pattern[i + 1];
                    i += 2;
                }
            } else if (c == '[') {
                long[] set = new long[4];
                int end = parseSet(pattern, i, set, caseFold);
                if (end == INVALID) {
                    k[nt++] = NEVER;
                    i = pattern.length;
                } else if (end < 0) {
                    k[nt] = LIT;
                    l[nt++] = '[';
                    i++;
                } else {
                    k[nt] = SET;
                    setIdx[nt++] = setList.size();
                    setList.add(set);
                    i = end;
                }
            } else {
                k[nt] = LIT;
                l[nt++] = caseFold ? IContainsPattern.lower(c) : c;
                i++;
            }
        }
        this.kind = java.util.Arrays.copyOf(k, nt);
        this.lit = java.util.Arrays.copyOf(l, nt);
        this.sets = new long[nt][];
        for (int t = 0; t < nt; t++) {
            if (k[t] == SET) {
                sets[t] = setList.get(setIdx[t]);
            }
        }
    }

    @Override
    public boolean matches(byte[] b, int off, int len) {
        int np = kind.length;
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = 0;
        while (si < len) {
            if (pi < np) {
                byte k = kind[pi];
                if (k == STAR) {
                    starP = ++pi;
                    starS = si;
                    continue;
                }
                if (matchOne(pi, b[off + si])) {
                    pi++;
                    si++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            pi = starP;
            si = ++starS;
        }
        while (pi < np && kind[pi] == STAR) {
            pi++;
        }
        return pi == np;
    }

    private boolean matchOne(int pi, byte c) {
        switch (kind[pi]) {
            case LIT:
                return (fold ? IContainsPattern.lower(c) : c) == lit[pi];
            case ANY:
                return true;
            case SET:
                int u = c & 0xff;
                return (sets[pi][u >>> 6] & (1L << u)) != 0;
            default:
                return false;
        }
    }

    /**
     * Parses a bracket expression starting at {@code pattern[start] == '['} into {@code set} (negation
     * and case folding applied). Returns the index after the closing ']', -1 if unterminated, {@link #INVALID} for an unknown
     * character class.
     */
    private static int parseSet(byte[] pattern, int start, long[] set, boolean fold) {
        int i = start + 1;
        int n = pattern.length;
        boolean negate = false;
        if (i < n && (pattern[i] == '!' || pattern[i] == '^')) {
            negate = true;
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= n) {
                return -1;
            }
            int c = pattern[i] & 0xff;
            if (c == ']' && !first) {
                i++;
                break;
            }
            first = false;
            if (c == '[' && i + 1 < n && pattern[i + 1] == ':') {
                int close = indexOf(pattern, i + 2, ":]");
                if (close >= 0) {
                    String name = new String(pattern, i + 2, close - i - 2, java.nio.charset.StandardCharsets.US_ASCII);
                    if (addClass(name, set)) {
                        i = close + 2;
                        continue;
                    }
                    return INVALID; // unknown class: fnmatch fails on the whole pattern
                }
            }
            if (c == '\\' && i + 1 < n) {
                i++;
                c = pattern[i] & 0xff;
            }
            i++;
            if (i + 1 < n && pattern[i] == '-' && pattern[i + 1] != ']') {
                int hi = pattern[i + 1] & 0xff;
                int skipTo = i + 2;
                if (hi == '\\' && i + 2 < n) {
                    hi = pattern[i + 2] & 0xff;
                    skipTo = i + 3;
                }
                for (int x = c; x <= hi; x++) {
                    add(set, x);
                }
                i = skipTo;
            } else {
                add(set, c);
            }
        }
        if (fold) {
            for (int x = 'a'; x <= 'z'; x++) {
                if (has(set, x) || has(set, x - 32)) {
                    add(set, x);
                    add(set, x - 32);
                }
            }
        }
        if (negate) {
            for (int w = 0; w < 4; w++) {
                set[w] = ~set[w];
            }
        }
        return i;
    }

    private static int indexOf(byte[] p, int from, String s) {
        outer:
        for (int i = from; i + s.length() <= p.length; i++) {
            for (int j = 0; j < s.length(); j++) {
                if (p[i + j] != s.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean addClass(String name, long[] set) {
        for (int x = 0; x < 128; x++) {
            boolean in = switch (name) {
                case "alnum" -> Character.isLetterOrDigit(x);
                case "alpha" -> Character.isLetter(x);
                case "blank" -> x == ' ' || x == '\t';
                case "cntrl" -> x < 32 || x == 127;
                case "digit" -> x >= '0' && x <= '9';
                case "graph" -> x > 32 && x < 127;
                case "lower" -> x >= 'a' && x <= 'z';
                case "print" -> x >= 32 && x < 127;
                case "punct" -> x > 32 && x < 127 && !Character.isLetterOrDigit(x);
                case "space" -> x == ' ' || (x >= 9 && x <= 13);
                case "upper" -> x >= 'A' && x <= 'Z';
                case "xdigit" -> (x >= '0' && x <= '9') || (x >= 'a' && x <= 'f') || (x >= 'A' && x <= 'F');
                default -> {
                    yield false;
                }
            };
            if (in) {
                add(set, x);
            }
        }
        return switch (name) {
            case "alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space",
                 "upper", "xdigit" -> true;
            default -> false;
        };
    }

    private static void add(long[] set, int x) {
        set[x >>> 6] |= 1L << x;
    }

    private static boolean has(long[] set, int x) {
        return (set[x >>> 6] & (1L << x)) != 0;
    }
}
