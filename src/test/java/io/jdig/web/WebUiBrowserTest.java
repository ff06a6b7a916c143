package io.jdig.web;

import io.jdig.Prerequisites;
import io.jdig.cli.Jdig;
import io.jdig.explore.Exploration;
import io.jdig.view.cli.Cjdig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real headless Chromium: what the page shows is what cjdig and the chisels print for the same
 * capture. Each test leaves a screenshot in target/ui-screenshots.
 */
class WebUiBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "ui-screenshots");

    private static Path curl;
    private static Path ipv6;
    private static WebServer curlServer;
    private static WebServer ipv6Server;
    private static WebDriver driver;
    private String name;
    private boolean shotTaken;

    @BeforeAll
    static void startServers() throws Exception {
        Prerequisites.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (./setup.sh installs them)");
        curl = Prerequisites.shared().resolve("traces/libs__curl_google.scap");
        ipv6 = Prerequisites.shared().resolve("traces/libs__single_ipv6_conn.scap");
        curlServer = start(curl);
        ipv6Server = start(ipv6);
        Files.createDirectories(SHOTS);
    }

    private static WebServer start(Path trace) throws Exception {
        return WebUi.start(new WebUi.Config(trace, "127.0.0.1", 0, Exploration.Settings.DEFAULT),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stopServers() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        for (WebServer s : new WebServer[]{curlServer, ipv6Server}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @BeforeEach
    void name(TestInfo info) {
        name = info.getTestMethod().orElseThrow().getName();
        if (driver == null) {
            driver = browser();
        }
    }

    /** One headless Chromium for the class: each test loads the page afresh. */
    private static WebDriver browser() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1500,1100", "--user-data-dir=" + tempProfile());
        // a driver service each: quitting a session stops its service
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), o);
    }

    private static String tempProfile() {
        try {
            return Files.createTempDirectory("jdig-ui-chromium").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void screenshot() throws Exception {
        if (driver != null && !shotTaken) {
            ((ChromeDriver) driver).executeScript("window.scrollTo(0, 0)");
            Files.write(SHOTS.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void open(WebServer s) {
        driver.get(s.url("127.0.0.1"));
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        until(d -> !d.findElements(By.cssSelector(".tile")).isEmpty());
    }

    private <T> T until(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(RuntimeException.class).until(condition::apply);
    }

    /** name to total, as the tiles show them (their exact value, in data-tot), read at one instant. */
    @SuppressWarnings("unchecked")
    private Map<String, Double> tiles() {
        Map<String, Object> raw = (Map<String, Object>) ((ChromeDriver) driver).executeScript("""
                const out = {};
                for (const t of document.querySelectorAll('.tile')) {
                  out[t.dataset.name] = t.querySelector('.total').dataset.tot;
                }
                return out;""");
        Map<String, Double> out = new HashMap<>();
        raw.forEach((k, v) -> out.put(k, Double.parseDouble(String.valueOf(v))));
        return out;
    }

    /** name to total as the wsysdig_summary chisel prints them, run through jdig's command line. */
    private static Map<String, Double> chiselTotals(Path trace, String... filter) {
        List<String> args = new ArrayList<>(List.of("-r", trace.toString(), "-c", "wsysdig_summary"));
        args.addAll(List.of(filter));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new Jdig(out, new PrintStream(new ByteArrayOutputStream())).run(args.toArray(String[]::new));
        assertThat(rc).isZero();
        String s = out.toString(StandardCharsets.UTF_8);
        s = s.substring(s.lastIndexOf("\"progress\""));
        Matcher m = Pattern.compile("\"name\":\"([^\"]+)\",\\s*\"category\"[^}]*?\"tot\":([0-9.eE+-]+)").matcher(s);
        Map<String, Double> totals = new HashMap<>();
        while (m.find()) {
            totals.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return totals;
    }

    /** The row keys of a view as {@code cjdig -j} prints them, in order. */
    private static List<String> cjdigKeys(Path trace, String view, String... filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-r", trace.toString(), "-v", view, "-j"));
        args.addAll(List.of(filter));
        int rc = new Cjdig(out, new PrintStream(new ByteArrayOutputStream())).run(args.toArray(String[]::new));
        assertThat(rc).isZero();
        String s = out.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"k\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(s.substring(s.lastIndexOf("\"progress\"")));
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return keys;
    }

    private List<String> tableKeys() {
        return driver.findElements(By.cssSelector("#table tbody tr")).stream().map(r -> r.getDomAttribute("data-key"))
                .toList();
    }

    private void waitForTable(String view) {
        until(d -> view.equals(d.findElement(By.id("table")).getDomAttribute("data-view")));
    }

    // ---- tests ------------------------------------------------------------------------------------------------

    @Test
    void theTilesShowTheChiselsTotals() {
        open(curlServer);
        Map<String, Double> expected = chiselTotals(curl);
        assertThat(expected).containsKeys("System Calls", "Running Processes", "File Bytes In");
        // every tile as the chisel has it; the chisel's tiles that are zero may be left out
        Map<String, Double> shown = tiles();
        assertThat(expected).containsAllEntriesOf(shown);
        expected.forEach((k, v) -> {
            if (v != 0) {
                assertThat(shown).containsEntry(k, v);
            }
        });
        assertThat(driver.findElement(By.cssSelector(".tile[data-name='System Calls'] .total")).getText())
                .isEqualTo("1.54K");
        // the timeline draws one bar per sample of the capture's system calls
        assertThat(driver.findElements(By.cssSelector("#timeline rect.bar"))).hasSizeGreaterThan(10);
    }

    @Test
    void aTileOpensItsViewWithCjdigsRows() {
        open(curlServer);
        driver.findElement(By.cssSelector(".tile[data-name='Accessed Files']")).click();
        waitForTable("files");
        // the tile opens its view with the tile's filter, put in the filter bar
        String filter = driver.findElement(By.id("filter")).getDomProperty("value");
        assertThat(tableKeys()).isEqualTo(filter.isEmpty() ? cjdigKeys(curl, "files") : cjdigKeys(curl, "files", filter));
        assertThat(driver.findElement(By.cssSelector("#view-list li.on")).getDomAttribute("data-view"))
                .isEqualTo("files");
    }

    @Test
    void aRowDrillsDownAndTheBreadcrumbLeadsBack() {
        open(curlServer);
        driver.findElement(By.cssSelector("#view-list li[data-view='procs']")).click();
        waitForTable("procs");
        List<String> procs = tableKeys();
        assertThat(procs).isEqualTo(cjdigKeys(curl, "procs"));
        driver.findElement(By.cssSelector("#table tbody tr[data-key='17497']")).click();
        waitForTable("threads");
        WebElement crumb = driver.findElement(By.cssSelector("#crumbs a[data-depth='0']"));
        assertThat(crumb.getText()).isEqualTo("Processes: 17497");
        assertThat(driver.findElement(By.id("sel-filter")).getText()).contains("proc.pid=17497");
        assertThat(tableKeys()).contains("17497").doesNotContain("17496");
        driver.findElement(By.cssSelector("[data-tab='dig']")).click();
        until(d -> d.findElement(By.id("dig")).getText().contains("curl (17497)"));
        driver.findElement(By.cssSelector("[data-tab='table']")).click();
        waitForTable("threads");
        driver.findElement(By.cssSelector("#crumbs a[data-depth='0']")).click();
        waitForTable("procs");
        assertThat(tableKeys()).isEqualTo(procs);
        assertThat(driver.findElements(By.cssSelector("#crumbs a"))).isEmpty();
    }

    @Test
    void echoAndFollowStreamShowTheBytesOfTheConnection() {
        open(ipv6Server);
        driver.findElement(By.cssSelector("#view-list li[data-view='connections']")).click();
        waitForTable("connections");
        WebElement row = driver.findElement(By.cssSelector("#table tbody tr"));
        assertThat(row.getText()).contains("2001:db8::4").contains("1234");
        row.click();
        until(d -> !d.findElements(By.cssSelector("#crumbs a")).isEmpty());
        driver.findElement(By.cssSelector("[data-tab='echo']")).click();
        until(d -> !d.findElements(By.cssSelector("#echo .chunk")).isEmpty());
        List<WebElement> chunks = driver.findElements(By.cssSelector("#echo .chunk"));
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).getDomAttribute("class")).contains("write");
        assertThat(chunks.get(0).findElement(By.tagName("pre")).getDomProperty("textContent"))
                .isEqualTo("this is a test\n");
        assertThat(chunks.get(1).getDomAttribute("class")).contains("read");
        assertThat(chunks.get(1).findElement(By.tagName("pre")).getDomProperty("textContent"))
                .isEqualTo("this is a test\n");
        driver.findElement(By.id("echo-mode")).click();
        until(d -> d.findElement(By.cssSelector("#echo .chunk pre")).getText()
                .startsWith("00000000  74 68 69 73 20 69 73 20 61 20 74 65 73 74 0a"));
        driver.findElement(By.cssSelector("[data-tab='stream']")).click();
        until(d -> !d.findElements(By.cssSelector("#stream pre")).isEmpty());
        List<WebElement> ends = driver.findElements(By.cssSelector("#stream-fd option"));
        assertThat(ends).hasSize(2); // the two ends of the connection: the client's fd and the server's
        assertThat(ends.get(0).getText()).endsWith("1 chunks, 15 B");
        driver.findElement(By.id("stream-mode")).click(); // back to text
        until(d -> "this is a test\n".equals(d.findElement(By.cssSelector("#stream pre")).getDomProperty("textContent")));
        // one pre per direction change, coloured by direction: here one process's side, the data it wrote
        assertThat(driver.findElement(By.cssSelector("#stream pre")).getDomAttribute("class")).isEqualTo("write");
    }

    @Test
    void aTimeRangeCountsAsAFilterOnRawtime() {
        open(curlServer);
        double whole = tiles().get("System Calls");
        WebElement timeline = driver.findElement(By.id("timeline"));
        int w = timeline.getSize().getWidth();
        new Actions(driver).moveToElement(timeline, -w / 2 + w * 55 / 100, 0).clickAndHold()
                .moveByOffset(w * 40 / 100, 0).release().perform();
        WebElement range = driver.findElement(By.id("range"));
        until(d -> range.getDomAttribute("data-from") != null);
        String from = range.getDomAttribute("data-from");
        String to = range.getDomAttribute("data-to");
        Map<String, Double> expected = chiselTotals(curl, "evt.rawtime>=" + from + " and evt.rawtime<=" + to);
        // every tile is what the chisel has with a filter on evt.rawtime
        until(d -> expected.equals(tiles()));
        assertThat(expected.get("System Calls")).isLessThan(whole).isPositive();
        assertThat(expected.get("Net Bytes In")).isPositive();
        // the views answer for the range too
        driver.findElement(By.cssSelector("#view-list li[data-view='procs']")).click();
        waitForTable("procs");
        assertThat(driver.findElement(By.id("sel-filter")).getText()).contains("evt.rawtime>=" + from);
        driver.findElement(By.id("clear-range")).click();
        until(d -> tiles().get("System Calls") == whole);
    }

    @Test
    void aBadFilterShowsItsErrorWhereItIs() {
        open(curlServer);
        WebElement f = driver.findElement(By.id("filter"));
        f.sendKeys("proc.name=curl and");
        WebElement err = driver.findElement(By.id("filter-error"));
        until(d -> err.isDisplayed());
        assertThat(err.getText()).contains("filter error at position").contains("proc.name=curl and\n");
        assertThat(err.getDomAttribute("data-position")).isNotNull();
        f.sendKeys(" fd.type=ipv4");
        until(d -> !err.isDisplayed());
        f.sendKeys(Keys.ENTER);
        until(d -> tiles().get("System Calls") < 1536);
        assertThat(tiles()).isEqualTo(chiselTotals(curl, "proc.name=curl and fd.type=ipv4"));
    }

    @Test
    void aLiveSessionShowsAWorkloadItStarts(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String problem = io.jdig.capture.BpfLoader.environmentProblem();
        Prerequisites.require(problem == null, "live capture unavailable: " + problem);
        WebServer live = WebUi.start(new WebUi.Config(null, "127.0.0.1", 0, Exploration.Settings.DEFAULT),
                new PrintStream(new ByteArrayOutputStream()));
        // a program of our own name, run again and again
        Path prog = tmp.resolve("jdiguiload");
        Files.copy(Path.of("/bin/cat"), prog);
        prog.toFile().setExecutable(true);
        Process load = new ProcessBuilder("sh", "-c", "while :; do '" + prog + "' /etc/hostname >/dev/null; "
                + "sleep 0.2; done").start();
        try {
            open(live);
            assertThat(driver.findElement(By.id("source")).getText()).startsWith("live");
            driver.findElement(By.cssSelector("#view-list li[data-view='procs']")).click();
            new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(RuntimeException.class)
                    .until(d -> d.findElement(By.id("table")).getText().contains("jdiguiload"));
            // the page is refreshed by the server's samples, every two seconds
            until(d -> Integer.parseInt(String.valueOf(d.findElement(By.tagName("body"))
                    .getDomAttribute("data-refreshes"))) >= 2);
            until(d -> tiles().get("System Calls") > 0);
            // the save button's request: the last seconds as a trace file
            WebApiTest.Response saved = WebApiTest.request("http://127.0.0.1:" + live.port()
                    + "/api/save?seconds=5&token=" + live.token(), null);
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body().length()).isGreaterThan(1000);
            screenshot(); // while the session is still there
            shotTaken = true;
        } finally {
            load.destroy();
            load.descendants().forEach(ProcessHandle::destroy);
            live.close();
        }
    }

    @Test
    void withoutTheTokenEverythingIs403() throws Exception {
        String base = "http://127.0.0.1:" + curlServer.port();
        assertThat(WebApiTest.request(base + "/", null).statusCode()).isEqualTo(403);
        assertThat(WebApiTest.request(base + "/api/summary", null).statusCode()).isEqualTo(403);
        driver.manage().deleteAllCookies();
        driver.get(base + "/");
        assertThat(driver.findElement(By.tagName("body")).getText()).startsWith("403 forbidden");
        // with the token, the page and then its requests through the cookie
        open(curlServer);
        assertThat(driver.manage().getCookieNamed("jdig_token_" + curlServer.port()).getValue())
                .isEqualTo(curlServer.token());
        assertThat(driver.getCurrentUrl()).doesNotContain("token");
    }

    @Test
    void theSpectrogramTabDrawsTheSelectionsBuckets() {
        open(curlServer);
        driver.findElement(By.cssSelector("#view-list li[data-view='procs']")).click();
        waitForTable("procs");
        driver.findElement(By.cssSelector("#table tbody tr[data-key='17497']")).click();
        waitForTable("threads");
        driver.findElement(By.cssSelector("[data-tab='spectro']")).click();
        until(d -> !d.findElements(By.cssSelector("#spectro")).isEmpty());
        try (io.jdig.explore.Exploration x = io.jdig.explore.Exploration.open(curl,
                io.jdig.explore.Exploration.Settings.DEFAULT)) {
            var s = x.spectrogram(x.drillDown(io.jdig.explore.ViewQuery.of("procs"), "17497"), 220);
            assertThat(driver.findElement(By.id("spectro")).getDomAttribute("data-samples"))
                    .isEqualTo(String.valueOf(s.samples().size()));
            long cells = s.samples().stream().flatMap(p -> p.buckets().stream()).filter(b -> b.count() > 0).count();
            assertThat(cells).isPositive();
            assertThat(driver.findElements(By.cssSelector("#spectro rect[data-bucket]"))).hasSize((int) cells);
        }
        assertThat(driver.findElement(By.id("sel-filter")).getText()).contains("proc.pid=17497")
                .contains("evt.dir=<");
    }
}
