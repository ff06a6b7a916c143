package io.jdig.explore;

import io.jdig.event.meta.Metadata;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.field.EventContext;
import io.jdig.state.FdInfo;
import io.jdig.state.StateEngine;
import io.jdig.state.TableSnapshot;
import io.jdig.state.ThreadInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state engine's tables where a chunk of a live session's ring starts, for a replay of the ring to start from
 * once the events before it are dropped (as a trace file starts with the tables sinsp dumps at its head).
 *
 * <p>The tables are metadata records ({@link TableSnapshot}), which say less than the engine knows of a socket:
 * which side of a connection is the server (a reader tells it from the ports sockets listen on, which fails for a
 * server bound to port 0, whose port the kernel chose), or that a socket is bound but not connected (a reader takes
 * a TCP socket of a process list as connected). So the IP sockets are kept as the engine has them, too, and a
 * replay puts them back ({@link #restorer}) once the records are read.
 *
 * @param tables  the thread and fd tables as records
 * @param owners  the threads whose tables hold the sockets (a table shared by a process's threads: its main one's)
 * @param sockets the IP sockets as the engine had them, one for each owner
 * @param numbered how many events the capture had numbered before the chunk's first (a replay numbers on from it)
 */
record RingHead(Metadata tables, long[] owners, FdInfo[] sockets, long numbered) {

    static RingHead of(StateEngine state, Metadata base, long numbered) {
        Metadata m = TableSnapshot.of(state, base);
        List<FdInfo> socks = new ArrayList<>();
        long[][] owners = {new long[16]};
        state.threads().forEachValue(t -> {
            ThreadInfo main = t.isMain() ? null : state.lookup(t.pid);
            if (main != null && main.fds == t.fds) {
                return; // written (and read back) as the main thread's
            }
            t.fds.forEach(f -> {
                if (f.type.isIp()) {
                    if (socks.size() == owners[0].length) {
                        owners[0] = Arrays.copyOf(owners[0], socks.size() * 2);
                    }
                    owners[0][socks.size()] = t.tid;
                    socks.add(f.copy());
                }
            });
        });
        return new RingHead(m, Arrays.copyOf(owners[0], socks.size()), socks.toArray(FdInfo[]::new), numbered);
    }

    /** A sink, first of a replay's, that puts the sockets back as the engine had them once the tables are read. */
    Sink restorer() {
        return new Sink() {
            @Override
            public void start(Run run) {
                StateEngine state = run.state();
                state.linkNow(); // what the reader infers of the sockets first, then the engine's own
                for (int i = 0; i < sockets.length; i++) {
                    ThreadInfo t = state.lookup(owners[i]);
                    if (t != null) {
                        t.fds.put(sockets[i].fd, sockets[i].copy());
                    }
                }
            }

            @Override
            public boolean onEvent(EventContext c) {
                return true;
            }
        };
    }
}
