package io.jdig.tui;

import io.jdig.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code ./cjdig} in a tmux window, driven by keys as a user would: open a trace, F2 to Files, Enter on a
 * row, F5, Backspace, F4 with a filter and with a bad one, F9, a resize, q. Each step waits for what it expects on
 * the screen (with a time limit) rather than for a fixed time.
 */
class TuiInTmuxTest {
    private static final long STEP_MS = 20_000;
    /** The first screen may wait for the launcher to build the jar. */
    private static final long FIRST_SCREEN_MS = 600_000;

    /** A server of its own for each test: one being killed may still answer on its socket as the next starts. */
    private final String socket = "jdig-tui-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean started;

    @BeforeEach
    void needs() {
        Prerequisites.require(Prerequisites.onPath("tmux"), "tmux is not installed");
    }

    @AfterEach
    void end() throws Exception {
        if (started) {
            tmux("kill-server");
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " did not answer");
        }
        return out;
    }

    private List<String> screen() throws IOException, InterruptedException {
        return List.of(tmux("capture-pane", "-p", "-t", "ui").split("\n", -1));
    }

    private void keys(String... keys) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("send-keys", "-t", "ui"));
        a.addAll(Arrays.asList(keys));
        tmux(a.toArray(String[]::new));
    }

    private void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "ui", "-l", text);
    }

    /** Waits until the screen satisfies {@code ok}; fails with the last screen after {@code ms}. */
    private List<String> await(String what, long ms, Predicate<List<String>> ok) throws Exception {
        long end = System.nanoTime() + ms * 1_000_000;
        List<String> s = screen();
        while (!ok.test(s)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited for " + what + "; the screen is:\n" + String.join("\n", s));
            }
            Thread.sleep(40);
            s = screen();
        }
        return s;
    }

    private List<String> await(String text) throws Exception {
        return await("'" + text + "'", STEP_MS, s -> String.join("\n", s).contains(text));
    }

    private static int lineOf(List<String> s, Predicate<String> p) {
        for (int i = 0; i < s.size(); i++) {
            if (p.test(s.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such line in\n" + String.join("\n", s));
    }

    @Test
    void aUserExploresATraceThroughTheKeys() throws Exception {
        Path launcher = Path.of("cjdig").toAbsolutePath();
        Prerequisites.require(Files.isExecutable(launcher), "the ./cjdig launcher is not in the working directory");
        Path trace = Prerequisites.shared().resolve("traces/falco__cat_write.scap");
        tmux("new-session", "-d", "-s", "ui", "-x", "200", "-y", "50",
                "'" + launcher + "' -r '" + trace + "'; echo CJDIG-EXIT=$?; sleep 600");
        started = true;
        List<String> s = await("the processes view", FIRST_SCREEN_MS,
                l -> l.get(0).startsWith("Viewing: Processes For: whole machine") && l.get(49).startsWith("F1Help")
                        && l.get(2).contains("PID") && l.get(2).contains("Command") && !l.get(3).isBlank()
                        && l.get(1).contains("falco__cat_write.scap (345 evts, 3.00s)"));
        assertThat(s.get(1)).contains("falco__cat_write.scap (345 evts, 3.00s)");
        assertThat(s.get(2)).contains("PID").contains("Command");

        // F2: the views with their descriptions; down to Files, Enter
        keys("F2");
        await("Select View");
        keys("Home");
        s = await("the list's top", STEP_MS,
                l -> l.get(2).startsWith("Select View") && !l.get(2).contains("Processes"));
        int files = lineOf(s, l -> l.length() >= 20 && l.substring(0, 20).strip().equals("Files"));
        for (int i = 3; i < files; i++) {
            keys("Down");
        }
        await("the Files entry", STEP_MS, l -> l.get(2).startsWith("Select View") && l.get(2).contains("Files"));
        keys("Enter");
        s = await("the Files view", STEP_MS, l -> l.get(0).startsWith("Viewing: Files For: whole machine")
                && l.stream().anyMatch(x -> x.endsWith("/lib/x86_64-linux-gnu/libc.so.6")));

        // Enter on a row: the processes that used the file; F5: the bytes it got
        int libc = lineOf(s, l -> l.endsWith("/lib/x86_64-linux-gnu/libc.so.6"));
        for (int i = 3; i < libc; i++) {
            keys("Down");
        }
        await("the libc row", STEP_MS, l -> l.get(49).contains((libc - 2) + "/4"));
        keys("Enter");
        // (each wait covers the lines asserted after it: a copy of the pane may catch a redraw half done)
        s = await("the processes of libc", STEP_MS, l -> l.get(0).startsWith(
                "Viewing: Processes For: fd.name=/lib/x86_64-linux-gnu/libc.so.6") && l.get(3).contains("cat /dev/null"));
        assertThat(s.get(3)).contains("cat /dev/null");
        keys("F5");
        s = await("the bytes libc gave cat", STEP_MS, l -> String.join("\n", l).contains(
                "------ Read 832B from /lib/x86_64-linux-gnu/libc.so.6 (cat)") && String.join("\n", l).contains(".ELF...."));
        assertThat(String.join("\n", s)).contains(".ELF....");

        // Backspace twice: back to the files
        keys("BSpace");
        await("Viewing: Processes For: fd.name=");
        keys("BSpace");
        await("Viewing: Files For: whole machine");

        // F4: a filter; then a bad one, pointed at
        keys("F4");
        await("Filter: ");
        type("fd.name contains locale");
        keys("Enter");
        s = await("the filtered table", STEP_MS, l -> l.get(1).contains("Filter: (fd.name contains locale)")
                && l.get(3).endsWith("/usr/lib/locale/locale-archive"));
        assertThat(s.get(4)).isBlank();
        keys("F4");
        keys("C-u");
        type("fd.name=/dev/null and (");
        keys("Enter");
        s = await("the filter's error", STEP_MS, l -> l.get(49).contains("^ invalid filter")
                && l.get(48).equals("Filter: fd.name=/dev/null and ("));
        assertThat(s.get(48)).isEqualTo("Filter: fd.name=/dev/null and (");
        assertThat(s.get(49)).startsWith(" ".repeat("Filter: fd.name=/dev/null and (".length()) + "^ invalid filter: ");
        keys("C-u");
        keys("Enter");
        await("the filter removed", STEP_MS, l -> !l.get(1).contains("locale") && l.get(49).startsWith("F1Help")
                && l.get(49).matches(".*[1-4]/4\\([0-9.]+%\\)$"));

        // F9: sort by the first column (bytes in): libc's 832 bytes come first
        keys("F9");
        await("Select sort column");
        keys("Home");
        keys("Enter");
        await("the table sorted by bytes in", STEP_MS, l -> l.get(3).endsWith("/lib/x86_64-linux-gnu/libc.so.6")
                && !l.get(2).startsWith("Select"));

        // a smaller window: the same screen, cut
        tmux("resize-window", "-t", "ui", "-x", "100", "-y", "20");
        s = await("the screen redrawn at 100x20", STEP_MS, l -> l.size() >= 20 && l.get(19).startsWith("F1Help")
                && l.get(0).startsWith("Viewing: Files"));
        for (String line : s) {
            assertThat(line.length()).isLessThanOrEqualTo(100);
        }

        // q: the process ends, the terminal is given back (the main screen, the shell's line after it)
        keys("q");
        s = await("CJDIG-EXIT=0");
        assertThat(tmux("display-message", "-p", "-t", "ui", "#{alternate_on}").strip()).isEqualTo("0");
        assertThat(String.join("\n", s)).doesNotContain("Viewing:");
    }

    /**
     * Live, as root: the table is asked again at each sample (a process started after the screen came up shows),
     * p holds the screen (one started while paused does not show until p again), q stops the capture and quits.
     */
    @Test
    void liveTheTableRefreshesAndPauseHoldsIt(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String problem = io.jdig.capture.BpfLoader.environmentProblem();
        Prerequisites.require(problem == null, "live capture unavailable: " + problem);
        Path launcher = Path.of("cjdig").toAbsolutePath();
        Prerequisites.require(Files.isExecutable(launcher), "the ./cjdig launcher is not in the working directory");
        Path sleeper = tmp.resolve("jdigtuisleepa");
        Path paused = tmp.resolve("jdigtuisleepb");
        Files.copy(Path.of("/bin/sleep"), sleeper);
        Files.copy(Path.of("/bin/sleep"), paused);
        tmux("new-session", "-d", "-s", "ui", "-x", "200", "-y", "50",
                "'" + launcher + "' -d 1000; echo CJDIG-EXIT=$?; sleep 600");
        started = true;
        await("the live processes view", FIRST_SCREEN_MS, l -> l.get(1).startsWith("Source: Live System")
                && l.get(49).startsWith("F1Help") && !l.get(3).isBlank());
        // filter on the two sleepers' names so that both would be on the first screen
        keys("F4");
        await("Filter: ");
        type("proc.name startswith jdigtuisleep");
        keys("Enter");
        await("the filter", STEP_MS, l -> l.get(1).contains("proc.name startswith jdigtuisleep"));
        Process a = new ProcessBuilder(sleeper.toString(), "60").start();
        Process b = null;
        try {
            await("the process started after the screen came up", STEP_MS,
                    l -> String.join("\n", l).contains(sleeper + " 60"));
            keys("p");
            await("PAUSED");
            b = new ProcessBuilder(paused.toString(), "60").start();
            Thread.sleep(5000);
            assertThat(String.join("\n", screen())).doesNotContain(paused + " 60");
            keys("p");
            await("the process started while paused", STEP_MS, l -> String.join("\n", l).contains(paused + " 60"));
        } finally {
            a.destroy();
            if (b != null) {
                b.destroy();
            }
        }
        keys("q");
        await("CJDIG-EXIT=0");
        assertThat(tmux("display-message", "-p", "-t", "ui", "#{alternate_on}").strip()).isEqualTo("0");
    }
    /**
     * An action's command gets the terminal, as in csysdig: it prints on the main screen, Ctrl+C stops the command
     * and not cjdig, Enter brings the UI back; a background action comes back by itself.
     */
    @Test
    void anActionHasTheTerminalAndCtrlCStopsItNotCjdig(@org.junit.jupiter.api.io.TempDir Path views) throws Exception {
        Path launcher = Path.of("cjdig").toAbsolutePath();
        Prerequisites.require(Files.isExecutable(launcher), "the ./cjdig launcher is not in the working directory");
        Path trace = Prerequisites.shared().resolve("traces/falco__cat_write.scap");
        Files.writeString(views.resolve("v_actiontest.lua"), """
                view_info = {
                  id = "actiontest", name = "Action test", description = "files, with two actions",
                  tags = {"Default"}, view_type = "table", filter = "fd.type=file", applies_to = {""},
                  is_root = true, use_defaults = true,
                  columns = {
                    { name = "NA", field = "fd.name", is_key = true },
                    { name = "OPS", field = "evt.count", aggregation = "SUM", colsize = 8, is_sorting = true },
                    { name = "NAME", field = "fd.name", colsize = 0 },
                  },
                  actions = {
                    { hotkey = "s", command = "echo started %fd.name; sleep 60; echo never", description = "slow" },
                    { hotkey = "b", command = "echo quick > '@RAN@'", description = "background",
                      wait_finish = false },
                  },
                }
                """.replace("@RAN@", views.resolve("ran").toString()));
        tmux("new-session", "-d", "-s", "ui", "-x", "120", "-y", "30",
                "'" + launcher + "' --chisel-path '" + views + "' -r '" + trace + "' -v actiontest; echo CJDIG-EXIT=$?;"
                        + " sleep 600");
        started = true;
        await("the view", FIRST_SCREEN_MS, l -> l.get(0).startsWith("Viewing: Action test")
                && l.get(3).endsWith("/dev/null"));
        keys("s");
        List<String> s = await("the command on the terminal", STEP_MS, l -> String.join("\n", l).contains(
                "$ echo started /dev/null; sleep 60; echo never") && l.contains("started /dev/null"));
        assertThat(String.join("\n", s)).contains("started /dev/null");
        assertThat(tmux("display-message", "-p", "-t", "ui", "#{alternate_on}").strip()).isEqualTo("0");
        keys("C-c");
        s = await("(exit status 130) Press Enter to go back to cjdig.");
        assertThat(s).as("the command was stopped before its last echo").doesNotContain("never");
        assertThat(String.join("\n", s)).doesNotContain("CJDIG-EXIT");
        keys("Enter");
        await("the view again", STEP_MS, l -> l.get(0).startsWith("Viewing: Action test")
                && l.get(3).endsWith("/dev/null"));
        // a background action: the UI is back without a key
        keys("b");
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_MS);
        while (!Files.exists(views.resolve("ran")) && System.nanoTime() < until) {
            Thread.sleep(40);
        }
        assertThat(views.resolve("ran")).hasContent("quick");
        await("the UI back on its own screen", STEP_MS, l -> {
            try {
                return tmux("display-message", "-p", "-t", "ui", "#{alternate_on}").strip().equals("1")
                        && l.get(0).startsWith("Viewing: Action test") && l.get(29).startsWith("F1Help");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        keys("q");
        await("CJDIG-EXIT=0");
    }
}
