package io.jdig.pipeline;

import java.nio.file.Path;

/** Where a run's events come from. */
public sealed interface Source {
    /** A name for messages and for chisels ({@code evt.source}). */
    String name();

    /**
     * A trace file, plain or gzip.
     *
     * @param shownAs the name it goes by in messages and for chisels: its path, or {@code -} for the copy of
     *                standard input that a chisel's next run reads
     */
    record TraceFile(Path path, String shownAs) implements Source {
        public TraceFile(Path path) {
            this(path, path.toString());
        }

        @Override
        public String name() {
            return shownAs;
        }
    }

    /** A trace on standard input ({@code -r -}). */
    record Stdin() implements Source {
        @Override
        public String name() {
            return "-";
        }
    }

    /**
     * Live capture with the eBPF driver.
     *
     * @param snaplen      bytes of each I/O buffer to capture, or -1 for the default (80) or what a chisel asks
     * @param withUsers    whether the /proc snapshot includes the users and groups
     */
    record Live(int snaplen, boolean withUsers) implements Source {
        @Override
        public String name() {
            return "";
        }
    }

    /**
     * Events already held in memory (an exploration's store of a capture read once): the state starts from
     * {@code header}, the metadata the capture began with, then reads the events {@code events} opens, each time the
     * source is run. No file is read.
     *
     * @param name   the capture's name, for messages and for chisels
     * @param header the metadata at the head of the capture (machine, users, processes and their fds)
     * @param events opens a fresh stream over the held events, from the first
     * @param before how many events of the capture came before the first one held (a ring that dropped its
     *               oldest): the events are numbered on from there, as they were when captured
     */
    record Recorded(String name, io.jdig.event.meta.Metadata header,
                    java.util.function.Supplier<io.jdig.event.EventSource> events, long before) implements Source {
        /** All of a capture's events, numbered from 1. */
        public Recorded(String name, io.jdig.event.meta.Metadata header,
                        java.util.function.Supplier<io.jdig.event.EventSource> events) {
            this(name, header, events, 0);
        }
    }

    /** {@code -r NAME}: standard input for {@code -}, else a file. */
    static Source ofName(String name) {
        return name.equals("-") ? new Stdin() : new TraceFile(Path.of(name));
    }
}
