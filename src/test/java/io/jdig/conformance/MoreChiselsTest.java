package io.jdig.conformance;

import io.jdig.chisel.ChiselLocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jdig's own versions of spy_ip, spy_port, spy_file, fdtime_by, scallslower, fileslower, netlower, bottlenecks,
 * around, topcontainers_cpu, spy_logs, spy_syslog, lscontainers, httptop, memcachelog, spectrogram and
 * subsecoffset (and udp_extract, which writes files), run in process (or, for what only works on a terminal, in a pseudo-terminal) on the shared traces, against what the real sysdig 0.29.3 prints for the same command line at test time. sysdig must be
 * installed under CI=true; elsewhere the comparison is skipped without it. (The shared traces hold no syslog or
 * memcached traffic: LiveChiselTest records some and checks those chisels on it.)
 */
class MoreChiselsTest {
    static final List<String> CHISELS = List.of("spy_ip", "spy_port", "spy_file", "fdtime_by", "scallslower",
            "fileslower", "netlower", "bottlenecks", "around", "topcontainers_cpu", "spy_logs", "spy_syslog",
            "lscontainers", "httptop", "memcachelog", "spectrogram", "subsecoffset", "udp_extract");

    /** Traces sysdig 0.29.3 can read (it rejects libs__curl_google_comments). */
    private static final List<String> TRACES = List.of("libs__curl_google", "libs__sample",
            "falco__psp_run_as_user_0_container", "falco__psp_run_as_user_65534_container", "falco__cat_write",
            "libs__single_ipv6_conn", "libs__test_ipv6_client", "falco__connect_localhost",
            "falco__open-multiple-files", "falco__psp_privileged", "falco__empty_v1");

    /** Command lines run on every trace (after -r TRACE). */
    private static final List<List<String>> ON_EVERY_TRACE = List.of(
            List.of("-c", "fileslower", "0"),
            List.of("-pc", "-c", "fileslower", "0 disable_color"),
            List.of("-c", "netlower", "0"),
            List.of("-pc", "-c", "netlower", "0"),
            List.of("-c", "scallslower", "0"),
            List.of("-c", "scallslower", "1 disable_colors"),
            List.of("-pc", "-c", "scallslower", "1 disable_color"),
            List.of("-c", "bottlenecks"),
            List.of("-c", "fdtime_by", "proc.name"),
            List.of("-c", "fdtime_by", "fd.name"),
            List.of("-c", "topcontainers_cpu"),
            List.of("-c", "spy_file"),
            List.of("-c", "spy_file", "R"),
            List.of("-c", "spy_file", "w"),
            List.of("-c", "spy_logs"),
            List.of("-pc", "-c", "spy_logs"),
            List.of("-c", "spy_syslog"),
            List.of("-c", "lscontainers"),
            List.of("-c", "httptop"),
            List.of("-c", "memcachelog"),
            List.of("-c", "spectrogram"),
            List.of("-c", "subsecoffset"));

    /** Trace-specific command lines: endpoints that occur in the trace. */
    private static final List<List<String>> SPECIFIC = List.of(
            List.of("libs__curl_google", "-c", "spy_ip", "2607:f8b0:4004:802::2004"),
            List.of("libs__curl_google", "-c", "spy_ip", "2001:4860:4860::8888"),
            List.of("libs__curl_google", "-c", "spy_port", "80"),
            List.of("libs__curl_google", "-A", "-c", "spy_port", "80 disable_colors"),
            List.of("libs__curl_google", "-c", "spy_port", "53"),
            List.of("libs__curl_google", "-c", "spy_file", "R /etc/resolv.conf"),
            List.of("libs__curl_google", "-c", "spy_file", "RW /dev/urandom"),
            List.of("libs__curl_google", "-c", "fileslower", "0", "proc.name=curl"),
            List.of("libs__single_ipv6_conn", "-c", "spy_port", "1234"),
            List.of("libs__single_ipv6_conn", "-c", "spy_ip", "2001:db8::3"),
            List.of("falco__psp_run_as_user_0_container", "-c", "spy_ip", "10.0.2.2"),
            List.of("falco__psp_run_as_user_0_container", "-X", "-c", "spy_ip", "10.0.2.2 disable_colors"),
            List.of("falco__psp_run_as_user_0_container", "-c", "spy_port", "22"),
            List.of("falco__connect_localhost", "-c", "spy_ip", "127.0.0.1"),
            List.of("libs__test_ipv6_client", "-c", "spy_port", "2345"),
            List.of("libs__test_ipv6_client", "-c", "spy_ip", "::1"),
            List.of("falco__cat_write", "-c", "spy_file", "R /dev/null"),
            List.of("falco__cat_write", "-c", "bottlenecks", "proc.name=cat"),
            List.of("falco__cat_write", "-j", "-c", "topcontainers_cpu"),
            List.of("libs__curl_google", "-c", "httptop", "time"),
            List.of("libs__curl_google", "-c", "httptop", "bytes"),
            List.of("libs__curl_google", "-pc", "-c", "httptop", "ncalls"),
            List.of("falco__psp_write_tmp_test", "-c", "lscontainers"));

