package io.jdig.web;

import io.jdig.explore.Exploration;
import io.jdig.explore.ExploreException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** {@code jdig ui}: opens a capture for exploration and serves the web UI over it until the process ends. */
public final class WebUi {
    /**
     * The settings of {@code jdig ui}: the capture (null: the live system), where to listen, the exploration's
     * settings, and for live the ring's bounds.
     */
    public record Config(Path trace, String listen, int port, Exploration.Settings settings,
            Exploration.LiveOptions live) {
        public Config(Path trace, String listen, int port, Exploration.Settings settings) {
            this(trace, listen, port, settings, Exploration.LiveOptions.DEFAULT);
        }
    }

    private WebUi() {
    }

    /** Starts the server, reads the capture, returns when it is read; the caller stops it with close(). */
    public static WebServer start(Config c, PrintStream err) throws IOException {
        return start(c, err, s -> { });
    }

    /**
     * Starts the server (telling {@code listening} at once: the page shows the progress of the first read), then
     * opens the capture or the live session.
     *
     * @throws ExploreException when the capture cannot be read or live capture cannot start
     * @throws IOException      when the address cannot be bound
     */
    public static WebServer start(Config c, PrintStream err, Consumer<WebServer> listening) throws IOException {
        if (!isLoopback(c.listen())) {
            err.println("jdig ui: warning: listening on " + c.listen() + ": other machines can reach the UI "
                    + "(the token in the address is all that keeps them out; prefer an ssh tunnel)");
        }
        if (c.trace() != null && !java.nio.file.Files.isReadable(c.trace())) {
            // before the server starts: no address is printed for a capture that cannot be read
            throw new ExploreException(c.trace() + ": no such file or not readable");
        }
        Api api = new Api(c.trace());
        WebServer s = WebServer.start(api, c.listen(), c.port());
        try {
            listening.accept(s);
            if (c.trace() == null) {
                api.ready(Exploration.live(c.settings(), c.live()));
            } else {
                api.ready(Exploration.open(c.trace(), c.settings(), api::progress));
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Serves until the process is stopped; prints the address to open on {@code out}. */
    public static int serve(Config c, PrintStream out, PrintStream err) {
        WebServer s;
        try {
            s = start(c, err, server -> {
                String host = c.listen().contains(":") ? "[" + c.listen() + "]" : c.listen();
                if (host.equals("0.0.0.0") || host.equals("[::]")) {
                    host = "127.0.0.1";
                }
                out.println(server.url(host));
                out.flush();
                if (c.trace() != null) {
                    err.println("jdig ui: reading " + c.trace() + " (the page shows the progress)");
                }
            });
        } catch (ExploreException e) {
            err.println("jdig ui: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("jdig ui: cannot listen on " + c.listen() + ":" + c.port() + ": " + e.getMessage());
            return 1;
        }
        if (s.cutShortForLog() != null) {
            err.println("jdig ui: " + s.cutShortForLog() + "; the page shows the events before it");
        }
        err.println("jdig ui: ready (" + s.eventsForLog() + " events); stop with Ctrl-C");
        // Ctrl-C: stop the server and the exploration (a live session's capture) before the JVM goes
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "jdig-ui-stop"));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        s.close();
        return 0;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
