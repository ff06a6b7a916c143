package io.jdig.state;

import java.util.Arrays;
import java.util.function.Consumer;

/** An open-addressing hash map from long keys to non-null objects; lookups do not box. A null value marks a free slot. */
public final class LongMap<V> {
    private long[] keys = new long[16];
    private Object[] vals = new Object[16];
    private int size;

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @SuppressWarnings("unchecked")
    public V get(long k) {
        int mask = keys.length - 1;
        int i = hash(k) & mask;
        Object[] vs = vals;
        Object v;
        while ((v = vs[i]) != null) {
            if (keys[i] == k) {
                return (V) v;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public V put(long k, V v) {
        java.util.Objects.requireNonNull(v);
        if ((size + 1) * 2 >= keys.length) { // at most half full: lookups of absent keys stay short
            grow();
        }
        int mask = keys.length - 1;
        int i = hash(k) & mask;
        while (vals[i] != null) {
            if (keys[i] == k) {
                V old = (V) vals[i];
                vals[i] = v;
                return old;
            }
            i = (i + 1) & mask;
        }
        keys[i] = k;
        vals[i] = v;
        size++;
        return null;
    }

    @SuppressWarnings("unchecked")
    public V remove(long k) {
        int mask = keys.length - 1;
        int i = hash(k) & mask;
        while (vals[i] != null) {
            if (keys[i] == k) {
                V old = (V) vals[i];
                // backward-shift deletion keeps probe chains intact
                int j = i;
                while (true) {
                    j = (j + 1) & mask;
                    if (vals[j] == null) {
                        break;
                    }
                    int home = hash(keys[j]) & mask;
                    boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
                    if (!between) {
                        keys[i] = keys[j];
                        vals[i] = vals[j];
                        i = j;
                    }
                }
                vals[i] = null;
                size--;
                return old;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    public int size() {
        return size;
    }

    public void clear() {
        Arrays.fill(vals, null);
        size = 0;
    }

    @SuppressWarnings("unchecked")
    public void forEachValue(Consumer<V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (vals[i] != null) {
                action.accept((V) vals[i]);
            }
        }
    }

    private void grow() {
        long[] ok = keys;
        Object[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new Object[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] != null) {
                put(ok[i], (V) ov[i]);
            }
        }
    }
}
