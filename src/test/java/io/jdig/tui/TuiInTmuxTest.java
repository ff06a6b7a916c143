package io.jdig.tui;

import io.jdig.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final TmuxWindow ui = new TmuxWindow("jdig-tui-test");

    @AfterEach
    void end() throws Exception {
        ui.close();
    }

    private List<String> await(String text) throws Exception {
        return ui.await(text, STEP_MS);
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
        ui.start(200, 50, "'" + launcher + "' -r '" + trace + "'; echo CJDIG-EXIT=$?; sleep 600");
        List<String> s = ui.await("the processes view", FIRST_SCREEN_MS,
                l -> l.get(0).startsWith("Viewing: Processes For: whole machine") && l.get(49).startsWith("F1Help")
                        && l.get(2).contains("PID") && l.get(2).contains("Command") && !l.get(3).isBlank()
                        && l.get(1).contains("falco__cat_write.scap (345 evts, 3.00s)"));
        assertThat(s.get(1)).contains("falco__cat_write.scap (345 evts, 3.00s)");
        assertThat(s.get(2)).contains("PID").contains("Command");

        // F2: the views with their descriptions; down to Files, Enter
        ui.keys("F2");
        await("Select View");
        ui.keys("Home");
        s = ui.await("the list's top", STEP_MS,
                l -> l.get(2).startsWith("Select View") && !l.get(2).contains("Processes"));
        int files = lineOf(s, l -> l.length() >= 20 && l.substring(0, 20).strip().equals("Files"));
        for (int i = 3; i < files; i++) {
            ui.keys("Down");
        }
        ui.await("the Files entry", STEP_MS, l -> l.get(2).startsWith("Select View") && l.get(2).contains("Files"));
        ui.keys("Enter");
        s = ui.await("the Files view", STEP_MS, l -> l.get(0).startsWith("Viewing: Files For: whole machine")
                && l.stream().anyMatch(x -> x.endsWith("/lib/x86_64-linux-gnu/libc.so.6")));

        // Enter on a row: the processes that used the file; F5: the bytes it got
        int libc = lineOf(s, l -> l.endsWith("/lib/x86_64-linux-gnu/libc.so.6"));
        for (int i = 3; i < libc; i++) {
            ui.keys("Down");
        }
        ui.await("the libc row", STEP_MS, l -> l.get(49).contains((libc - 2) + "/4"));
        ui.keys("Enter");
        // (each wait covers the lines asserted after it: a copy of the pane may catch a redraw half done)
        s = ui.await("the processes of libc", STEP_MS, l -> l.get(0).startsWith(
                "Viewing: Processes For: fd.name=\"/lib/x86_64-linux-gnu/libc.so.6\"") && l.get(3).contains("cat /dev/null"));
        assertThat(s.get(3)).contains("cat /dev/null");
        ui.keys("F5");
        s = ui.await("the bytes libc gave cat", STEP_MS, l -> String.join("\n", l).contains(
                "------ Read 832B from /lib/x86_64-linux-gnu/libc.so.6 (cat)") && String.join("\n", l).contains(".ELF...."));
        assertThat(String.join("\n", s)).contains(".ELF....");

        // Backspace twice: back to the files
        ui.keys("BSpace");
        await("Viewing: Processes For: fd.name=");
        ui.keys("BSpace");
        await("Viewing: Files For: whole machine");

        // F4: a filter; then a bad one, pointed at
        ui.keys("F4");
        await("Filter: ");
        ui.type("fd.name contains locale");
        ui.keys("Enter");
        s = ui.await("the filtered table", STEP_MS, l -> l.get(1).contains("Filter: (fd.name contains locale)")
                && l.get(3).endsWith("/usr/lib/locale/locale-archive") && l.get(4).isBlank());
        assertThat(s.get(4)).isBlank();
        ui.keys("F4");
        ui.keys("C-u");
        ui.type("fd.name=/dev/null and (");
        ui.keys("Enter");
        s = ui.await("the filter's error", STEP_MS, l -> l.get(49).contains("^ invalid filter")
                && l.get(48).equals("Filter: fd.name=/dev/null and ("));
        assertThat(s.get(48)).isEqualTo("Filter: fd.name=/dev/null and (");
        assertThat(s.get(49)).startsWith(" ".repeat("Filter: fd.name=/dev/null and (".length()) + "^ invalid filter: ");
        ui.keys("C-u");
        ui.keys("Enter");
        ui.await("the filter removed", STEP_MS, l -> !l.get(1).contains("locale") && l.get(49).startsWith("F1Help")
                && l.get(49).matches(".*[1-4]/4\\([0-9.]+%\\)$"));

        // F9: sort by the first column (bytes in): libc's 832 bytes come first
        ui.keys("F9");
        await("Select sort column");
        ui.keys("Home");
        ui.keys("Enter");
        ui.await("the table sorted by bytes in", STEP_MS, l -> l.get(3).endsWith("/lib/x86_64-linux-gnu/libc.so.6")
                && !l.get(2).startsWith("Select"));

        // a smaller window: the same screen, cut
        ui.tmux("resize-window", "-t", "ui", "-x", "100", "-y", "20");
        s = ui.await("the screen redrawn at 100x20", STEP_MS, l -> l.size() >= 20 && l.get(19).startsWith("F1Help")
                && l.get(0).startsWith("Viewing: Files"));
        for (String line : s) {
            assertThat(line.length()).isLessThanOrEqualTo(100);
        }

        // q: the process ends, the terminal is given back (the main screen, the shell's line after it)
        ui.keys("q");
        s = await("CJDIG-EXIT=0");
        assertThat(ui.tmux("display-message", "-p", "-t", "ui", "#{alternate_on}").strip()).isEqualTo("0");
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
        ui.start(200, 50, "'" + launcher + "' -d 1000; echo CJDIG-EXIT=$?; sleep 600");
        ui.await("the live processes view", FIRST_SCREEN_MS, l -> l.get(1).startsWith("Source: Live System")
                && l.get(49).startsWith("F1Help") && !l.get(3).isBlank());
        // filter on the two sleepers' names so that both would be on the first screen
        ui.keys("F4");
        await("Filter: ");
        ui.type("proc.name startswith jdigtuisleep");
        ui.keys("Enter");
        ui.await("the filter", STEP_MS, l -> l.get(1).contains("proc.name startswith jdigtuisleep"));
        Process a = new ProcessBuilder(sleeper.toString(), "60").start();
        Process b = null;
        try {
            ui.await("the process started after the screen came up", STEP_MS,
                    l -> String.join("\n", l).contains(sleeper + " 60"));
            ui.keys("p");
            await("PAUSED");
            b = new ProcessBuilder(paused.toString(), "60").start();
            Thread.sleep(5000);
            assertThat(String.join("\n", ui.screen())).doesNotContain(paused + " 60");
            ui.keys("p");
            ui.await("the process started while paused", STEP_MS, l -> String.join("\n", l).contains(paused + " 60"));
        } finally {
            a.destroy();
            if (b != null) {
                b.destroy();
            }
        }
        ui.keys("q");
        await("CJDIG-EXIT=0");
        assertThat(ui.tmux("display-message", "-p", "-t", "ui", "#{alternate_on}").strip()).isEqualTo("0");
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
        ui.start(120, 30, "'" + launcher + "' --chisel-path '" + views + "' -r '" + trace + "' -v actiontest; echo CJDIG-EXIT=$?;"
                        + " sleep 600");
        ui.await("the view", FIRST_SCREEN_MS, l -> l.get(0).startsWith("Viewing: Action test")
                && l.get(3).endsWith("/dev/null"));
        ui.keys("s");
        List<String> s = ui.await("the command on the terminal", STEP_MS, l -> String.join("\n", l).contains(
                "$ echo started /dev/null; sleep 60; echo never") && l.contains("started /dev/null"));
        assertThat(String.join("\n", s)).contains("started /dev/null");
        assertThat(ui.tmux("display-message", "-p", "-t", "ui", "#{alternate_on}").strip()).isEqualTo("0");
        ui.keys("C-c");
        s = await("(exit status 130) Press Enter to go back to cjdig.");
        assertThat(s).as("the command was stopped before its last echo").doesNotContain("never");
        assertThat(String.join("\n", s)).doesNotContain("CJDIG-EXIT");
        ui.keys("Enter");
        ui.await("the view again", STEP_MS, l -> l.get(0).startsWith("Viewing: Action test")
                && l.get(3).endsWith("/dev/null"));
        // a background action: the UI is back without a key
        ui.keys("b");
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_MS);
        while (!Files.exists(views.resolve("ran")) && System.nanoTime() < until) {
            Thread.sleep(40);
        }
        assertThat(views.resolve("ran")).hasContent("quick");
        ui.await("the UI back on its own screen", STEP_MS, l -> {
            try {
                return ui.tmux("display-message", "-p", "-t", "ui", "#{alternate_on}").strip().equals("1")
                        && l.get(0).startsWith("Viewing: Action test") && l.get(29).startsWith("F1Help");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        ui.keys("q");
        await("CJDIG-EXIT=0");
    }
}