    /** around: dump file, range, filter. */
    private static final List<List<String>> AROUND = List.of(
            List.of("falco__cat_write", "10", "evt.type=close"),
            List.of("falco__psp_run_as_user_0_container", "2", "evt.type=openat and evt.dir=<"),
            List.of("libs__curl_google", "5", "evt.type=connect and evt.dir=<"),
            List.of("libs__single_ipv6_conn", "1", "evt.type=close"));

    @Test
    void theNewChiselsAreJdigsOwn() {
        ChiselLocator jar = new ChiselLocator(List.of(), true);
        for (String c : CHISELS) {
            Optional<ChiselLocator.Source> s = jar.find(c);
            assertThat(s).as(c + " is built into jdig").isPresent();
            assertThat(s.get().builtin()).isTrue();
            // the standard search path (which ends with sysdig's directory) picks the built-in one
            assertThat(ChiselLocator.standard(null).find(c).orElseThrow().builtin()).as(c).isTrue();
        }
    }

    @Test
    void listedAndDescribed() {
        Shared.Run list = Shared.jdig("-cl");
        for (String c : CHISELS) {
            assertThat(list.out()).as("-cl lists " + c).anyMatch(l -> l.equals(c) || l.startsWith(c + " "));
            Shared.Run info = Shared.jdig("-i", c);
            assertThat(info.code()).isZero();
            assertThat(info.out()).as("-i " + c).contains("Args:");
        }
        assertThat(Shared.jdig("-i", "fileslower").out()).contains("[int] min_ms - print only the calls slower than this many milli");
    }

    private static void requireSysdig() {
        io.jdig.Prerequisites.requireSysdig();
    }

    @TestFactory
    List<DynamicTest> sameOutputAsSysdig() {
        requireSysdig();
        List<DynamicTest> tests = new ArrayList<>();
        for (String t : TRACES) {
            for (List<String> cmd : ON_EVERY_TRACE) {
                tests.add(compareTest(t, cmd));
            }
        }
        for (List<String> s : SPECIFIC) {
            tests.add(compareTest(s.get(0), s.subList(1, s.size())));
        }
        return tests;
    }

    private static DynamicTest compareTest(String trace, List<String> cmd) {
        List<String> args = new ArrayList<>(List.of("-r", Shared.trace(trace).toString()));
        args.addAll(cmd);
        String name = trace + " " + String.join(" ", cmd);
        return DynamicTest.dynamicTest(name, () -> {
            Shared.Run sysdig = Shared.sysdig(args);
            List<String> want = sysdig.out();
            Shared.Run r = Shared.jdig(args.toArray(new String[0]));
            List<String> got = r.out();
            // both succeed, or both fail as sysdig does where the case says so (spectrogram on a pipe)
            assertThat(r.code()).as("%s: jdig's exit status, sysdig's %d (%s)", name, sysdig.code(), r.err())
                    .isEqualTo(sysdig.code());
            assertThat(sysdig.code() != 0).as("%s: sysdig's exit status %d (%s)", name, sysdig.code(), sysdig.err())
                    .isEqualTo(FAILING.contains(cmd));
            Shared.assertExpected(name, want, ExpectedEmpty.contains(name) ? Shared.Expect.EMPTY : Shared.Expect.LINES);
            if (cmd.contains("-j")) {
                // sysdig's JSON encoder writes object keys in hash order: compare the lines without their commas,
                // as multisets
                assertThat(got.stream().map(MoreChiselsTest::noComma).toList()).as(String.join(" ", args))
                        .containsExactlyInAnyOrderElementsOf(want.stream().map(MoreChiselsTest::noComma).toList());
            } else if (isTable(cmd)) {
                // table rows with equal values come out in hash order in sysdig: compare titles, then the rows as sets
                assertThat(got.size()).as(String.join(" ", args) + Shared.diff(want, got)).isEqualTo(want.size());
                assertThat(got.subList(0, Math.min(2, got.size()))).isEqualTo(want.subList(0, Math.min(2, want.size())));
                assertThat(got).as(String.join(" ", args)).containsExactlyInAnyOrderElementsOf(want);
            } else {
                assertThat(got).as(() -> String.join(" ", args) + Shared.diff(want, got)).isEqualTo(want);
            }
        });
    }

