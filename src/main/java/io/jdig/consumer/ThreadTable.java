package io.jdig.consumer;

import java.util.ArrayList;
import java.util.List;

/** The threads the state knows at the current event, read-only. */
public final class ThreadTable {
    private final Tables tables;

    ThreadTable(Tables tables) {
        this.tables = tables;
    }

    /** The thread with this id, or null when the state does not know it. */
    public ThreadView get(long tid) {
        var t = tables.state().lookup(tid);
        return t == null ? null : new ThreadView(tables, t);
    }

    /** How many threads the state knows. */
    public int size() {
        return tables.state().threads().size();
    }

    /** Every known thread, in no particular order. */
    public List<ThreadView> all() {
        List<ThreadView> list = new ArrayList<>();
        tables.state().threads().forEachValue(t -> list.add(new ThreadView(tables, t)));
        return list;
    }
}
