package io.jdig.cli;

/** Live capture (eBPF). */
final class Live {
    private Live() {
    }

    static int run(Options o) {
        throw new Jdig.UsageException("live capture is not available in this build; read a file with -r FILE");
    }
}
