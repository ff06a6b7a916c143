package io.jdig.event.meta;

/** A user account known to the capture. */
public record UserRecord(int uid, int gid, String name, String home, String shell) {
}
