package io.jdig.explore;

import io.jdig.Prerequisites;
import io.jdig.cli.Jdig;
import io.jdig.conformance.Shared;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live session's structures fed from a trace file through a ring small enough to drop most of it: the overview's
 * log stays within the ring while its tiles stay what an unpruned log gives, and a replay of the ring (dig) starts
 * from the tables the ring's oldest chunk began with, so the fds and threads opened before the drop keep their names.
 */
class ExplorationRingTest {
    private static final String TRACE = "libs__sample";

    /** A session over {@code trace} through a ring of four small chunks: most of it is dropped. */
    private static Exploration session(Path trace, int logRoom) throws Exception {
        int chunk = trace.equals(Shared.trace(TRACE)) ? 8 << 10 : 16 << 10;
        Exploration x = Exploration.replayedLive(trace, Exploration.Settings.DEFAULT,
                new Exploration.LiveOptions(60, 4L * chunk, -1, 2000), chunk, logRoom);
        x.session().awaitEnd();
        return x;
    }

    private static Path workload;

    /**
     * A live capture (as root) of a process that opens a TCP connection to itself and a log file at its start,
     * then writes to both every few milliseconds for four seconds: thousands of events that count in the overview.
     */
    private static synchronized Path workloadTrace() throws Exception {
        if (workload != null) {
            return workload;
        }
        Prerequisites.require("root".equals(System.getProperty("user.name")), "live capture needs root");
        Path dir = Files.createTempDirectory("jdig-ring");
        Path log = dir.resolve("jdigring.log");
        Path trace = dir.resolve("ring.scap");
        String py = """
                import socket, time
                srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(1)
                c = socket.create_connection(srv.getsockname()); a, _ = srv.accept()
                f = open('%s', 'w')
                time.sleep(0.5)
                end = time.time() + 4
                while time.time() < end:
                    c.send(b'x' * 100); a.recv(100); f.write('a log line\\n'); f.flush(); time.sleep(0.003)
                """.formatted(log);
        Thread capture = Thread.ofPlatform().start(() -> new Jdig(new ByteArrayOutputStream(),
                new PrintStream(new ByteArrayOutputStream())).run(new String[] {"-w", trace.toString(), "-M", "8",
                "proc.name=jdigringpy"}));
        Thread.sleep(1000);
        Path exe = dir.resolve("jdigringpy");
        Files.createSymbolicLink(exe, Path.of(new ProcessBuilder("python3", "-c",
                "import sys,os; print(os.path.realpath(sys.executable))").start().inputReader().readLine()));
        Process p = new ProcessBuilder(exe.toString(), "-c", py).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(text).isZero();
        capture.join();
        Files.deleteIfExists(log);
        Files.deleteIfExists(exe);
        trace.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        workload = trace;
        return trace;
    }

    @Test
    void theOverviewsLogStaysWithinTheRingAndItsTilesStayRight() throws Exception {
        Path trace = workloadTrace();
        try (Exploration pruned = session(trace, 64); Exploration whole = session(trace, 1 << 22)) {
            LiveSession s = pruned.session();
            long firstHeld = s.store.firstHeld();
            assertThat(firstHeld).as("the ring dropped its beginning").isPositive();
            long[] size = s.logSize();
            long[] unpruned = whole.session().logSize();
            System.out.println("log entries held, room, logged in all, names, container sets, skipped room, prunes: "
                    + Arrays.toString(size) + " (unpruned: " + Arrays.toString(unpruned) + ")");
            assertThat(size[2]).as("entries logged in all").isEqualTo(unpruned[2]).isGreaterThan(4 * size[1]);
            // the log holds only entries of the events the ring holds (and those logged since it was last pruned)
            assertThat(size[1]).as("room of the log").isLessThanOrEqualTo(Math.max(64, 4 * size[0]));
            assertThat(size[3]).as("names kept").isLessThanOrEqualTo(unpruned[3]);
            assertThat(size[5]).as("room for skipped events").isLessThanOrEqualTo(Math.max(64, unpruned[5]));
            // a prune copies the log: it comes once the log has grown by as much again, not at every event
            assertThat(size[6]).as("prunes").isPositive().isLessThan(size[2] / 16);
            Summary a = pruned.summary();
            Summary b = whole.summary();
            assertThat(a.metrics()).hasSameSizeAs(b.metrics());
            for (int i = 0; i < a.metrics().size(); i++) {
                Summary.Metric m = a.metrics().get(i);
                Summary.Metric n = b.metrics().get(i);
                assertThat(m.id()).isEqualTo(n.id());
                assertThat(new long[] {m.total(), m.max()}).as(m.id()).isEqualTo(new long[] {n.total(), n.max()});
                assertThat(m.values()).as(m.id()).isEqualTo(n.values());
                assertThat(m.times()).as(m.id()).isEqualTo(n.times());
            }
            assertThat(a.metric("syscallCount").total()).isPositive();
            assertThat(a.containers()).isEqualTo(b.containers());
        }
    }

