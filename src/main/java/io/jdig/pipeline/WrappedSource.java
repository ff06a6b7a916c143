package io.jdig.pipeline;

import io.jdig.event.EventSource;

import java.io.IOException;

/** A source that hands on another's events, doing something of its own around {@link #next()}. */
abstract class WrappedSource implements EventSource {
    protected final EventSource inner;

    WrappedSource(EventSource inner) {
        this.inner = inner;
    }

    @Override
    public byte[] buffer() {
        return inner.buffer();
    }

    @Override
    public int offset() {
        return inner.offset();
    }

    @Override
    public int cpu() {
        return inner.cpu();
    }

    @Override
    public int flags() {
        return inner.flags();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
