package org.luaj.vm2;

/**
 * jdig: the order in which LuaJIT's {@code next} (and so {@code pairs}) visits a table whose keys are all numbers,
 * kept beside a LuaJ table. Chisels print such tables in {@code pairs} order (wsysdig_summary lists the ports of a
 * protocol so), and for numbers LuaJIT's order is the same on every run: it follows from LuaJIT's table layout, an
 * array part for keys 0..asize-1 and a hash part of 2^n nodes with chained collisions and a free pointer that
 * moves down, resized by counting the keys when no free node is left. This class keeps that layout (the keys and
 * whether each holds a value) as every assignment changes it, without the values, which stay in LuaJ's table.
 * String and other keys have no fixed order in LuaJIT (strings are hashed with a per-run seed), so a table that
 * gets one goes back to LuaJ's own order.
 */
final class JitOrder {
    private static final int MAX_ABITS = 28;
    private static final int MAX_ASIZE = (1 << (MAX_ABITS - 1)) + 1;

    /** Array part: whether key i holds a value, for i in 0..asize-1. */
    private boolean[] array = new boolean[0];
    /** Hash part (null: none, as LuaJIT's shared nil node): keys, whether set, whether they hold a value, chains. */
    private double[] keys;
    private boolean[] used;
    private boolean[] live;
    private int[] next;
    private int hmask;
    private int freetop;

    /** Records {@code t[key] = value}: the key is added (also for a nil value, as LuaJIT does) or updated. */
    void set(double key, boolean hasValue) {
        if (key == 0) {
            key = 0.0; // -0 is stored as 0
        }
        int k = (int) key;
        if (k == key && k >= 0 && k < array.length) {
            array[k] = hasValue;
            return;
        }
        int n = find(key);
        if (n < 0) {
            n = newKey(key);
            if (n < 0) {
                array[k] = hasValue; // the rehash made room for it in the array part
                return;
            }
        }
        live[n] = hasValue;
    }

    /** The key after {@code key} (NaN: from the start) that holds a value in LuaJ's table, with it; or NIL. */
    Varargs next(LuaTable t, LuaValue key) {
        int i;
        if (key.isnil()) {
            i = -1;
        } else {
            double d = key.todouble();
            int k = (int) d;
            if (k == d && k >= 0 && k < array.length) {
                i = k;
            } else {
                int n = find(d);
                if (n < 0) {
                    throw new LuaError("invalid key to 'next'");
                }
                i = array.length + n;
            }
        }
        for (i++; i < array.length; i++) {
            if (array[i]) {
                LuaValue v = t.rawget(i);
                if (!v.isnil()) {
                    return LuaValue.varargsOf(LuaInteger.valueOf(i), v);
                }
            }
        }
        if (keys != null) {
            for (i -= array.length; i <= hmask; i++) {
                if (live[i]) {
                    LuaValue kv = LuaValue.valueOf(keys[i]);
                    LuaValue v = t.rawget(kv);
                    if (!v.isnil()) {
                        return LuaValue.varargsOf(kv, v);
                    }
                }
            }
        }
        return LuaValue.NIL;
    }

    // ---- LuaJIT's layout ----------------------------------------------------------------------------------------

    /** The main position of a number key: LuaJIT's hashrot of its IEEE bits (x86-64 variant), masked. */
    private static int mainPosition(double key, int mask) {
        long bits = Double.doubleToRawLongBits(key);
        int lo = (int) bits;
        int hi = (int) (bits >>> 32) << 1;
        lo ^= hi;
        hi = Integer.rotateLeft(hi, 14);
        lo -= hi;
        hi = Integer.rotateLeft(hi, 5);
        hi ^= lo;
        hi -= Integer.rotateLeft(lo, 13);
        return hi & mask;
    }

    private int find(double key) {
        if (keys == null) {
            return -1;
        }
        for (int n = mainPosition(key, hmask); n >= 0; n = next[n]) {
            if (used[n] && keys[n] == key) {
                return n;
            }
        }
        return -1;
    }

    /** lj_tab_newkey: a node for a key not in the table, moving a colliding node or rehashing as needed. */
    private int newKey(double key) {
        if (keys == null) {
            rehash(key);
            return setSlot(key);
        }
        int n = mainPosition(key, hmask);
        if (live[n]) {
            int free = freetop;
            do {
                if (free == 0) {
                    rehash(key);
                    return setSlot(key);
                }
            } while (used[--free]);
            freetop = free;
            int collide = mainPosition(keys[n], hmask);
            if (collide != n) {
                // the main position is held by a key that belongs elsewhere: move it to the free node
                while (next[collide] != n) {
                    collide = next[collide];
                }
                next[collide] = free;
                keys[free] = keys[n];
                used[free] = true;
                live[free] = live[n];
                next[free] = next[n];
                next[n] = -1;
                live[n] = false;
                // rechain keys of the old chain whose main position is n (as LuaJIT does for resurrected keys)
                while (next[free] >= 0) {
                    int nn = next[free];
                    if (live[nn] && mainPosition(keys[nn], hmask) == n) {
                        next[free] = next[nn];
                        next[nn] = next[n];
                        next[n] = nn;
                        while ((nn = next[free]) >= 0) {
                            if (live[nn]) {
                                int mn = mainPosition(keys[nn], hmask);
                                if (mn != free && mn != nn) {
                                    next[free] = next[nn];
                                    next[nn] = next[mn];
                                    next[mn] = nn;
                                } else {
                                    free = nn;
                                }
                            } else {
                                free = nn;
                            }
                        }
                        break;
                    } else {
                        free = nn;
                    }
                }
            } else {
                // the main position's own chain: the new key goes to the free node, linked after it
                next[free] = next[n];
                next[n] = free;
                n = free;
            }
        }
        keys[n] = key;
        used[n] = true;
        live[n] = false;
        return n;
    }