    @Test
    void digOverARingWhoseBeginningWasDroppedShowsTheFdsAndThreadsOpenedBefore() throws Exception {
        digAfterTheDrop(Shared.trace(TRACE));
    }

    /** The connection and the log file opened before the drop keep their names in dig and echo after it. */
    @Test
    void aConnectionOpenedBeforeTheDropKeepsItsNameLive() throws Exception {
        List<String> dig = digAfterTheDrop(workloadTrace());
        assertThat(dig).anyMatch(l -> l.contains("> sendto") && l.contains("(<4t>127.0.0.1:"));
        assertThat(dig).anyMatch(l -> l.contains("> write") && l.contains("(<f>") && l.contains("jdigring.log)"));
        try (Exploration x = session(workloadTrace(), 64)) {
            List<EchoChunk> echo = x.echo("fd.type=ipv4", TimeRange.ALL, 100);
            assertThat(echo).isNotEmpty().allMatch(c -> c.fdName().startsWith("127.0.0.1:"));
        }
    }

    private static List<String> digAfterTheDrop(Path trace) throws Exception {
        try (Exploration x = session(trace, 64)) {
            LiveSession s = x.session();
            assertThat(s.store.firstHeld()).as("the ring dropped its beginning").isPositive();
            long cut = s.store.firstTs();
            List<String> all = x.dig("", TimeRange.ALL, 1_000_000);
            List<String> dig = enters(all);
            List<String> file = enters(printed(trace, "evt.rawtime>=" + cut));
            // the same lines, numbered as in the whole capture (not from 1 where the ring now starts)
            assertThat(dig).isNotEmpty().isEqualTo(file);
            // fds with names: files or sockets opened before the ring's start among them
            assertThat(dig).anyMatch(l -> l.contains("(<f>") || l.contains("(<4t>") || l.contains("(<u>"));
            return dig;
        }
    }

    /** Live: the views sampled are the most recently asked, never more than a bound, however many are asked. */
    @Test
    void aLiveSessionSamplesABoundedNumberOfViews() throws Exception {
        Prerequisites.require("root".equals(System.getProperty("user.name")), "live capture needs root");
        try (Exploration x = Exploration.live(Exploration.Settings.DEFAULT,
                new Exploration.LiveOptions(10, 16L << 20, -1, 400))) {
            for (int i = 0; i < LiveSession.MAX_VIEWS + 20; i++) {
                x.view(ViewQuery.of("procs").withFilter("proc.pid!=" + (1_000_000 + i)));
                Thread.sleep(20);
            }
            long until = System.nanoTime() + 10_000_000_000L;
            while (x.session().viewsSampled() < LiveSession.MAX_VIEWS && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            assertThat(x.session().viewsSampled()).isEqualTo(LiveSession.MAX_VIEWS);
            // the last one asked is among them, and answers
            assertThat(x.view(ViewQuery.of("procs").withFilter("proc.pid!=" + (1_000_000 + LiveSession.MAX_VIEWS
                    + 19))).columns()).isNotEmpty();
        }
    }

    /** The enter events' lines (whose arguments name the fd from the table), with their number. */
    private static List<String> enters(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] f = l.split(" ", 7);
            if (f.length >= 7 && f[5].equals(">")) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<String> printed(Path trace, String filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new Jdig(out, new PrintStream(new ByteArrayOutputStream()))
                .run(new String[] {"-r", trace.toString(), filter});
        assertThat(rc).isZero();
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }
}
