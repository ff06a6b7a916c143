package io.jdig.web;

import io.jdig.Prerequisites;
import io.jdig.explore.Exploration;
import io.jdig.explore.ViewQuery;
import io.jdig.explore.ViewResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The web UI's HTTP API, without a browser: the token, the answers, the errors, a dropped connection. */
class WebApiTest {
    private static WebServer server;
    private static Path trace;

    /** A response: status, body, the cookie set. */
    record Response(int statusCode, String body, String cookie) {
    }

    static Response request(String url, String cookie) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(60_000);
        if (cookie != null) {
            c.setRequestProperty("Cookie", cookie);
        }
        int status = c.getResponseCode();
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String set = c.getHeaderField("Set-Cookie");
        c.disconnect();
        return new Response(status, body, set);
    }

    @BeforeAll
    static void start() throws Exception {
        trace = Prerequisites.shared().resolve("traces/libs__curl_google.scap");
        server = WebUi.start(new WebUi.Config(trace, "127.0.0.1", 0, Exploration.Settings.DEFAULT),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Response get(String pathAndQuery, boolean token) throws Exception {
        String sep = pathAndQuery.contains("?") ? "&" : "?";
        String u = "http://127.0.0.1:" + server.port() + pathAndQuery + (token ? sep + "token=" + server.token() : "");
        return request(u, null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyRequestNeedsTheToken() throws Exception {
        for (String p : new String[]{"/", "/app.js", "/api/info", "/api/view?view=procs", "/api/stream"}) {
            assertThat(get(p, false).statusCode()).as(p).isEqualTo(403);
        }
        Response r = get("/?token=0123", false);
        assertThat(r.statusCode()).isEqualTo(403);
        Response ok = get("/", true);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("<script src=\"app.js\">");
        // the cookie set by the first visit is enough afterwards
        String cookie = ok.cookie().split(";")[0];
        assertThat(cookie).isEqualTo("jdig_token_" + server.port() + "=" + server.token());
        Response withCookie = request("http://127.0.0.1:" + server.port() + "/api/info", cookie);
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(withCookie.body()).contains("\"events\":1536");
    }

    @Test
    void aViewAnswersAsTheExplorationApi() throws Exception {
        Response r = get("/api/view?view=procs", true);
        assertThat(r.statusCode()).isEqualTo(200);
        try (Exploration x = Exploration.open(trace, Exploration.Settings.DEFAULT)) {
            ViewResult v = x.view(ViewQuery.of("procs"));
            StringBuilder keys = new StringBuilder();
            for (ViewResult.Row row : v.rows()) {
                keys.append("{\"key\":\"").append(row.key()).append("\",\"cells\":[");
                assertThat(r.body()).contains("{\"key\":\"" + row.key() + "\",\"cells\":[\""
                        + row.cells().getFirst().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            }
            Matcher m = Pattern.compile("\\{\"key\":").matcher(r.body());
            int n = 0;
            while (m.find()) {
                n++;
            }
            assertThat(n).isEqualTo(v.rows().size());
            assertThat(r.body()).contains("\"rowCount\":" + v.rows().size() + ",");
            // at most max rows, and how many there are
            Response three = get("/api/view?view=procs&max=3", true);
            assertThat(three.body()).contains("\"rowCount\":" + v.rows().size() + ",");
            assertThat(three.body().split("\\{\"key\":", -1)).hasSize(4);
        }
    }

    @Test
    void drillDownLeadsToTheTargetViewAndEchoGivesTheBytes() throws Exception {
        Response d = get("/api/drill?view=procs&key=17497", true);
        assertThat(d.body()).isEqualTo("{\"view\":\"threads\",\"path\":[{\"view\":\"procs\",\"key\":\"17497\"}]}");
        Response t = get("/api/view?view=threads&pv=procs&pk=17497", true);
        assertThat(t.statusCode()).isEqualTo(200);
        assertThat(t.body()).contains("proc.pid=17497)").contains("\"rows\":[{");
        Response e = get("/api/echo?view=threads&pv=procs&pk=17497&max=50", true);
        assertThat(e.body()).contains("\"process\":\"curl\"").contains("\"data\":\"f0VMR"); // "\x7fELF"
        Response g = get("/api/dig?view=threads&pv=procs&pk=17497&max=20", true);
        assertThat(g.body()).contains(" curl (17497) ");
    }

    @Test
    void aBadFilterIs400WithItsPosition() throws Exception {
        Response r = get("/api/view?view=procs&filter=" + enc("proc.name="), true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("position 11").contains("\"position\":10");
        Response c = get("/api/check?filter=" + enc("proc.name=curl and"), true);
        assertThat(c.body()).startsWith("{\"ok\":false").contains("\"position\":");
        assertThat(get("/api/check?filter=" + enc("proc.name=curl"), true).body()).isEqualTo("{\"ok\":true}");
        assertThat(get("/api/view?view=nosuchview", true).statusCode()).isEqualTo(404);
        assertThat(get("/api/view?view=procs&from=12&to=3", true).statusCode()).isEqualTo(400);
        assertThat(get("/api/nothing", true).statusCode()).isEqualTo(404);
    }

    @Test
    void theSummaryIsTheChiselsAndATimeRangeNarrowsIt() throws Exception {
        Response all = get("/api/summary", true);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"name\":\"System Calls\"");
        assertThat(tot(all.body(), "System Calls")).isEqualTo(1536);
        Response part = get("/api/summary?from=1534527348000000000&to=1534527349000000000", true);
        assertThat(tot(part.body(), "System Calls")).isBetween(1.0, 1535.0);
    }

    static double tot(String summary, String name) {
        Matcher m = Pattern.compile("\"name\":\"" + Pattern.quote(name) + "\"[^}]*?\"tot\":([0-9.eE+-]+)")
                .matcher(summary);
        assertThat(m.find()).as(name).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aDroppedEventStreamLeavesTheServerServing() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpURLConnection s = (HttpURLConnection) URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/stream?token=" + server.token()).toURL().openConnection();
            assertThat(s.getContentType()).startsWith("text/event-stream");
            InputStream in = s.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.UTF_8)).isEqualTo("event: ready");
            in.close();
            s.disconnect();
        }
        assertThat(get("/api/info", true).statusCode()).isEqualTo(200);
    }

    @Test
    void theSpectrogramEndpointGivesTheSelectionsSamples() throws Exception {
        assertThat(get("/api/spectrogram?view=procs&key=17497", false).statusCode()).isEqualTo(403);
        Response r = get("/api/spectrogram?view=procs&key=17497&width=120", true);
        assertThat(r.statusCode()).isEqualTo(200);
        try (Exploration x = Exploration.open(trace, Exploration.Settings.DEFAULT)) {
            io.jdig.explore.Spectrogram s = x.spectrogram(x.drillDown(ViewQuery.of("procs"), "17497"), 120);
            StringBuilder samples = new StringBuilder();
            for (io.jdig.explore.Spectrogram.Sample sample : s.samples()) {
                samples.append(samples.isEmpty() ? "" : ",").append("{\"ts\":\"")
                        .append(Long.toUnsignedString(sample.ts())).append("\",\"buckets\":[");
                for (int i = 0; i < sample.buckets().size(); i++) {
                    var b = sample.buckets().get(i);
                    samples.append(i == 0 ? "" : ",").append("[").append(b.key()).append(",").append(b.count())
                            .append("]");
                }
                samples.append("]}");
            }
            assertThat(samples).contains("[");
            assertThat(r.body()).startsWith("{\"view\":\"spectro_all\",\"name\":\"Spectrogram-All\"")
                    .contains("\"width\":120,\"intervalNs\":500000000,")
                    .contains("proc.pid=17497)")
                    .endsWith("\"samples\":[" + samples + "]}");
        }
        Response whole = get("/api/spectrogram?view=spectro_all", true);
        assertThat(whole.body()).contains("\"filter\":\"evt.dir=<\"").contains("\"width\":200,");
        assertThat(get("/api/spectrogram?view=procs&key=17497&filter=" + enc("evt.type=="), true).statusCode())
                .isEqualTo(400);
    }

    /**
     * A capture cut short: the server reads it up to the cut, as csysdig does, and says so in the capture's info;
     * views and the chisel's overview (run again over the file for a filter) answer for the events before the cut.
     */
    @Test
    void aCaptureCutShortIsServedUpToTheCut(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        byte[] whole = java.nio.file.Files.readAllBytes(trace);
        Path cut = tmp.resolve("cut.scap");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 8 / 10));
        WebServer s = WebUi.start(new WebUi.Config(cut, "127.0.0.1", 0, Exploration.Settings.DEFAULT),
                new PrintStream(new ByteArrayOutputStream()));
        try {
            String base = "http://127.0.0.1:" + s.port();
            String tok = "token=" + s.token();
            Response info = request(base + "/api/info?" + tok, null);
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"cutShort\":\"" + cut + ": truncated file");
            Response view = request(base + "/api/view?view=procs&" + tok, null);
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(view.body()).contains("{\"key\":");
            Response all = request(base + "/api/summary?" + tok, null);
            Response filtered = request(base + "/api/summary?filter=" + enc("evt.num>0") + "&" + tok,
                    null);
            assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);
            double calls = tot(all.body(), "System Calls");
            assertThat(calls).isPositive().isLessThan(1536);
            assertThat(tot(filtered.body(), "System Calls")).isEqualTo(calls);
        } finally {
            s.close();
        }
    }
}
