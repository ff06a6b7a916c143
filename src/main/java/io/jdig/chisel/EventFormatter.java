package io.jdig.chisel;

/** A compiled {@code -p}-style format, rendered for the host's current event. */
@FunctionalInterface
public interface EventFormatter {
    /** The rendered line without newline, or null when the line is suppressed (missing field without '*'). */
    String format();
}
