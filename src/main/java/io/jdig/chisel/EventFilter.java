package io.jdig.chisel;

/** A compiled filter, evaluated against the host's current event. */
@FunctionalInterface
public interface EventFilter {
    boolean matches();
}
