package io.jdig.filter;

import io.jdig.field.EventContext;

/** A compiled filter: evaluating it for the current event allocates nothing. */
@FunctionalInterface
public interface EventPredicate {
    boolean test(EventContext c);
}
