package io.jdig.view.cli;

import io.jdig.cli.EventLoop;
import io.jdig.field.EventContext;
import io.jdig.scap.ScapFormatException;
import io.jdig.scap.ScapReader;
import io.jdig.state.StateEngine;
import io.jdig.view.ViewSink;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Feeds a trace file to a view: every event after the state update (a view filters for itself), then the end of
 * the capture. The only place that knows how events are read; it moves onto the event pipeline once there is one.
 */
final class FileDriver {
    private FileDriver() {
    }

    /** What happened to the read. */
    enum Outcome {
        ENDED, STOPPED
    }

    static Outcome run(Path file, StateEngine state, ViewSink sink, Long limit) throws IOException {
        EventLoop loop = new EventLoop(state);
        boolean[] any = {false};
        loop.consumer(new EventLoop.Consumer() {
            @Override
            public boolean onEvent(EventContext c) {
                any[0] = true;
                sink.onEvent(c);
                return true;
            }
        });
        if (limit != null) {
            loop.limit(limit);
        }
        try (ScapReader r = ScapReader.open(file, state)) {
            r.readHeader();
            loop.newSection();
            boolean ended = loop.run(r);
            if (!ended) {
                return Outcome.STOPPED;
            }
            sink.onEnd(any[0] ? loop.context() : null);
            return Outcome.ENDED;
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (ScapFormatException e) {
            throw new IOException(file + ": " + e.getMessage() + " (at byte " + e.offset() + ")", e);
        }
    }
}
