package io.jdig.apitest;

import io.jdig.consumer.EventStream;
import io.jdig.consumer.InvalidFilterException;
import io.jdig.consumer.SystemEvent;
import io.jdig.consumer.TraceFile;
import io.jdig.consumer.ThreadView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public API, used as a program outside jdig would use it (this package imports only {@code io.jdig.consumer}),
 * checked against what sysdig 0.29.3 printed for the shared traces.
 */
class EventStreamTest {
    static Path shared() {
        Path p = Path.of(System.getProperty("jdig.shared", "../shared")).toAbsolutePath().normalize();
        assertThat(p.resolve("conformance")).as("the shared traces and recordings beside the checkout").isDirectory();
        return p;
    }

    static Path trace(String name) {
        return shared().resolve("traces").resolve(name + ".scap");
    }

    static List<String> recorded(String trace, String check) throws IOException {
        Path p = shared().resolve("conformance").resolve(trace).resolve(check + ".txt");
        assertThat(p).exists();
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    @Test
    void bytesPerConnectionEqualWhatTopconnsPrints() throws IOException {
        Map<String, Long> bytes = new HashMap<>();
        Map<String, String> proto = new HashMap<>();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.setFilter("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)");
            s.onEvent(e -> {
                String conn = e.getString("fd.name");
                bytes.merge(conn, e.getLong("evt.rawarg.res", 0), Long::sum);
                proto.put(conn, e.getString("fd.l4proto"));
            });
            s.start();
        }
        List<String> rows = new ArrayList<>();
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(en -> rows.add(String.format(Locale.ROOT, "%-20s%-20s%s", human(en.getValue()),
                        proto.get(en.getKey()), en.getKey())));
        List<String> expected = recorded("libs__curl_google", "chisel_topconns");
        assertThat(rows).isNotEmpty().containsExactlyElementsOf(expected.subList(2, expected.size()).stream()
                .filter(l -> !l.isBlank()).toList());
    }

    /** sysdig's byte counts in the top lists: B below 1024, then KB, MB, GB with two decimals. */
    private static String human(long n) {
        if (n < 1024) {
            return n + "B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%s", v, units[u]);
    }

    @Test
    void filteredEventNumbersEqualSysdigs() throws IOException {
        List<String> filters = Files.readAllLines(shared().resolve("conformance/filters.tsv"));
        for (String trace : List.of("libs__curl_google", "falco__connect_localhost", "libs__sample")) {
            for (String line : filters.subList(0, 12)) {
                String[] kv = line.split("\t", 2);
                List<String> nums = new ArrayList<>();
                try (EventStream s = EventStream.openFile(trace(trace))) {
                    s.setFilter(kv[1]);
                    s.onEvent(e -> nums.add(Long.toString(e.number())));
                    s.start();
                }
                List<String> expected = recorded(trace, "filter_" + kv[0]).stream().filter(l -> !l.isEmpty()).toList();
                assertThat(nums).as(trace + " " + kv[1]).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void fieldsAreTypedAndNullWhereTheyDoNotApply() throws IOException {
        List<String> lines = new ArrayList<>();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.setMaxEvents(5000);
            s.onEvent(e -> {
                assertThat(e.getLong("evt.num")).isEqualTo(e.number());
                assertThat(e.getString("evt.num")).isEqualTo(Long.toString(e.number()));
                assertThat(e.getString("evt.dir")).isEqualTo(e.isEnter() ? ">" : "<");
                if ("brk".equals(e.type())) {
                    assertThat(e.getString("evt.rawarg.fd")).isNull();
                    assertThat(e.getLong("evt.rawarg.fd")).isNull();
                    assertThat(e.fd()).isNull();
                }
                if ("open".equals(e.type()) && !e.isEnter()) {
                    long fd = e.getLong("evt.rawarg.fd");
                    if (fd >= 0) {
                        assertThat(e.fd().number()).isEqualTo(fd);
                        assertThat(e.fd().name()).isEqualTo(e.getString("fd.name"));
                        assertThat(e.fd().type()).isEqualTo("file");
                    }
                    lines.add(e.getString("proc.name") + " " + fd + " " + e.getString("evt.arg.name"));
                }
            });
            s.start();
        }
        // what sysdig printed for the same events: -p '%proc.name %evt.rawarg.fd %evt.arg.name' evt.type=open and evt.dir=<
        assertThat(lines).hasSizeGreaterThan(5).allMatch(l -> l.startsWith("curl "));
        assertThat(lines).anyMatch(l -> l.matches("curl -[0-9]+ /.*")).anyMatch(l -> l.matches("curl [0-9]+ /.*"));
    }

    @Test
    void callbacksPerEventTypeSeeWhatAFilterOnTheTypeSees() throws IOException {
        AtomicLong reads = new AtomicLong();
        AtomicLong all = new AtomicLong();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.onEvent("read", e -> reads.incrementAndGet());
            s.onEvent(e -> all.incrementAndGet());
            s.start();
        }
        AtomicLong filtered = new AtomicLong();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.setFilter("evt.type=read");
            s.onEvent(e -> filtered.incrementAndGet());
            s.start();
        }
        assertThat(reads.get()).isPositive().isEqualTo(filtered.get());
        assertThat(all.get()).isGreaterThan(reads.get());
    }

