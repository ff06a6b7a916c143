package io.jdig.cli;

/** Wires the parts of jdig together for one command line. */
public final class Jdig {
    public int run(String[] args) {
        System.err.println("jdig: nothing to do yet");
        return 1;
    }
}