    /** The command lines that fail in sysdig (and must in jdig): spectrogram and subsecoffset need a terminal. */
    private static final List<List<String>> FAILING = List.of(List.of("-c", "spectrogram"), List.of("-c", "subsecoffset"));

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String noComma(String l) {
        return l.endsWith(",") ? l.substring(0, l.length() - 1) : l;
    }

    private static boolean isTable(List<String> cmd) {
        return cmd.contains("fdtime_by") || cmd.contains("topcontainers_cpu") || cmd.contains("httptop");
    }

    /**
     * around prints the matches, then writes the events of the same thread near each match to a file by running
     * again on the trace. The printed text must be sysdig's; the file must hold the events sysdig selects from the
     * trace with the same filter. (sysdig 0.29.3's own dump of a trace with IPv6 interfaces cannot be read back, by
     * sysdig or jdig, so the file is checked against sysdig's reading of the original trace instead.)
     */
    @TestFactory
    List<DynamicTest> aroundLikeSysdig(@TempDir Path dir) {
        requireSysdig();
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> a : AROUND) {
            String trace = Shared.trace(a.get(0)).toString();
            String range = a.get(1);
            String filter = a.get(2);
            tests.add(DynamicTest.dynamicTest(a.get(0) + " around " + range + " " + filter, () -> {
                Path dump = dir.resolve("around.scap");
                Files.deleteIfExists(dump);
                List<String> want = SysdigCrossCheckTest.sysdig(List.of("-r", trace, "-c", "around",
                        dump + " " + range, filter));
                assertThat(dump).as("sysdig wrote the dump").exists();
                Files.move(dump, dir.resolve("sysdig.scap"), StandardCopyOption.REPLACE_EXISTING);

                Shared.Run r = Shared.jdig("-r", trace, "-c", "around", dump + " " + range, filter);
                assertThat(r.out()).as(Shared.diff(want, r.out())).isEqualTo(want);
                assertThat(dump).as("jdig wrote the dump").exists();

                // the events sysdig would select: the matches' times and threads, as the chisel builds the filter
                List<String> terms = Shared.jdig("-r", trace, "-p",
                        "(evt.around[%evt.rawtime]=" + range + " and thread.tid=%thread.tid)", filter).out();
                String fmt = "%evt.rawtime %thread.tid %evt.type %evt.dir";
                List<String> cmd = new ArrayList<>(List.of("-r", trace, "-p", fmt));
                if (!terms.isEmpty()) {
                    cmd.add(String.join(" or ", terms));
                }
                List<String> selected = SysdigCrossCheckTest.sysdig(cmd);
                List<String> written = SysdigCrossCheckTest.sysdig(List.of("-r", dump.toString(), "-p", fmt));
                assertThat(written).as("events in jdig's dump, read by sysdig").isNotEmpty().isEqualTo(selected);
            }));
        }
        return tests;
    }

    /** Command lines compared on a 120x30 pseudo-terminal, where sysdig colors its output and the heat maps draw. */
    private static final List<List<String>> ON_A_TERMINAL = List.of(
            List.of("-c", "spectrogram"),
            List.of("-c", "spectrogram", "100"),
            List.of("-c", "subsecoffset"),
            List.of("-c", "subsecoffset", "100"),
            List.of("-c", "subsecoffset", "333"),
            List.of("-c", "fileslower", "0"),
            List.of("-c", "spy_logs"),
            List.of("-c", "echo_fds"),
            List.of());

    @TestFactory
    List<DynamicTest> onATerminalLikeSysdig() {
        requireSysdig();
        boolean script = new java.io.File("/usr/bin/script").canExecute();
        io.jdig.Prerequisites.require(script, "script (util-linux) is not installed");
        String java = ProcessHandle.current().info().command().orElse("java");
        // (COLUMNS and LINES are set wrong on purpose: jdig must read the terminal's size, as sysdig does)
        String jdig = "COLUMNS=70 LINES=10 " + quote(java) + " --enable-native-access=ALL-UNNAMED -cp "
                + quote(System.getProperty("java.class.path")) + " io.jdig.cli.Main";
        List<DynamicTest> tests = new ArrayList<>();
        for (String t : List.of("libs__curl_google", "libs__sample", "falco__psp_run_as_user_0_container")) {
            for (List<String> cmd : ON_A_TERMINAL) {
                StringBuilder args = new StringBuilder(" -r ").append(quote(Shared.trace(t).toString()));
                cmd.forEach(a -> args.append(' ').append(quote(a)));
                tests.add(DynamicTest.dynamicTest(t + " " + String.join(" ", cmd), () -> {
                    byte[] want = onTerminal("sysdig" + args);
                    byte[] got = onTerminal(jdig + args);
                    assertThat(new String(got, StandardCharsets.ISO_8859_1)).as(args.toString())
                            .isEqualTo(new String(want, StandardCharsets.ISO_8859_1));
                }));
            }
        }
        return tests;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** What the command writes to a 120x30 pseudo-terminal (stdout and stderr). */
    private static byte[] onTerminal(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("script", "-qec", "stty cols 120 rows 30; " + command, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** spy_logs with a dump file: the printed lines, then the events near each log write saved to the file. */
    @Test
    void spyLogsSavesTheEventsNearEachLogWrite(@TempDir Path dir) throws Exception {
        requireSysdig();
        String trace = Shared.trace("falco__psp_run_as_user_0_container").toString();
        Path dump = dir.resolve("logs.scap");
        List<String> want = SysdigCrossCheckTest.sysdig(List.of("-r", trace, "-c", "spy_logs", dump + " 50 disable_color"));
        assertThat(want).last().isEqualTo("Writing events for 3 log entries");
        Files.deleteIfExists(dump);
        Shared.Run r = Shared.jdig("-r", trace, "-c", "spy_logs", dump + " 50 disable_color");
        assertThat(r.out()).isEqualTo(want);
        List<String> terms = Shared.jdig("-r", trace, "-p", "(evt.around[%evt.rawtime]=50 and thread.tid=%thread.tid)",
                "(fd.name contains .log or fd.name contains _log or fd.name contains /var/log) and not (fd.name "
                        + "contains .gz or fd.name contains .tgz) and evt.is_io_write=true and evt.dir=< and "
                        + "evt.failed=false").out();
        assertThat(terms).hasSize(3);
        String fmt = "%evt.rawtime %thread.tid %evt.type %evt.dir";
        List<String> selected = SysdigCrossCheckTest.sysdig(List.of("-r", trace, "-p", fmt, String.join(" or ", terms)));
        assertThat(SysdigCrossCheckTest.sysdig(List.of("-r", dump.toString(), "-p", fmt))).isNotEmpty()
                .isEqualTo(selected);
    }

    /** udp_extract writes one file per UDP socket under ./udp_dump_files: run both in empty directories, compare. */
    @TestFactory
    List<DynamicTest> udpExtractWritesWhatSysdigWrites(@TempDir Path dir) {
        requireSysdig();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<DynamicTest> tests = new ArrayList<>();
        for (String t : List.of("libs__curl_google", "libs__test_ipv6_client", "libs__sample")) {
            tests.add(DynamicTest.dynamicTest(t, () -> {
                Path s = Files.createDirectories(dir.resolve(t + "-sysdig"));
                Path j = Files.createDirectories(dir.resolve(t + "-jdig"));
                String trace = Shared.trace(t).toString();
                run(s, List.of("sysdig", "-r", trace, "-c", "udp_extract"));
                run(j, List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                        "io.jdig.cli.Main", "-r", trace, "-c", "udp_extract"));
                Map<String, byte[]> want = files(s.resolve("udp_dump_files"));
                Map<String, byte[]> got = files(j.resolve("udp_dump_files"));
                assertThat(got.keySet()).isEqualTo(want.keySet());
                for (String f : want.keySet()) {
                    assertThat(got.get(f)).as(f).isEqualTo(want.get(f));
                }
                if (!t.equals("libs__sample")) {
                    assertThat(want).as("the trace has UDP traffic").isNotEmpty();
                }
            }));
        }
        return tests;
    }

    private static void run(Path cwd, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(cwd.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", cmd, Files.readString(cwd.resolve("out.txt"))).isZero();
    }

    private static Map<String, byte[]> files(Path d) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        if (Files.isDirectory(d)) {
            try (var s = Files.list(d)) {
                for (Path p : s.toList()) {
                    m.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }
}
