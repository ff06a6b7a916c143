package io.jdig.event.meta;

/** A group known to the capture. */
public record GroupRecord(int gid, String name) {
}
