package io.jdig.field;

import io.jdig.event.ByteBuf;

/** A reusable holder for one extracted value: a number, a double, or bytes (strings, buffers, addresses). */
public final class FieldValue {
    public long num;
    public double dbl;
    public final ByteBuf str = new ByteBuf(128);

    public FieldValue setNum(long v) {
        num = v;
        return this;
    }
}
