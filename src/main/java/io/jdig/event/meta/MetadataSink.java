package io.jdig.event.meta;

import java.util.List;

/** Receives the metadata that precedes the events of a capture (from a trace file or from /proc). */
public interface MetadataSink {
    /** A new section begins (the start of a file, or a concatenated file): forget the previous state. */
    default void onSectionStart() {
    }

    default void onMachine(MachineRecord machine) {
    }

    default void onInterface(InterfaceRecord itf) {
    }

    default void onUser(UserRecord user) {
    }

    default void onGroup(GroupRecord group) {
    }

    default void onThread(ThreadRecord thread) {
    }

    default void onFds(long tid, List<FdRecord> fds) {
    }
}
