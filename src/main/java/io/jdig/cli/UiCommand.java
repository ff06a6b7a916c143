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
            Usage: jdig ui [--port N] [--listen ADDR] [-R] [--chisel-path DIR] [-pc] [[-r] trace.scap]
            Serves a web UI over a capture and prints its address (with a random token) on standard output.
              --port N           the port (default: a free one)
              --listen ADDR      the address to bind (default 127.0.0.1; others print a warning)
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
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--port", "--listen", "--chisel-path", "-r" -> {
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
        return WebUi.serve(new WebUi.Config(trace, listen, port, settings), out, err);
    }
}
