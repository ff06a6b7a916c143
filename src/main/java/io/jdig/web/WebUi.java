package io.jdig.web;

import io.jdig.explore.Exploration;
import io.jdig.explore.ExploreException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code jdig ui}: opens a capture for exploration and serves the web UI over it until the process ends. */
public final class WebUi {
    /** The settings of {@code jdig ui}: the capture, where to listen, the exploration's settings. */
    public record Config(Path trace, String listen, int port, Exploration.Settings settings) {
    }

    private WebUi() {
    }

    /** Opens the capture and starts the server; the caller stops it with {@link WebServer#close()}. */
    public static WebServer start(Config c, PrintStream err) throws IOException {
        if (!isLoopback(c.listen())) {
            err.println("jdig ui: warning: listening on " + c.listen() + ": other machines can reach the UI "
                    + "(the token in the address is all that keeps them out; prefer an ssh tunnel)");
        }
        Exploration x;
        if (c.trace() == null) {
            x = Exploration.live(c.settings());
        } else {
            int[] shown = {-1};
            x = Exploration.open(c.trace(), c.settings(), f -> {
                int pct = (int) (f * 100);
                if (pct / 10 != shown[0] / 10) {
                    shown[0] = pct;
                    err.print("\rjdig ui: reading " + c.trace().getFileName() + ": " + pct + "%");
                    err.flush();
                }
            });
            if (shown[0] >= 0) {
                err.println();
            }
        }
        try {
            return WebServer.start(new Api(x, c.trace()), c.listen(), c.port());
        } catch (IOException | RuntimeException e) {
            x.close();
            throw e;
        }
    }

    /** Serves until the process is stopped; prints the address to open on {@code out}. */
    public static int serve(Config c, PrintStream out, PrintStream err) {
        WebServer s;
        try {
            s = start(c, err);
        } catch (ExploreException e) {
            err.println("jdig ui: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("jdig ui: cannot listen on " + c.listen() + ":" + c.port() + ": " + e.getMessage());
            return 1;
        }
        String host = c.listen().contains(":") ? "[" + c.listen() + "]" : c.listen();
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        out.println(s.url(host));
        out.flush();
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
