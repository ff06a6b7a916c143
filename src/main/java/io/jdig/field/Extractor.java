package io.jdig.field;

/** Reads one field's value for the current event; false when the field does not apply to it. */
@FunctionalInterface
public interface Extractor {
    boolean extract(EventContext c, FieldValue out);
}
