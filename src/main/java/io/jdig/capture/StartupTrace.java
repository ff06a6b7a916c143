package io.jdig.capture;

/** Prints start-up phase times to stderr when {@code JDIG_STARTUP_TRACE} is set (diagnostics for slow starts). */
public final class StartupTrace {
    private static final boolean ON = System.getenv("JDIG_STARTUP_TRACE") != null;
    private static final long T0 = ProcessHandle.current().info().startInstant()
            .map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());

    private StartupTrace() {
    }

    public static void mark(String phase) {
        if (ON) {
            System.err.println("startup: " + (System.currentTimeMillis() - T0) + " ms " + phase);
        }
    }
}