    @Test
    void threadTableKnowsTheProcesses() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.setFilter("proc.name=curl and evt.type=connect");
            s.setMaxEvents(1);
            s.onEvent(e -> {
                ThreadView t = e.thread();
                seen.set(t.name() + " " + t.pid() + " " + e.getString("proc.pid") + " "
                        + (s.threads().get(t.tid()) != null) + " " + s.threads().get(t.tid()).name());
            });
            s.start();
            assertThat(s.threads().size()).isPositive();
        }
        String[] w = seen.get().split(" ");
        assertThat(w[0]).isEqualTo("curl");
        assertThat(w[1]).isEqualTo(w[2]);
        assertThat(w[3]).isEqualTo("true");
        assertThat(w[4]).isEqualTo("curl");
    }

    @Test
    void aChiselPrintsWhatSysdigPrints() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.addChisel("topprocs_net", null, out);
            s.start();
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactlyElementsOf(recorded("libs__curl_google", "chisel_topprocs_net"));
    }

    @Test
    void writtenEventsReadBackTheSame(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("curl.scap");
        List<String> first = new ArrayList<>();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.setFilter("proc.name=curl");
            s.writeTo(out);
            s.onEvent(e -> first.add(e.type() + " " + e.getString("fd.name")));
            s.start();
        }
        List<String> again = new ArrayList<>();
        try (EventStream s = EventStream.openFile(out)) {
            s.onEvent(e -> again.add(e.type() + " " + e.getString("fd.name")));
            s.start();
        }
        assertThat(first).hasSizeGreaterThan(100);
        assertThat(again).containsExactlyElementsOf(first);
    }

    @Test
    void aBadFilterSaysWhere() {
        EventStream s = EventStream.openFile(trace("libs__curl_google"));
        assertThatThrownBy(() -> s.setFilter("proc.name=curl and and evt.type=open"))
                .isInstanceOfSatisfying(InvalidFilterException.class,
                        e -> assertThat(e.position()).isEqualTo(19));
        assertThatThrownBy(() -> s.requireFields("proc.nmae")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proc.nmae");
    }

    @Test
    void aMissingOrDamagedFileIsAnIOExceptionThatSaysWhy(@TempDir Path dir) throws IOException {
        EventStream missing = EventStream.openFile(dir.resolve("nope.scap"));
        missing.onEvent(e -> { });
        assertThatThrownBy(missing::start).isInstanceOf(IOException.class).hasMessageContaining("no such file");
        byte[] whole = Files.readAllBytes(trace("libs__sample"));
        Path cut = dir.resolve("cut.scap");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2 + 7));
        AtomicLong n = new AtomicLong();
        EventStream damaged = EventStream.openFile(cut);
        damaged.onEvent(e -> n.incrementAndGet());
        assertThatThrownBy(damaged::start).isInstanceOf(IOException.class).hasMessageContaining("at byte");
    }

    @Test
    void aTraceFileReadAnEventAtATimeGivesWhatTheStreamGives() throws IOException {
        List<String> pushed = new ArrayList<>();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.setFilter("proc.name=curl");
            s.onEvent(e -> pushed.add(e.number() + " " + e.type() + " " + e.getString("fd.name")));
            s.start();
        }
        List<String> pulled = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        try (TraceFile f = TraceFile.open(trace("libs__curl_google"), "proc.name=curl")) {
            while (f.hasMoreEvents()) {
                SystemEvent e = f.readEvent();
                pulled.add(e.number() + " " + e.type() + " " + e.getString("fd.name"));
                numbers.add(Long.toString(e.number()));
            }
            assertThat(f.threads().size()).isPositive();
        }
        assertThat(pulled).hasSizeGreaterThan(100).containsExactlyElementsOf(pushed);
        // sysdig -r TRACE -p %evt.num proc.name=curl
        assertThat(numbers).containsExactlyElementsOf(recorded("libs__curl_google", "filter_f01").stream()
                .filter(l -> !l.isEmpty()).toList());
        assertThatThrownBy(() -> TraceFile.open(trace("libs__sample"), "fd.name=="))
                .isInstanceOf(InvalidFilterException.class);
    }

    @Test
    void stopFromACallbackEndsTheStream() throws IOException {
        AtomicLong n = new AtomicLong();
        Map<String, Long> byProc = new LinkedHashMap<>();
        try (EventStream s = EventStream.openFile(trace("libs__curl_google"))) {
            s.onEvent(e -> {
                byProc.merge(e.getString("proc.name"), 1L, Long::sum);
                if (n.incrementAndGet() == 50) {
                    s.stop();
                }
            });
            s.start();
        }
        assertThat(n.get()).isEqualTo(50);
    }
}
