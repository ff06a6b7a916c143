package io.jdig.pipeline;

import java.util.List;

/**
 * How a run ended: its exit status, the events that passed the filter, the command line of a second run a chisel
 * asked for ({@code around}, {@code spy_logs} given a file) split into words (empty when none), and the last
 * problem reported (null when none).
 */
public record Outcome(int exitCode, long matched, List<String> nextRun, String error) {
    public Outcome {
        nextRun = List.copyOf(nextRun);
    }
}
