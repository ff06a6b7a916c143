package io.jdig.cli;

/** Entry point of the {@code jdig} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new Jdig().run(args);
        } catch (OutOfMemoryError e) {
            System.err.println("jdig: out of memory");
            code = 3;
        } catch (RuntimeException | StackOverflowError e) {
            System.err.println("jdig: internal error: " + e);
            code = 3;
        }
        // Everything jdig writes is flushed by now and live capture has stopped: halting skips the JVM's exit
        // sequence, which would first set up its logging just to record the exit (several milliseconds).
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
