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

    /**
     * Whether the field certainly has no value for any event of this kind (the fd fields on an event without an
     * fd): filters then skip such events without looking at them. False when it may have one.
     */
    default boolean absentFor(io.jdig.event.EventInfo kind) {
        return false;
    }

    /** {@code x}, for the kinds of event {@code applies} accepts; no value for the others. */
    static Extractor onlyFor(java.util.function.Predicate<io.jdig.event.EventInfo> applies, Extractor x) {
        return new Extractor() {
            @Override
            public boolean extract(EventContext c, FieldValue out) {
                return x.extract(c, out);
            }

            @Override
            public boolean keepsState() {
                return x.keepsState();
            }

            @Override
            public boolean absentFor(io.jdig.event.EventInfo kind) {
                return !applies.test(kind);
            }
        };
    }
}
