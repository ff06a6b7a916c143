package io.jdig.cli;

import io.jdig.filter.EventPredicate;
import io.jdig.state.StateEngine;

/** -w: writing trace files. */
final class Writer {
    private Writer() {
    }

    static int runOnFiles(Options o, StateEngine state, EventLoop loop, EventPredicate filter) {
        throw new Jdig.UsageException("writing trace files is not available in this build");
    }
}
