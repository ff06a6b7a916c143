package io.jdig.pipeline;

import java.util.List;

/**
 * How a run ended: its exit status, the events that passed the filter, the command line of a second run a chisel
 * asked for ({@code around}, {@code spy_logs} given a file) split into words (empty when none), the last
 * problem reported (null when none), and, for a run that takes a file cut short as its end
 * ({@link Pipeline.Builder#cutShortEnds}), why the file could not be read further (null when it was read whole).
 */
public record Outcome(int exitCode, long matched, List<String> nextRun, String error, String cutShort) {
    public Outcome {
        nextRun = List.copyOf(nextRun);
    }
}