    /** lj_tab_set for a key after a rehash: its array slot (returned as -1) or its node. */
    private int setSlot(double key) {
        int k = (int) key;
        if (k == key && k >= 0 && k < array.length) {
            return -1;
        }
        int n = find(key);
        return n >= 0 ? n : newKey(key);
    }

    /** rehashtab: new sizes from counting the keys that hold values, and the new key. */
    private void rehash(double newKey) {
        int[] bins = new int[MAX_ABITS];
        int asize = countArray(bins);
        int total = 1 + asize;
        int[] narray = {asize};
        total += countHash(bins, narray);
        asize = narray[0] + countInt(newKey, bins);
        narray[0] = asize;
        int na = bestArraySize(bins, narray);
        total -= na;
        resize(narray[0], hsizeToHbits(total));
    }

    private static int hsizeToHbits(int s) {
        return s == 0 ? 0 : s == 1 ? 1 : 1 + fls(s - 1);
    }

    /** Index of the highest set bit. */
    private static int fls(int x) {
        return 31 - Integer.numberOfLeadingZeros(x);
    }

    private static int countInt(double key, int[] bins) {
        int k = (int) key;
        if (k == key && Integer.compareUnsigned(k, MAX_ASIZE) < 0) {
            bins[k > 2 ? fls(k - 1) : 0]++;
            return 1;
        }
        return 0;
    }

    private int countArray(int[] bins) {
        int asize = array.length;
        if (asize == 0) {
            return 0;
        }
        int na = 0;
        int i = 0;
        for (int b = 0; b < MAX_ABITS; b++) {
            int top = 2 << b;
            if (top >= asize) {
                top = asize - 1;
                if (i > top) {
                    break;
                }
            }
            int n = 0;
            for (; i <= top; i++) {
                if (array[i]) {
                    n++;
                }
            }
            bins[b] += n;
            na += n;
        }
        return na;
    }

    private int countHash(int[] bins, int[] narray) {
        if (keys == null) {
            return 0;
        }
        int total = 0;
        int na = 0;
        for (int i = 0; i <= hmask; i++) {
            if (live[i]) {
                na += countInt(keys[i], bins);
                total++;
            }
        }
        narray[0] += na;
        return total;
    }

    private static int bestArraySize(int[] bins, int[] narray) {
        int sum = 0;
        int na = 0;
        int sz = 0;
        int nn = narray[0];
        for (int b = 0; Integer.compareUnsigned(2 * nn, 1 << b) > 0 && sum != nn; b++) {
            if (bins[b] > 0 && Integer.compareUnsigned(2 * (sum += bins[b]), 1 << b) > 0) {
                sz = (2 << b) + 1;
                na = sum;
            }
        }
        narray[0] = sz;
        return na;
    }

    /** lj_tab_resize: new parts, the array values past a shrunk array and then the old nodes put back in order. */
    private void resize(int asize, int hbits) {
        boolean[] oldArray = array;
        double[] oldKeys = keys;
        boolean[] oldLive = live;
        int oldHmask = hmask;
        if (asize > oldArray.length) {
            array = java.util.Arrays.copyOf(oldArray, asize);
        }
        if (hbits > 0) {
            int size = 1 << hbits;
            keys = new double[size];
            used = new boolean[size];
            live = new boolean[size];
            next = new int[size];
            java.util.Arrays.fill(next, -1);
            hmask = size - 1;
            freetop = size;
        } else {
            keys = null;
            used = null;
            live = null;
            next = null;
            hmask = 0;
            freetop = 0;
        }
        if (asize < oldArray.length) {
            array = java.util.Arrays.copyOf(oldArray, asize);
            for (int i = asize; i < oldArray.length; i++) {
                if (oldArray[i]) {
                    int n = find(i);
                    if (n < 0) {
                        n = newKey(i);
                    }
                    if (n < 0) {
                        array[i] = true;
                    } else {
                        live[n] = true;
                    }
                }
            }
        }
        if (oldKeys != null) {
            for (int i = 0; i <= oldHmask; i++) {
                if (oldLive[i]) {
                    int n = setSlot(oldKeys[i]);
                    if (n < 0) {
                        array[(int) oldKeys[i]] = true;
                    } else {
                        live[n] = true;
                    }
                }
            }
        }
    }
}
