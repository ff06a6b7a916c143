package io.jdig.event.meta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata that precedes the events of a capture, held in memory: what a trace file's MI/IL/UL/PL/FDL blocks
 * carry, or what a /proc snapshot found. It collects records as a {@link MetadataSink} (only the first section of a
 * file is kept), can feed them to another sink ({@link #replay}) and is what the trace writer writes.
 *
 * <p>A {@code null} machine, interface list or user list means the capture has no such block (plugin captures,
 * {@code -E}); an empty list means an empty block.
 */
public final class Metadata implements MetadataSink {
    public MachineRecord machine;
    public List<InterfaceRecord> interfaces;
    public List<UserRecord> users;
    public List<GroupRecord> groups;
    public final List<ThreadRecord> threads = new ArrayList<>();
    /** fd lists by thread id, in the order they arrived */
    public final Map<Long, List<FdRecord>> fds = new LinkedHashMap<>();
    /** threads whose executable the thread's user may write (PL_V9 exe_writable) */
    public final Set<Long> exeWritable = new HashSet<>();
    private int sections;

    @Override
    public void onSectionStart() {
        sections++;
    }

    private boolean first() {
        return sections <= 1;
    }

    @Override
    public void onMachine(MachineRecord m) {
        if (first()) {
            machine = m;
        }
    }

    @Override
    public void onInterface(InterfaceRecord itf) {
        if (first()) {
            if (interfaces == null) {
                interfaces = new ArrayList<>();
            }
            interfaces.add(itf);
        }
    }

    @Override
    public void onUser(UserRecord user) {
        if (first()) {
            ensureUsers();
            users.add(user);
        }
    }

    @Override
    public void onGroup(GroupRecord group) {
        if (first()) {
            ensureUsers();
            groups.add(group);
        }
    }

    public void ensureUsers() {
        if (users == null) {
            users = new ArrayList<>();
            groups = new ArrayList<>();
        }
    }

    @Override
    public void onThread(ThreadRecord thread) {
        if (first()) {
            threads.add(thread);
        }
    }

    @Override
    public void onFds(long tid, List<FdRecord> list) {
        if (first()) {
            fds.computeIfAbsent(tid, k -> new ArrayList<>()).addAll(list);
        }
    }

    /** Feeds everything to {@code sink} in file order, as a reader would: section start, MI, IL, UL, PL, FDL. */
    public void replay(MetadataSink sink) {
        sink.onSectionStart();
        if (machine != null) {
            sink.onMachine(machine);
        }
        if (interfaces != null) {
            interfaces.forEach(sink::onInterface);
        }
        if (users != null) {
            users.forEach(sink::onUser);
            groups.forEach(sink::onGroup);
        }
        threads.forEach(sink::onThread);
        for (ThreadRecord t : threads) {
            sink.onFds(t.tid(), fds.getOrDefault(t.tid(), List.of()));
        }
    }

    /** A sink that passes every record to both {@code a} and {@code b}. */
    public static MetadataSink tee(MetadataSink a, MetadataSink b) {
        return new MetadataSink() {
            @Override
            public void onSectionStart() {
                a.onSectionStart();
                b.onSectionStart();
            }

            @Override
            public void onMachine(MachineRecord m) {
                a.onMachine(m);
                b.onMachine(m);
            }

            @Override
            public void onInterface(InterfaceRecord itf) {
                a.onInterface(itf);
                b.onInterface(itf);
            }

            @Override
            public void onUser(UserRecord user) {
                a.onUser(user);
                b.onUser(user);
            }

            @Override
            public void onGroup(GroupRecord group) {
                a.onGroup(group);
                b.onGroup(group);
            }

            @Override
            public void onThread(ThreadRecord thread) {
                a.onThread(thread);
                b.onThread(thread);
            }

            @Override
            public void onFds(long tid, List<FdRecord> list) {
                a.onFds(tid, list);
                b.onFds(tid, list);
            }
        };
    }
}
