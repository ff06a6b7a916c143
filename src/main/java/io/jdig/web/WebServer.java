package io.jdig.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jdig.explore.Exploration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
    /** Live: how many two-second samples the exploration has taken (the event stream tells pages of each). */
    private final java.util.concurrent.atomic.AtomicLong samples = new java.util.concurrent.atomic.AtomicLong();
    private final Object sampled = new Object();

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
        api.addRefreshListener(() -> {
            w.samples.incrementAndGet();
            synchronized (w.sampled) {
                w.sampled.notifyAll();
            }
        });
        s.createContext("/", w::handle);
        s.start();
        return w;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    long eventsForLog() {
        return api.events();
    }

    /** Why the capture could not be read to its end, or null. */
    String cutShortForLog() {
        return api.cutShort();
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
            Exploration x = api.explorationOrNull();
            if (x != null) {
                x.close();
            }
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
        if (path.equals("/api/save")) {
            save(ex, p);
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
                    case "/api/spectrogram" -> api.spectrogram(p);
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
     * GET /api/stream: server-sent events. {@code ready} at once; then, live, {@code refresh} after each sample of
     * the live system (the page asks again), and otherwise {@code tick} every two seconds (the page knows the
     * server is still there). A page that is gone ends its stream at the next write.
     */
    private void stream(HttpExchange ex) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "text/event-stream; charset=utf-8");
        h.set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        boolean live = api.isLive();
        write(out, "event: ready\ndata: " + api.events() + "\n\n");
        long seen = samples.get();
        long n = 0;
        while (!closed.get()) {
            try {
                synchronized (sampled) {
                    if (samples.get() == seen) {
                        sampled.wait(2000);
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            long now = samples.get();
            if (live && now != seen) {
                seen = now;
                write(out, "event: refresh\ndata: " + api.events() + "\n\n");
            } else {
                write(out, "event: tick\ndata: " + (++n) + "\n\n");
            }
        }
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush(); // throws once the page is gone: the exchange ends
    }

    /** GET /api/save?seconds=N: the last N seconds as a trace file, downloaded. */
    private void save(HttpExchange ex, QueryParams p) throws IOException {
        Path tmp = Files.createTempFile("jdig-ui-save", ".scap");
        try {
            long n;
            try {
                n = api.save(p, tmp);
            } catch (HttpError e) {
                send(ex, e.status, "application/json", error(e));
                return;
            }
            String name = "jdig-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now())
                    + ".scap";
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
            ex.getResponseHeaders().set("X-Jdig-Events", Long.toString(n));
            Headers h = ex.getResponseHeaders();
            h.set("Content-Type", "application/octet-stream");
            h.set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, Files.size(tmp));
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(tmp, out);
            }
        } finally {
            Files.deleteIfExists(tmp);
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
