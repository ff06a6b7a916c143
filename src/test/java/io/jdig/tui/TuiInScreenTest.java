package io.jdig.tui;

import io.jdig.Prerequisites;
import org.junit.jupiter.api.AfterEach;
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
 * The real {@code ./cjdig} inside GNU screen (TERM=screen, 80x24), driven by the bytes screen's terminal sends for
 * each key: the views, F2 to Files, Enter on a row and Backspace, F5's echo, F9's sort menu, q. Each step waits for
 * what it expects on the screen (with a time limit).
 */
class TuiInScreenTest {
    private static final long STEP_MS = 20_000;
    /** The first screen may wait for the launcher to build the jar. */
    private static final long FIRST_SCREEN_MS = 600_000;
    // what screen's terminal (terminfo "screen") sends for the keys
    private static final String F2 = "\033OQ";
    private static final String F5 = "\033[15~";
    private static final String F9 = "\033[20~";
    private static final String HOME = "\033[1~";
    private static final String DOWN = "\033OB";
    private static final String UP = "\033OA";
    private static final String ENTER = "\r";
    private static final String BACKSPACE = "\177";

    private final String session = "jdig-screen-test-" + ProcessHandle.current().pid();
    private Path hardcopy;
    private boolean started;

    @AfterEach
    void end() throws Exception {
        if (started) {
            screen("-X", "quit");
        }
        if (hardcopy != null) {
            Files.deleteIfExists(hardcopy);
        }
    }

    private void screen(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("screen", "-S", session));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("screen " + String.join(" ", args) + " did not answer");
        }
    }

    private List<String> lines() throws IOException, InterruptedException {
        Files.deleteIfExists(hardcopy);
        screen("-p", "0", "-X", "hardcopy", hardcopy.toString());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(hardcopy) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return Files.exists(hardcopy) ? Files.readAllLines(hardcopy, StandardCharsets.ISO_8859_1) : List.of();
    }

    private void send(String bytes) throws IOException, InterruptedException {
        screen("-p", "0", "-X", "stuff", bytes);
    }

    private List<String> await(String what, long ms, Predicate<List<String>> ok) throws Exception {
        long end = System.nanoTime() + ms * 1_000_000;
        List<String> s = lines();
        while (!ok.test(s)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited for " + what + "; the screen is:\n" + String.join("\n", s));
            }
            Thread.sleep(50);
            s = lines();
        }
        return s;
    }

    private List<String> await(String text) throws Exception {
        return await("'" + text + "'", STEP_MS, s -> String.join("\n", s).contains(text));
    }

    @Test
    void aUserExploresATraceInsideGnuScreen() throws Exception {
        Prerequisites.require(Prerequisites.onPath("screen"), "GNU screen is not installed");
        Path launcher = Path.of("cjdig").toAbsolutePath();
        Prerequisites.require(Files.isExecutable(launcher), "the ./cjdig launcher is not in the working directory");
        Path trace = Prerequisites.shared().resolve("traces/falco__cat_write.scap");
        hardcopy = Files.createTempFile("jdig-screen", ".txt");
        screen("-d", "-m", "sh", "-c", "'" + launcher + "' -r '" + trace + "'; echo CJDIG-EXIT=$?; sleep 600");
        started = true;
        List<String> s = await("the processes view", FIRST_SCREEN_MS,
                l -> l.size() >= 24 && l.get(0).startsWith("Viewing: Processes For: whole machine")
                        && l.get(23).startsWith("F1Help") && !l.get(3).isBlank());
        assertThat(s.get(2)).contains("PID").contains("Command");
        for (String line : s) {
            assertThat(line.length()).isLessThanOrEqualTo(80);
        }

        // F2, Home, down to Files, Enter
        send(F2);
        await("Select View");
        send(HOME);
        s = await("the list's top", STEP_MS, l -> l.get(2).startsWith("Select View") && !l.get(2).contains("Processes"));
        // down to Files, one key at a time: each move shows in the menu's title line before the next key. A key
        // screen lost is sent again; if the first one then arrives late and passes Files, Up comes back. Files must
        // stay selected for a while before Enter, so no key is still on its way.
        String files = "Select View +Files( .*)?";
        boolean passedFiles = false;
        for (int i = 0; i < 80; i++) {
            if (s.get(2).matches(files)) {
                Thread.sleep(1_500);
                s = lines();
                if (s.get(2).matches(files)) {
                    break;
                }
                passedFiles = !passedFiles; // a late key moved past it: the other way now
                continue;
            }
            String before = s.get(2);
            send(passedFiles ? UP : DOWN);
            try {
                s = await("the selection to move", 3_000, l -> !l.get(2).equals(before));
            } catch (AssertionError e) {
                s = lines(); // the key went astray: the loop sends it again
            }
        }
        assertThat(s.get(2)).as("Files selected in the list of views").matches(files);
        send(ENTER);
        // the whole screen redrawn (a copy of the screen may catch a redraw half done)
        s = await("the Files view", STEP_MS, l -> l.get(0).startsWith("Viewing: Files For: whole machine")
                && l.get(2).contains("FILENAME"));
        assertThat(s.get(2)).contains("BYTES IN").contains("FILENAME");

        // Enter on the first row: the processes that used it; Backspace: back
        send(ENTER);
        await("Viewing: Processes For: fd.name=");
        send(BACKSPACE);
        await("Viewing: Files For: whole machine");

        // F5 on the first row: its bytes; Backspace closes the window
        send(F5);
        s = await("the echo window", STEP_MS, l -> String.join("\n", l).contains("------ "));
        send(BACKSPACE);
        await("Viewing: Files For: whole machine");

        // F9: the sort menu
        send(F9);
        await("Select sort column");
        send("\033");
        await("the table again", STEP_MS, l -> l.get(0).startsWith("Viewing: Files") && !l.get(2).startsWith("Select"));

        // q: the program ends with status 0
        send("q");
        await("CJDIG-EXIT=0");
    }
}
