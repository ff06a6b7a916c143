package io.jdig.consumer;

import io.jdig.state.FdInfo;
import io.jdig.state.StateEngine;
import io.jdig.state.ThreadInfo;
import io.jdig.state.Users;

/** The state behind a stream's views; the views of the current event are reused from event to event. */
final class Tables {
    private final StateEngine state;
    private final ThreadView eventThread;
    private final FdView eventFd;

    Tables(StateEngine state) {
        this.state = state;
        this.eventThread = new ThreadView(this, null);
        this.eventFd = new FdView(null);
    }

    StateEngine state() {
        return state;
    }

    Users users() {
        return state.users();
    }

    ThreadView thread(ThreadInfo t) {
        return eventThread.at(t);
    }

    FdView fd(FdInfo f) {
        return eventFd.at(f);
    }
}
