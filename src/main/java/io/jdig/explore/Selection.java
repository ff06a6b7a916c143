package io.jdig.explore;

/**
 * One step of a drill-down: in view {@code viewId}, the row whose key is {@code key} was opened (Enter in the
 * terminal UI, a click in the web UI).
 */
public record Selection(String viewId, String key) {
}
