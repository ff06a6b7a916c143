package io.jdig.explore;

import io.jdig.event.meta.Metadata;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import io.jdig.field.EventContext;
import io.jdig.state.FdInfo;
import io.jdig.state.FdType;
import io.jdig.state.NetFormat;
import io.jdig.state.PortNames;
import io.jdig.state.StateEngine;
import io.jdig.state.TableSnapshot;
import io.jdig.state.ThreadInfo;

import java.util.Arrays;

/**
 * The state engine's tables where a chunk of a live session's ring starts, for a replay of the ring to start from
 * once the events before it are dropped (as a trace file starts with the tables sinsp dumps at its head).
 *
 * <p>The tables are metadata records ({@link TableSnapshot}), with one thing records cannot say: which connected
 * sockets are the server side. A reader tells them from the ports that sockets listen on, which fails for a server
 * bound to port 0 (the kernel's choice of port is not in its events); so the server sides are listed too, and a
 * replay puts them back ({@link #roles}) once the records are read.
 *
 * @param tables  the thread and fd tables as records
 * @param servers the server-side sockets, as pairs of thread id and fd number
 */
record RingHead(Metadata tables, long[] servers) {

    static RingHead of(StateEngine state, Metadata base) {
        Metadata m = TableSnapshot.of(state, base);
        long[][] servers = {new long[16]};
        int[] n = {0};
        state.threads().forEachValue(t -> {
            ThreadInfo main = t.isMain() ? null : state.lookup(t.pid);
            if (main != null && main.fds == t.fds) {
                return; // written (and read back) as the main thread's
            }
            t.fds.forEach(f -> {
                if (f.role == FdInfo.ROLE_SERVER && (f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK)) {
                    if (n[0] + 2 > servers[0].length) {
                        servers[0] = Arrays.copyOf(servers[0], n[0] * 2);
                    }
                    servers[0][n[0]++] = t.tid;
                    servers[0][n[0]++] = f.fd;
                }
            });
        });
        return new RingHead(m, Arrays.copyOf(servers[0], n[0]));
    }

    /** A sink, first of a replay's, that makes the listed sockets server sides again once the tables are read. */
    Sink roles(PortNames ports) {
        return new Sink() {
            @Override
            public void start(Run run) {
                StateEngine state = run.state();
                for (int i = 0; i < servers.length; i += 2) {
                    ThreadInfo t = state.lookup(servers[i]);
                    FdInfo f = t == null ? null : t.fds.get(servers[i + 1]);
                    if (f == null || f.role == FdInfo.ROLE_SERVER) {
                        continue;
                    }
                    // read back server side first (local address first, as /proc lists it): client side first again
                    int ip = f.sip;
                    f.sip = f.dip;
                    f.dip = ip;
                    byte[] ip6 = f.sip6;
                    f.sip6 = f.dip6;
                    f.dip6 = ip6;
                    int p = f.sport;
                    f.sport = f.dport;
                    f.dport = p;
                    f.role = FdInfo.ROLE_SERVER;
                    String name = NetFormat.socketName(f, ports);
                    if (name != null) {
                        f.setName(name);
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
