package io.jdig.cli;

/** Entry point of the {@code jdig} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Jdig().run(args));
    }
}
