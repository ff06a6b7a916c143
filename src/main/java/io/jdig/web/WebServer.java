package io.jdig.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The web UI's HTTP server: the page and its scripts from the jar's resources, the JSON API, and a stream of
 * server-sent events. Every request must carry the session's token (in the URL once, then in a cookie): any
 * other gets 403, so that other users of the machine cannot read the capture through the port.
 */
public final class WebServer implements AutoCloseable {
    /** The cookie's name carries the port: cookies are not kept apart by port, and two sessions may be open. */
    private static final String COOKIE = "jdig_token_";
    private static final String STATIC = "/io/jdig/web/static/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Api api;
    private final String token;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebServer(HttpServer server, ExecutorService threads, Api api, String token) {
        this.server = server;
        this.threads = threads;
        this.api = api;
        this.token = token;
    }

    /**
     * Starts serving {@code api} on {@code address}:{@code port} (0: a free port).
     *
     * @throws IOException when the address cannot be bound
     */
    static WebServer start(Api api, String address, int port) throws IOException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        HttpServer s = HttpServer.create(new InetSocketAddress(address, port), 64);
        // a virtual thread per exchange: the event stream holds its request open for as long as the page is
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        s.setExecutor(threads);
        WebServer w = new WebServer(s, threads, api, token);
        s.createContext("/", w::handle);
        s.start();
        return w;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    /** The address to open: the page with the token, on the host given (the bound address by default). */
    public String url(String host) {
        return "http://" + host + ":" + port() + "/?token=" + token;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            serve(ex);
        } catch (IOException | RuntimeException e) {
            // a closed tab or a broken connection ends that exchange only
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        QueryParams p;
        try {
            p = new QueryParams(ex.getRequestURI());
        } catch (HttpError e) {
            send(ex, e.status, "application/json", error(e));
            return;
        }
        boolean inUrl = token.length() > 0 && same(p.get("token", ""), token);
        if (!inUrl && !same(cookie(ex.getRequestHeaders(), COOKIE + port()), token)) {
            send(ex, 403, "text/plain; charset=utf-8", "403 forbidden: open the address jdig printed, with its token\n");
            return;
        }
        if (inUrl) {
            ex.getResponseHeaders().add("Set-Cookie", COOKIE + port() + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        }
        if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
            send(ex, 405, "text/plain; charset=utf-8", "405 method not allowed\n");
            return;
        }
        if (path.equals("/api/stream")) {
            stream(ex);
            return;
        }
        if (path.startsWith("/api/")) {
            String body;
            try {
                body = switch (path) {
                    case "/api/info" -> api.info();
                    case "/api/check" -> api.check(p);
                    case "/api/summary" -> api.summary(p);
                    case "/api/view" -> api.view(p);
                    case "/api/drill" -> api.drill(p);
                    case "/api/dig" -> api.dig(p);
                    case "/api/echo" -> api.echo(p);
                    default -> throw new HttpError(404, "no such endpoint: " + path);
                };
            } catch (HttpError e) {
                send(ex, e.status, "application/json", error(e));
                return;
            } catch (RuntimeException e) {
                send(ex, 500, "application/json", error(new HttpError(500, String.valueOf(e))));
                return;
            }
            send(ex, 200, "application/json", body);
            return;
        }
        resource(ex, path.equals("/") ? "index.html" : path.substring(1));
    }

    /** A file of the page, from the jar. */
    private void resource(HttpExchange ex, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null || name.contains("..") || name.contains("/")) {
            send(ex, 404, "text/plain; charset=utf-8", "404 not found\n");
            return;
        }
        try (InputStream in = WebServer.class.getResourceAsStream(STATIC + name)) {
            if (in == null) {
                send(ex, 404, "text/plain; charset=utf-8", "404 not found\n");
                return;
            }
            send(ex, 200, type, in.readAllBytes());
        }
    }

    /**
     * GET /api/stream: server-sent events. A trace file's page gets its capture's state once, then a heartbeat
     * every two seconds, which tells it that the server is still there (a live session refreshes on it).
     */
    private void stream(HttpExchange ex) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "text/event-stream; charset=utf-8");
        h.set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        long n = 0;
        while (!closed.get()) {
            String event = n == 0 ? "event: ready\ndata: " + api.exploration().events() + "\n\n"
                    : "event: tick\ndata: " + n + "\n\n";
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush(); // throws once the page is gone: the exchange ends
            n++;
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String error(HttpError e) {
        JsonWriter w = new JsonWriter().beginObject().field("error", e.getMessage());
        if (e.position >= 0) {
            w.field("position", e.position);
        }
        return w.endObject().toString();
    }

    private static String cookie(Headers h, String name) {
        for (String line : h.getOrDefault("Cookie", java.util.List.of())) {
            for (String part : line.split(";")) {
                String c = part.strip();
                if (c.startsWith(name + "=")) {
                    return c.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }
}
