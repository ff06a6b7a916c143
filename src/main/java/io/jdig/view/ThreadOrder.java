package io.jdig.view;

import io.jdig.state.StateEngine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Follows which tids the state engine's thread table holds, to walk them in the order sysdig's thread table (a
 * C++ unordered_map keyed by tid, hashed as itself) would: csysdig adds a row for every thread in that order at
 * each sample.
 */
public final class ThreadOrder implements StateEngine.TableObserver {
    private HashOrder order = new HashOrder();
    private long[] tids = new long[64];
    private final Map<Long, Integer> nodeOf = new HashMap<>();

    /** Follows {@code state} from now on (before the trace is opened, so that its process list is seen). */
    public static ThreadOrder follow(StateEngine state) {
        ThreadOrder o = new ThreadOrder();
        state.observeTable(o);
        return o;
    }

    @Override
    public void added(long tid) {
        int n = order.insert(tid);
        if (n >= tids.length) {
            tids = java.util.Arrays.copyOf(tids, Math.max(n + 1, tids.length * 2));
        }
        tids[n] = tid;
        nodeOf.put(tid, n);
    }

    @Override
    public void removed(long tid) {
        Integer n = nodeOf.remove(tid);
        if (n != null) {
            order.erase(n);
        }
    }

    @Override
    public void cleared() {
        order = new HashOrder();
        nodeOf.clear();
    }

    /** Calls {@code action} with each tid, in sysdig's order. */
    public void forEach(LongConsumer action) {
        for (int n = order.head(); n >= 0; n = order.after(n)) {
            action.accept(tids[n]);
        }
    }
}
