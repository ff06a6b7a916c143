package io.jdig.field;

/** Reads one field's value for the current event; false when the field does not apply to it. */
@FunctionalInterface
public interface Extractor {
    boolean extract(EventContext c, FieldValue out);

    /**
     * Whether extracting changes what the next extraction gives (a delta to the previous event, CPU since the
     * previous procinfo event): such a field must see every event it is asked about, never be skipped.
     */
    default boolean keepsState() {
        return false;
    }
}
