package io.jdig.cli;

import io.jdig.filter.EventPredicate;
import io.jdig.state.StateEngine;

/** -c, -cl and -i: running and describing chisels. */
final class Chisels {
    private Chisels() {
    }

    static int list(Options o) {
        throw new Jdig.UsageException("chisels are not available in this build");
    }

    static int info(Options o) {
        throw new Jdig.UsageException("chisels are not available in this build");
    }

    static int runOnFiles(Options o, StateEngine state, EventLoop loop, EventPredicate filter, Output out) {
        throw new Jdig.UsageException("chisels are not available in this build");
    }
}
