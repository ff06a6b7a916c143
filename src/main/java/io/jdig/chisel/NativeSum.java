package io.jdig.chisel;

import java.util.Arrays;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The hot loop of jdig's table_generator in Java ({@code chisel.native_sum(key_handles, value_handle)}, a jdig
 * extension of the chisel API): for every event that passes the chisel's filter, the key fields' values are
 * joined with "\001\001" as Lua's table.concat would join them, and the value field is added to that key's total
 * when it is positive. {@code take()} hands the totals to Lua as the table the Lua loop would have built
 * (a lone numeric key stays a number) and starts over. Keys are looked up by their bytes in an open-addressing
 * table, so an event allocates nothing unless its key is new.
 */
final class NativeSum {
    private final ChiselHost host;
    private final FieldHandle[] keys;
    private final FieldHandle value;

    private byte[] scratch = new byte[256];
    private int len;
    private LuaValue[] parts;

    // open addressing over entries
    private int[] slots = new int[64]; // entry index + 1, 0 = empty
    private byte[][] entryBytes = new byte[16][];
    private int[] entryHash = new int[16];
    private LuaValue[] entryKey = new LuaValue[16];
    private double[] entrySum = new double[16];
    private int n;

    NativeSum(ChiselHost host, FieldHandle[] keys, FieldHandle value) {
        this.host = host;
        this.keys = keys;
        this.value = value;
        this.parts = new LuaValue[keys.length];
    }

    void add() {
        for (int i = 0; i < keys.length; i++) {
            LuaValue v = host.fieldLua(keys[i]);
            if (v.isnil()) return;
            parts[i] = v;
        }
        LuaValue v = host.fieldLua(value);
        if (v.isnil()) return;
        double d = v.todouble();
        if (!(d > 0)) return;
        len = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                put((byte) 1);
                put((byte) 1);
            }
            LuaValue p = parts[i];
            if (p.type() == LuaValue.TSTRING) {
                LuaString s = p.checkstring();
                ensure(s.m_length);
                System.arraycopy(s.m_bytes, s.m_offset, scratch, len, s.m_length);
                len += s.m_length;
            } else {
                // numbers join as LuaJIT prints them; booleans make table.concat fail, which Lua would report
                if (p.type() != LuaValue.TNUMBER) throw new org.luaj.vm2.LuaError("invalid value (at index " + (i + 1)
                        + ") in table for 'concat'");
                double x = p.todouble();
                if (x == (long) x && Math.abs(x) < 1e14) {
                    putLong((long) x);
                } else {
                    byte[] b = LuaCompat.numberToString(x).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    ensure(b.length);
                    System.arraycopy(b, 0, scratch, len, b.length);
                    len += b.length;
                }
            }
        }
        int h = hash(scratch, len);
        int mask = slots.length - 1;
        for (int s = h & mask;; s = (s + 1) & mask) {
            int e = slots[s];
            if (e == 0) {
                int idx = newEntry(h);
                slots[s] = idx + 1;
                entrySum[idx] = d;
                if (n * 2 > slots.length) rehash();
                return;
            }
            e--;
            if (entryHash[e] == h && entryBytes[e].length == len && Arrays.equals(entryBytes[e], 0, len, scratch, 0, len)) {
                entrySum[e] += d;
                return;
            }
        }
    }

    private int newEntry(int h) {
        if (n == entryBytes.length) {
            int c = n * 2;
            entryBytes = Arrays.copyOf(entryBytes, c);
            entryHash = Arrays.copyOf(entryHash, c);
            entryKey = Arrays.copyOf(entryKey, c);
            entrySum = Arrays.copyOf(entrySum, c);
        }
        entryBytes[n] = Arrays.copyOf(scratch, len);
        entryHash[n] = h;
        entryKey[n] = parts.length == 1 ? parts[0] : LuaString.valueUsing(entryBytes[n]);
        return n++;
    }

    private void rehash() {
        int[] ns = new int[slots.length * 2];
        int mask = ns.length - 1;
        for (int e = 0; e < n; e++) {
            int s = entryHash[e] & mask;
            while (ns[s] != 0) s = (s + 1) & mask;
            ns[s] = e + 1;
        }
        slots = ns;
    }

    /** The totals as a Lua table {key = total}; the sums start over. */
    LuaTable take() {
        LuaTable t = new LuaTable();
        for (int e = 0; e < n; e++) t.rawset(entryKey[e], LuaValue.valueOf(entrySum[e]));
        Arrays.fill(slots, 0);
        Arrays.fill(entryBytes, 0, n, null);
        Arrays.fill(entryKey, 0, n, null);
        n = 0;
        return t;
    }

    private static int hash(byte[] b, int n) {
        int h = 0x9747b28c;
        for (int i = 0; i < n; i++) h = (h ^ b[i]) * 0x01000193;
        return h ^ (h >>> 16);
    }

    private void ensure(int more) {
        if (len + more > scratch.length) scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, len + more));
    }

    private void put(byte b) {
        ensure(1);
        scratch[len++] = b;
    }

    private void putLong(long v) {
        ensure(20);
        if (v < 0) {
            scratch[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            scratch[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = scratch[i];
            scratch[i] = scratch[j];
            scratch[j] = t;
        }
    }
}
