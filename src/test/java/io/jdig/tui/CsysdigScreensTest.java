package io.jdig.tui;

import io.jdig.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first screen of a view on a trace, as the real csysdig 0.29.3 draws it and as {@code ./cjdig} draws it, both in
 * tmux at 140x30: every line the same (the header with the source and filter, the column titles and their
 * alignment, the rows and their numbers, the key bar and the position). The views here are those without the
 * difference cjdig keeps on purpose (the time-averaged columns of views that merge rows, see the README).
 */
class CsysdigScreensTest {
    private static final long WAIT_MS = 120_000;
    private static final List<String> TRACES = List.of("falco__cat_write", "libs__curl_google");
    private static final List<String> VIEWS = List.of("files", "syscalls", "io_by_type", "directories", "errors",
            "procs_errors", "procs_fd_usage", "threads", "syscall_procs", "file_opens", "spy_users", "page_faults");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void needsCsysdig() {
        Prerequisites.require(Prerequisites.onPath("csysdig"), "the reference csysdig is not installed");
        Prerequisites.require(Files.isExecutable(Path.of("cjdig")), "the ./cjdig launcher is not in the working directory");
    }

    static Stream<Arguments> screens() {
        List<Arguments> out = new ArrayList<>();
        for (String t : TRACES) {
            for (String v : VIEWS) {
                out.add(Arguments.of(t, v));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -v {1}")
    @MethodSource("screens")
    void theFirstScreenIsCsysdigs(String trace, String view) throws Exception {
        // a short name for the trace: the header shows it (and a long checkout path would push the rest off)
        Path link = tmp.resolve(trace + ".scap");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, Prerequisites.shared().resolve("traces/" + trace + ".scap"));
        }
        String file = tmp.relativize(link).toString();
        List<String> expected = firstScreen("cd '" + tmp + "' && csysdig -r " + file + " -v " + view);
        List<String> got = firstScreen("cd '" + tmp + "' && '" + Path.of("cjdig").toAbsolutePath() + "' -r " + file
                + " -v " + view);
        assertThat(expected.get(3)).as("csysdig shows rows").isNotBlank();
        assertThat(String.join("\n", got)).isEqualTo(String.join("\n", expected));
    }

    /**
     * The echo (F5) and dig (F6) windows of a file, scrolled a line, and after a drill-down, as csysdig draws them:
     * the text, the title and filter, the key bar and the position (counted from 0 there).
     */
    @org.junit.jupiter.api.Test
    void theEchoAndDigWindowsAreCsysdigs() throws Exception {
        Path link = tmp.resolve("echo.scap");
        Files.createSymbolicLink(link, Prerequisites.shared().resolve("traces/falco__cat_write.scap"));
        List<List<String>> expected = textScreens("cd '" + tmp + "' && csysdig -r echo.scap -v files");
        List<List<String>> got = textScreens("cd '" + tmp + "' && '" + Path.of("cjdig").toAbsolutePath()
                + "' -r echo.scap -v files");
        assertThat(expected.get(0).get(3)).as("csysdig shows the bytes").isNotBlank();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(String.join("\n", got.get(i))).as("screen " + i)
                    .isEqualTo(String.join("\n", expected.get(i)));
        }
    }

    /**
     * Down, F5 (echo), Down, then Backspace, F6 (dig); Backspace, Enter (the header of the drill-down to the
     * processes), F6 (their dig): the screens.
     */
    private static List<List<String>> textScreens(String command) throws Exception {
        try (TmuxWindow w = new TmuxWindow("jdig-screens")) {
            w.start(140, 20, command + "; sleep 600");
            steady(w, l -> l.get(0).startsWith("Viewing: Files") && !l.get(3).isBlank());
            w.keys("Down");
            steady(w, l -> l.get(4).length() > 0 && l.get(19).contains("2/"));
            w.keys("F5");
            List<String> echo = steady(w, l -> l.get(0).startsWith("Viewing: I/O activity"));
            w.keys("Down");
            List<String> scrolled = steady(w, l -> true); // (a text shorter than the window stays put)
            w.keys("BSpace");
            steady(w, l -> l.get(0).startsWith("Viewing: Files"));
            w.keys("F6");
            List<String> dig = steady(w, l -> l.get(0).startsWith("Viewing: sysdig output"));
            // a drill-down (its header: the key quoted as csysdig quotes it) and the dig of a row there
            w.keys("BSpace");
            steady(w, l -> l.get(0).startsWith("Viewing: Files"));
            w.keys("Enter");
            List<String> drilled = steady(w, l -> l.get(0).startsWith("Viewing: Processes")).subList(0, 3);
            w.keys("F6");
            List<String> drilledDig = steady(w, l -> l.get(0).startsWith("Viewing: sysdig output"));
            return List.of(echo, scrolled, dig, drilled, drilledDig);
        }
    }

    /** The screen once it satisfies {@code ok} and stays the same for a moment. */
    private static List<String> steady(TmuxWindow w, java.util.function.Predicate<List<String>> ok) throws Exception {
        List<String> s = w.await("the screen", WAIT_MS, l -> l.size() >= 20 && ok.test(l));
        while (true) {
            Thread.sleep(400);
            List<String> again = w.screen();
            if (again.equals(s)) {
                return s;
            }
            s = again;
        }
    }

    /** The screen once the view is drawn and stays the same for a moment (the file is read in full). */
    private static List<String> firstScreen(String command) throws Exception {
        try (TmuxWindow w = new TmuxWindow("jdig-screens")) {
            w.start(140, 30, command + "; sleep 600");
            List<String> s = w.await("the view", WAIT_MS, l -> l.size() >= 30 && l.get(0).startsWith("Viewing: ")
                    && l.get(29).startsWith("F1Help") && !l.get(2).isBlank());
            while (true) {
                Thread.sleep(400);
                List<String> again = w.screen();
                if (again.equals(s)) {
                    return s.subList(0, 30);
                }
                s = again;
            }
        }
    }
}
