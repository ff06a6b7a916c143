package io.jdig.tui;

import io.jdig.Prerequisites;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A tmux server of a test's own (one being killed may still answer on its socket as the next test starts) with one
 * window, {@code ui}, that the test types into and reads back as a user would see it. Each wait is for what is
 * expected on the screen, with a time limit, rather than for a fixed time.
 */
final class TmuxWindow implements AutoCloseable {
    private final String socket;
    private boolean started;

    TmuxWindow(String name) {
        Prerequisites.require(Prerequisites.onPath("tmux"), "tmux is not installed");
        this.socket = name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    /** Opens the window, {@code width} by {@code height}, running {@code command} in a shell. */
    void start(int width, int height, String command) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-s", "ui", "-x", String.valueOf(width), "-y", String.valueOf(height), command);
        started = true;
    }

    /** Runs a tmux command on this server; its output. */
    String tmux(String... args) throws IOException, InterruptedException {
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

    /** The window's lines as they are now. */
    List<String> screen() throws IOException, InterruptedException {
        return List.of(tmux("capture-pane", "-p", "-t", "ui").split("\n", -1));
    }

    /** Keys by tmux's names (F2, Enter, BSpace, Down...). */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("send-keys", "-t", "ui"));
        a.addAll(Arrays.asList(keys));
        tmux(a.toArray(String[]::new));
    }

    /** Text typed as it is. */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "ui", "-l", text);
    }

    /** Waits until the screen satisfies {@code ok}; fails with the last screen after {@code ms}. */
    List<String> await(String what, long ms, Predicate<List<String>> ok) throws Exception {
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

    /** Waits until {@code text} shows somewhere on the screen. */
    List<String> await(String text, long ms) throws Exception {
        return await("'" + text + "'", ms, s -> String.join("\n", s).contains(text));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (started) {
            tmux("kill-server");
        }
    }
}
