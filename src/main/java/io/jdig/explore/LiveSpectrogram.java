package io.jdig.explore;

import io.jdig.field.EventContext;

import java.util.function.Consumer;

/**
 * A spectrogram a live session keeps sampling (csysdig's F12 on a live capture): fed by the session's one capture
 * on its thread, a new sample every interval, read now and then by a UI with {@link #snapshot}. It starts empty,
 * as csysdig's does, and keeps the last {@link #KEEP} samples. {@link #close} stops feeding it.
 */
public final class LiveSpectrogram implements AutoCloseable {
    /** The most samples kept: more rows than a screen has. */
    public static final int KEEP = 1000;

    private final String viewId;
    private final String filter;
    private final int width;
    private final long intervalNs;
    private final SpectrogramFeed feed;
    private final Consumer<LiveSpectrogram> onClose;
    private volatile boolean closed;

    LiveSpectrogram(String viewId, String filter, int width, long intervalNs, SpectrogramFeed feed,
                    Consumer<LiveSpectrogram> onClose) {
        this.viewId = viewId;
        this.filter = filter;
        this.width = width;
        this.intervalNs = intervalNs;
        this.feed = feed;
        this.onClose = onClose;
    }

    /** The samples made so far (at most {@link #KEEP}, the newest last). */
    public synchronized Spectrogram snapshot() {
        return new Spectrogram(viewId, filter, width, intervalNs, feed.samples());
    }

    /** How many samples were made since it started (also those no longer kept). */
    public synchronized long samplesMade() {
        return feed.made();
    }

    /** The capture time each sample covers. */
    public long intervalNs() {
        return intervalNs;
    }

    /** On the capture's thread: an event; true when it ended a sample. */
    synchronized boolean onLiveEvent(EventContext c) {
        return !closed && feed.onLiveEvent(c);
    }

    /** On the capture's thread, while no event comes: true when the interval's sample was made. */
    synchronized boolean tick(long nowNs) {
        return !closed && feed.tick(nowNs);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
        }
    }
}
