package io.jdig.view;

import java.util.Arrays;

/**
 * Keeps entries in the order in which the C++ standard library of sysdig's build (GNU libstdc++) walks an
 * {@code unordered_map} with unique keys: a singly linked list of nodes where each bucket points at the node
 * before its first one; a new key goes to the front of its bucket, or to the front of the list when its bucket
 * is empty; the bucket array grows through a fixed series of sizes, relinking the nodes in list order. csysdig's
 * rows and its walk over the thread table come out in that order, and ties in its sort keep it, so reproducing
 * its output means reproducing it. Entries are identified by an index; the caller keeps keys and values.
 */
public final class HashOrder {
    /** Bucket counts the library moves through as one element after another is added (load factor 1). */
    private static final long[] SIZES = {13, 29, 59, 127, 257, 541, 1109, 2357, 5087, 10273, 20753, 42043, 85229,
            172933, 351061, 712697, 1447153, 2938679, 5967347, 12117689, 24607243, 49969847, 101473717,
            206062531, 418451333, 849749479, 1725587117};
    private static final int NIL = -1;
    /** Node 0 is the list head (the "before begin" node). */
    private static final int HEAD = 0;

    private long[] hash = new long[16];
    /** Each node's bucket (worked out when it is added and at each rehash: a division, not one per look-up). */
    private int[] bucketOf = new int[16];
    private int[] next = new int[16];
    private int nodes = 1;
    private int[] freeList = new int[8];
    private int nFree;
    private int[] buckets = {NIL};
    private int size;
    private long nextResize;

    public HashOrder() {
        next[HEAD] = NIL;
    }

    public int size() {
        return size;
    }

    private int bucket(long h) {
        return (int) Long.remainderUnsigned(h, buckets.length);
    }

    /** Entries with this hash code, in list order: the first one's index (then {@link #nextSameBucket}), or -1. */
    public int first(long h) {
        int b = bucket(h);
        int before = buckets[b];
        if (before == NIL) {
            return NIL;
        }
        int n = next[before];
        while (n != NIL && bucketOf[n] == b) {
            if (hash[n] == h) {
                return n;
            }
            n = next[n];
        }
        return NIL;
    }

    /** The next entry after {@code n} with hash code {@code h}, or -1. */
    public int nextWithHash(int n, long h) {
        int b = bucket(h);
        int m = next[n];
        while (m != NIL && bucketOf[m] == b) {
            if (hash[m] == h) {
                return m;
            }
            m = next[m];
        }
        return NIL;
    }

    /** Adds a new entry (its key must not be present) and returns its index. */
    public int insert(long h) {
        if (size + 1 > nextResize) {
            long want = Math.max(size + 1, nextResize == 0 ? 11 : 0);
            if (want >= buckets.length) {
                rehash(nextSize(Math.max(want + 1, (long) buckets.length * 2)));
            } else {
                nextResize = buckets.length;
            }
        }
        int n = newNode(h);
        int b = bucket(h);
        bucketOf[n] = b;
        if (buckets[b] != NIL) {
            next[n] = next[buckets[b]];
            next[buckets[b]] = n;
        } else {
            next[n] = next[HEAD];
            next[HEAD] = n;
            if (next[n] != NIL) {
                buckets[bucketOf[next[n]]] = n;
            }
            buckets[b] = HEAD;
        }
        size++;
        return n;
    }

    private long nextSize(long n) {
        if (n < 14) {
            long[] fast = {2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13};
            nextResize = fast[(int) n];
            return fast[(int) n];
        }
        for (long s : SIZES) {
            if (s >= n) {
                nextResize = s;
                return s;
            }
        }
        throw new IllegalStateException("table too large");
    }

    private void rehash(long n) {
        int[] nb = new int[(int) n];
        Arrays.fill(nb, NIL);
        int p = next[HEAD];
        next[HEAD] = NIL;
        int beginBucket = 0;
        while (p != NIL) {
            int after = next[p];
            int b = (int) Long.remainderUnsigned(hash[p], n);
            bucketOf[p] = b;
            if (nb[b] == NIL) {
                next[p] = next[HEAD];
                next[HEAD] = p;
                nb[b] = HEAD;
                if (next[p] != NIL) {
                    nb[beginBucket] = p;
                }
                beginBucket = b;
            } else {
                next[p] = next[nb[b]];
                next[nb[b]] = p;
            }
            p = after;
        }
        buckets = nb;
    }

    /** Removes the entry with index {@code n}. */
    public void erase(int n) {
        int b = bucketOf[n];
        int prev = buckets[b];
        while (next[prev] != n) {
            prev = next[prev];
        }
        int after = next[n];
        if (prev == buckets[b]) {
            int afterBucket = after == NIL ? 0 : bucketOf[after];
            if (after == NIL || afterBucket != b) {
                if (after != NIL) {
                    buckets[afterBucket] = buckets[b];
                }
                buckets[b] = NIL;
            }
        } else if (after != NIL) {
            int afterBucket = bucketOf[after];
            if (afterBucket != b) {
                buckets[afterBucket] = prev;
            }
        }
        next[prev] = after;
        size--;
        if (nFree == freeList.length) {
            freeList = Arrays.copyOf(freeList, nFree * 2);
        }
        freeList[nFree++] = n;
    }

    /** Removes every entry; the bucket array keeps its size, as the library's clear() does. */
    public void clear() {
        Arrays.fill(buckets, NIL);
        next[HEAD] = NIL;
        size = 0;
        nodes = 1;
        nFree = 0;
    }

    /** The first entry in iteration order, or -1. */
    public int head() {
        return next[HEAD];
    }

    /** The entry after {@code n} in iteration order, or -1. */
    public int after(int n) {
        return next[n];
    }

    private int newNode(long h) {
        int n;
        if (nFree > 0) {
            n = freeList[--nFree];
        } else {
            if (nodes == hash.length) {
                hash = Arrays.copyOf(hash, nodes * 2);
                bucketOf = Arrays.copyOf(bucketOf, nodes * 2);
                next = Arrays.copyOf(next, nodes * 2);
            }
            n = nodes++;
        }
        hash[n] = h;
        return n;
    }
}
