package io.jdig.field;

import io.jdig.event.EventView;
import io.jdig.state.FdInfo;
import io.jdig.state.StateEngine;
import io.jdig.state.ThreadInfo;

/** Everything a field may read about the current event: the event itself, the state, and run settings. */
public final class EventContext {
    public final EventView ev = new EventView();
    public final StateEngine state;
    /** Number of the current event (1-based, counting every event read). */
    public long num;
    public long firstTs;
    /** Timestamp of the previously printed event, for -t D and evt.deltatime. */
    public long prevPrintedTs;
    public BufferFormat bufferFormat = BufferFormat.NORMAL;
    public boolean json;
    /** Longest rendering of a buffer in normal mode (0: unlimited, as with -v). */
    public int maxBufferLen = 80;
    public TimeMode timeMode = TimeMode.HUMAN;
    /** Offset of local time from UTC in ns, for human-readable times. */
    public long tzOffsetNs;
    public String tzSuffix = "+0000";
    public boolean live;
    /** Scratch state shared by field extractors. */
    final ArgRenderer args;
    /** Scratch for the syslog decoder (the priority of the current message). */
    final int[] syslogScratch = new int[1];
    /** A second view, for fields that read the enter event stored for the thread. */
    final EventView scratchView = new EventView();

    public EventContext(StateEngine state) {
        this.state = state;
        this.args = new ArgRenderer(this);
    }

    /** The event's thread: the one the state engine found, else whatever the table knows for its tid. */
    public ThreadInfo thread() {
        ThreadInfo t = state.thread();
        return t != null ? t : state.lookup(ev.tid());
    }

    /**
     * The thread the state engine attached to the event itself (sinsp's {@code evt->m_tinfo}), without the table
     * look-up that {@link #thread()} falls back on. sinsp's latency fields read only this one, so they see no
     * thread on events it does not attach one to, such as the exit of a clone's child that returns before its
     * parent.
     */
    public ThreadInfo eventThread() {
        return state.thread();
    }

    public FdInfo fd() {
        return state.fd();
    }
}
