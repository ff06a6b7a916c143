package io.jdig.cli;

import io.jdig.explore.Exploration;
import io.jdig.state.PortNames;
import io.jdig.web.WebUi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code jdig ui [options] [trace.scap]}: the web UI. Its options are its own; the first word {@code ui} selects it. */
final class UiCommand {
    static final String USAGE = """
            Usage: jdig ui [--port N] [--listen ADDR] [--ring SIZE] [--keep SECONDS] [-R] [--chisel-path DIR] [-pc]
                           [[-r] trace.scap]
            Serves a web UI over a capture and prints its address (with a random token) on standard output.
              --port N           the port (default: a free one)
              --listen ADDR      the address to bind (default 127.0.0.1; others print a warning)
              --ring SIZE        live: the most memory the recent events take, in bytes or with K, M or G
                                 (default 1G, at least 64M); the live overview, dig and echo cover what it holds
              --keep SECONDS     live: how far back "save" can go (default 300)
              -R                 service names for ports
              --chisel-path DIR  another directory of views
              -pc                container columns in the views
            From another machine: ssh -L 8080:127.0.0.1:PORT host, then open the address with port 8080.""";

    private UiCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String listen = "127.0.0.1";
        int port = 0;
        Path trace = null;
        boolean ports = false;
        boolean containers = false;
        List<String> chiselPaths = new ArrayList<>();
        Exploration.LiveOptions live = Exploration.LiveOptions.DEFAULT;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--port", "--listen", "--chisel-path", "-r", "--ring", "--keep" -> {
                    if (v == null) {
                        err.println("jdig ui: " + a + " needs a value");
                        return 1;
                    }
                    i++;
                    switch (a) {
                        case "--port" -> {
                            try {
                                port = Integer.parseInt(v);
                            } catch (NumberFormatException e) {
                                port = -1;
                            }
                            if (port < 0 || port > 65535) {
                                err.println("jdig ui: invalid port " + v);
                                return 1;
                            }
                        }
                        case "--listen" -> listen = v;
                        case "--ring" -> {
                            long bytes = sizeOf(v);
                            if (bytes < MIN_RING) {
                                err.println("jdig ui: invalid ring size " + v + " (at least 64M)");
                                return 1;
                            }
                            live = live.withKeepBytes(bytes);
                        }
                        case "--keep" -> {
                            double secs;
                            try {
                                secs = Double.parseDouble(v);
                            } catch (NumberFormatException e) {
                                secs = -1;
                            }
                            if (!(secs > 0) || Double.isInfinite(secs)) {
                                err.println("jdig ui: invalid number of seconds " + v);
                                return 1;
                            }
                            live = live.withKeepSeconds(secs);
                        }
                        case "--chisel-path" -> chiselPaths.add(v);
                        default -> trace = Path.of(v);
                    }
                }
                case "-R" -> ports = true;
                case "-pc" -> containers = true;
                default -> {
                    if (a.startsWith("-") || trace != null) {
                        err.println("jdig ui: unknown option or extra argument: " + a + "\n" + USAGE);
                        return 1;
                    }
                    trace = Path.of(a);
                }
            }
        }
        var settings = new Exploration.Settings(chiselPaths, containers, false,
                ports ? PortNames.SERVICES : PortNames.NUMBERS);
        return WebUi.serve(new WebUi.Config(trace, listen, port, settings, live), out, err);
    }

    /** The live ring's least size: two of its chunks. */
    private static final long MIN_RING = 64L << 20;

    /** A size in bytes, with an optional K, M or G (powers of 1024); -1 when it is not one. */
    static long sizeOf(String v) {
        if (v.isEmpty()) {
            return -1;
        }
        char unit = Character.toUpperCase(v.charAt(v.length() - 1));
        int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(digits);
            return n < 0 || n > (Long.MAX_VALUE >> shift) ? -1 : n << shift;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
