package io.jdig.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lists of strings stored as sysdig stores them: each one ended by a NUL, the last one possibly not. */
public final class NulStrings {
    private NulStrings() {
    }

    /** The strings in {@code b[from .. to)}. */
    public static List<String> split(byte[] b, int from, int to) {
        List<String> out = new ArrayList<>();
        int s = from;
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                out.add(new String(b, s, i - s, StandardCharsets.UTF_8));
                s = i + 1;
            }
        }
        if (s < to) {
            out.add(new String(b, s, to - s, StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * The strings in {@code b[from .. to)}, decoded only when the list is first read: a trace's process list gives
     * every thread its arguments and environment, and most of them are never looked at. The list cannot be
     * modified.
     */
    public static List<String> lazy(byte[] b, int from, int to) {
        return from == to ? List.of() : new Lazy(java.util.Arrays.copyOfRange(b, from, to));
    }

    private static final class Lazy extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final byte[] bytes;
        private volatile List<String> strings;

        Lazy(byte[] bytes) {
            this.bytes = bytes;
        }

        private List<String> strings() {
            List<String> s = strings;
            if (s == null) {
                s = List.copyOf(split(bytes, 0, bytes.length));
                strings = s;
            }
            return s;
        }

        @Override
        public String get(int index) {
            return strings().get(index);
        }

        @Override
        public int size() {
            return strings().size();
        }
    }
}
