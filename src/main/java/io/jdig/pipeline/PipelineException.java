package io.jdig.pipeline;

/**
 * Ends a run: a message for the user (printed as one line, or nothing when it is null because the problem has
 * been reported already) and the exit status.
 */
public final class PipelineException extends RuntimeException {
    private final int exitCode;

    public PipelineException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public PipelineException(String message) {
        this(message, 1);
    }

    public int exitCode() {
        return exitCode;
    }
}
