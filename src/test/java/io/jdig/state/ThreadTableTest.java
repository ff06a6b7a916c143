package io.jdig.state;

import io.jdig.event.EventBytes;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.event.meta.FdRecord;
import io.jdig.event.meta.ThreadRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The thread table as sinsp keeps it: thread counts, removal, clone children, fds read from the process list. */
class ThreadTableTest {
    private final StateEngine state = new StateEngine();
    private final EventView ev = new EventView();
    private long ts = 1_000_000_000L;

    private static ThreadRecord thread(long tid, long pid, long ptid, int flags) {
        return new ThreadRecord(tid, pid, ptid, 0, 0, "prog", "/bin/prog", "/bin/prog", List.of(), "/", 1024, flags,
                0, 0, 0, 0, 0, 0, 0, List.of(), tid, pid, List.of(), "/", -1);
    }

    /** An event in the trace's binary layout: header, 16-bit parameter lengths, parameter bytes. */
    private void event(long tid, int type, Object... params) {
        assertThat(ev.wrap(EventBytes.of(ts++, tid, type, params), 0, 0, 0)).isTrue();
        state.process(ev);
    }

    /** A clone exit (the 20-parameter layout) seen by {@code tid}, returning {@code res}. */
    private void cloneExit(long tid, long res, long pid, long ptid, int flags, long vtid, long vpid) {
        event(tid, EventTypes.CLONE_20_X, res, "/bin/prog", "", tid, pid, ptid, "/", 1024L, 0L, 0L, 0, 0, 0, "prog",
                "", flags, 0, 0, vtid, vpid);
    }

    @Test
    void threadsOfTheProcessListCountInTheirMainThread() {
        state.onThread(thread(100, 100, 1, 0));
        state.onThread(thread(101, 100, 100, ThreadInfo.CL_CLONE_THREAD));
        state.onThread(thread(102, 100, 100, ThreadInfo.CL_CLONE_THREAD));
        state.onThread(thread(200, 200, 100, 0)); // a child process, not a thread
        state.onThread(thread(301, 300, 1, ThreadInfo.CL_CLONE_THREAD)); // its main thread is not listed
        tick();

        assertThat(state.lookup(100).nchilds).isEqualTo(2);
        assertThat(state.lookup(200).nchilds).isZero();
        // made up, as sinsp looks the main thread up; the made-up entry starts with the threads of its pid already
        // counted, and the thread then counts once more (sinsp does the same)
        assertThat(state.lookup(300)).isNotNull();
        assertThat(state.lookup(300).nchilds).isEqualTo(2);
    }

    @Test
    void aMainThreadStaysWhileItsThreadsLive() {
        state.onThread(thread(100, 100, 1, 0));
        state.onThread(thread(101, 100, 100, ThreadInfo.CL_CLONE_THREAD));
        event(100, EventTypes.PROCEXIT_E);
        tick(); // applies the deferred removal of 100
        assertThat(state.lookup(100)).isNotNull();
        assertThat(state.lookup(100).flags & ThreadInfo.CL_CLOSED).isNotZero();

        event(101, EventTypes.PROCEXIT_E);
        tick();
        assertThat(state.lookup(101)).isNull();
        assertThat(state.lookup(100).nchilds).isZero();
    }

    @Test
    void aCloneChildOutsideContainersHasItsOwnTidAsVtid() {
        state.onThread(thread(100, 100, 1, 0));
        cloneExit(100, 105, 100, 1, ThreadInfo.CL_CLONE_THREAD, 100, 100);
        ThreadInfo c = state.lookup(105);
        assertThat(c.pid).isEqualTo(100);
        assertThat(c.vtid).isEqualTo(105);
        assertThat(c.vpid).isEqualTo(100);
        assertThat(state.lookup(100).nchilds).isEqualTo(1);

        // the child's own clone exit then changes nothing
        cloneExit(105, 0, 100, 1, ThreadInfo.CL_CLONE_THREAD, 105, 100);
        assertThat(state.lookup(105)).isSameAs(c);
        assertThat(state.lookup(100).nchilds).isEqualTo(1);
    }

    @Test
    void aCloneChildInsideAPidNamespaceTakesTheEventsIds() {
        state.onThread(thread(100, 100, 1, 0));
        cloneExit(106, 0, 106, 100, ThreadInfo.CL_CHILD_IN_PIDNS, 7, 7);
        ThreadInfo c = state.lookup(106);
        assertThat(c.ptid).isEqualTo(100);
        assertThat(c.pid).isEqualTo(106);
        assertThat(c.vtid).isEqualTo(7);
        assertThat(c.vpid).isEqualTo(7);
        assertThat(c.flags & ThreadInfo.CL_CLONE_INVERTED).isNotZero();
    }

    @Test
    void contextSwitchesUpdateTheMainThreadsMemory() {
        state.onThread(thread(100, 100, 1, 0));
        state.onThread(thread(101, 100, 100, ThreadInfo.CL_CLONE_THREAD));
        event(101, EventTypes.SCHEDSWITCH_6_E, 0L, 1L, 2L, 300, 200, 10);
        assertThat(state.lookup(100).vmsizeKb).isEqualTo(300);
        assertThat(state.lookup(100).vmrssKb).isEqualTo(200);
        assertThat(state.lookup(100).vmswapKb).isEqualTo(10);
        assertThat(state.lookup(101).pfminor).isEqualTo(2);
    }

    @Test
    void tcpSocketsOfTheProcessListAreConnected() {
        state.onThread(thread(100, 100, 1, 0));
        state.onFds(100, List.of(
                new FdRecord(3, 0, FdRecord.IPV4_SOCK, 0, "", 0x0100007f, 0x0100007f, null, null, 40000, 80,
                        FdInfo.L4_TCP, 0, 0, 0),
                new FdRecord(4, 0, FdRecord.IPV4_SOCK, 0, "", 0x0100007f, 0x0100007f, null, null, 40001, 53,
                        FdInfo.L4_UDP, 0, 0, 0)));
        assertThat(state.lookup(100).fds.get(3).socketConnected).isTrue();
        assertThat(state.lookup(100).fds.get(4).socketConnected).isFalse();
    }

    @Test
    void aWriteWhoseEnterWasFilteredOutFindsItsFdWhenFilteringBeforeParse() {
        state.onThread(thread(100, 100, 1, 0));
        state.onFds(100, List.of(FdRecord.named(5, 0, FdRecord.FILE_V2, 0, "/dev/tty")));
        state.filterBeforeParse(true);
        tick();
        write(true);
        assertThat(state.fd()).isNotNull();
        assertThat(state.fd().name()).isEqualTo("/dev/tty");

        state.filterBeforeParse(false);
        write(true);
        assertThat(state.fd()).isNull();
    }

    /** A write of fd 5 whose enter is reset and then filtered out, so that the exit does not pair with it. */
    private void write(boolean dropEnter) {
        event(100, EventTypes.WRITE_E, 5L, 10);
        if (dropEnter) {
            state.filteredOut(ev);
        }
        event(100, EventTypes.WRITE_X, 10L, "0123456789");
    }

    /** An event of a thread nobody knows (a context switch makes up no thread): applies pending changes. */
    private void tick() {
        event(999, EventTypes.SCHEDSWITCH_6_E, 0L, 0L, 0L, 0, 0, 0);
    }
}
