package io.jdig.consumer;

import io.jdig.state.ThreadInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread as the state knows it at the current event: identity, program, arguments, working directory, user, and
 * its file descriptors. A read-only view: it follows the state as events are read, so use it during a callback.
 */
public final class ThreadView {
    private final Tables tables;
    private ThreadInfo t;

    ThreadView(Tables tables, ThreadInfo t) {
        this.tables = tables;
        this.t = t;
    }

    ThreadView at(ThreadInfo info) {
        this.t = info;
        return this;
    }

    /** The thread id ({@code thread.tid}). */
    public long tid() {
        return t.tid;
    }

    /** The process id: the id of the thread group's main thread ({@code proc.pid}). */
    public long pid() {
        return t.pid;
    }

    /** The parent's thread id ({@code proc.ppid}). */
    public long parentPid() {
        return t.ptid;
    }

    /** The command name ({@code proc.name}). */
    public String name() {
        return t.comm();
    }

    /** The first argument of the command line as given at exec ({@code proc.exe}). */
    public String exe() {
        return t.exe;
    }

    /** The path of the program's executable ({@code proc.exepath}). */
    public String exePath() {
        return t.exepath;
    }

    /** The command-line arguments after the first ({@code proc.args}, as a list). */
    public List<String> args() {
        return List.copyOf(t.args);
    }

    /** The working directory ({@code proc.cwd}). */
    public String cwd() {
        return t.cwd;
    }

    /** The user id ({@code user.uid}). */
    public long uid() {
        return t.uid & 0xFFFFFFFFL;
    }

    /** The group id ({@code group.gid}). */
    public long gid() {
        return t.gid & 0xFFFFFFFFL;
    }

    /** The user's name from the capture's user table, or null when it is not known. */
    public String userName() {
        var u = tables.users().user(t.uid);
        return u == null ? null : u.name();
    }

    /** The container the thread runs in ({@code container.id}): {@code host} outside containers. */
    public String containerId() {
        return t.containerId.isEmpty() ? "host" : t.containerId;
    }

    /** One of the thread's open file descriptors, or null when it has no such fd. */
    public FdView fd(long number) {
        var f = t.fds.get(number);
        return f == null ? null : new FdView(f);
    }

    /** The thread's open file descriptors, in no particular order. */
    public List<FdView> fds() {
        List<FdView> all = new ArrayList<>();
        t.fds.forEach(f -> all.add(new FdView(f)));
        return all;
    }

    @Override
    public String toString() {
        return name() + "(" + tid() + ")";
    }
}
