package io.jdig.view;

/**
 * One value in a view's table, held as sysdig holds it: a number of its C type (in {@link #num}, already cut to
 * the type's width), a double, or bytes (strings without their terminating NUL); and how many values it sums
 * ({@link #cnt}: 0 for a default filled in for a missing field, more than 1 for averages).
 */
public final class Cell {
    public long num;
    public double dbl;
    public byte[] bytes;
    public int cnt;

    Cell copy() {
        Cell c = new Cell();
        c.num = num;
        c.dbl = dbl;
        c.bytes = bytes;
        c.cnt = cnt;
        return c;
    }

    void set(Cell o) {
        num = o.num;
        dbl = o.dbl;
        bytes = o.bytes;
        cnt = o.cnt;
    }
}
