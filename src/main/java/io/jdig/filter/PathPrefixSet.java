package io.jdig.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code pmatch}: whether a path is one of a set of directories or below one of them.
 *
 * <p>Paths are compared component by component (split at '/', empty components ignored, so
 * {@code /etc/}, {@code /etc} and {@code //etc} are the same). A pattern matches a path when its
 * components are a prefix of the path's components: {@code /etc} matches {@code /etc} and
 * {@code /etc/passwd} but not {@code /etcx} or {@code /}. A pattern component containing
 * {@code *}, {@code ?} or {@code [} is a glob for that one component ({@code /opt/}{@code *}{@code /bin}
 * matches {@code /opt/x/bin/ls}). The pattern {@code /} matches every path.
 */
public final class PathPrefixSet implements BytePattern {
    /** Per pattern, per component: either the literal bytes or a glob. */
    private final byte[][][] literal;
    private final GlobPattern[][] glob;

    PathPrefixSet(Collection<byte[]> paths) {
        int np = paths.size();
        literal = new byte[np][][];
        glob = new GlobPattern[np][];
        int k = 0;
        for (byte[] path : paths) {
            List<byte[]> comps = split(path);
            literal[k] = new byte[comps.size()][];
            glob[k] = new GlobPattern[comps.size()];
            for (int j = 0; j < comps.size(); j++) {
                byte[] c = comps.get(j);
                if (isGlob(c)) {
                    glob[k][j] = new GlobPattern(c, false);
                } else {
                    literal[k][j] = c;
                }
            }
            k++;
        }
    }

    static PathPrefixSet of(String... paths) {
        List<byte[]> list = new ArrayList<>(paths.length);
        for (String p : paths) {
            list.add(p.getBytes(StandardCharsets.UTF_8));
        }
        return new PathPrefixSet(list);
    }

    @Override
    public boolean matches(byte[] b, int off, int len) {
        for (int k = 0; k < literal.length; k++) {
            if (matchesOne(k, b, off, len)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesOne(int k, byte[] b, int off, int len) {
        byte[][] lit = literal[k];
        GlobPattern[] gl = glob[k];
        int end = off + len;
        int i = off;
        for (int j = 0; j < lit.length; j++) {
            while (i < end && b[i] == '/') {
                i++;
            }
            if (i >= end) {
                return false; // the path has fewer components than the pattern
            }
            int s = i;
            while (i < end && b[i] != '/') {
                i++;
            }
            int clen = i - s;
            if (gl[j] != null) {
                if (!gl[j].matches(b, s, clen)) {
                    return false;
                }
            } else if (clen != lit[j].length
                    || !java.util.Arrays.equals(b, s, i, lit[j], 0, clen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isGlob(byte[] c) {
        for (byte x : c) {
            if (x == '*' || x == '?' || x == '[') {
                return true;
            }
        }
        return false;
    }

    private static List<byte[]> split(byte[] path) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < path.length) {
            while (i < path.length && path[i] == '/') {
                i++;
            }
            int s = i;
            while (i < path.length && path[i] != '/') {
                i++;
            }
            if (i > s) {
                out.add(java.util.Arrays.copyOfRange(path, s, i));
            }
        }
        return out;
    }
}
