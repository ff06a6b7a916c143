package io.jdig.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import io.jdig.explore.Exploration;
import io.jdig.explore.ExploreException;
import io.jdig.explore.ViewQuery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The full-screen UI of {@code cjdig}: it opens a trace (showing how far the first read has got), then shows the
 * session's screens and feeds it keys, mouse actions and terminal resizes until the user quits. The terminal is
 * given back as it was found, also after an error.
 */
public final class Tui {
    /**
     * How the UI starts: the view, the user's filter (checked by the caller), the echo window's data format, and
     * live, the least time between two refreshes of the table ({@code -d}; the session samples every 2 seconds).
     */
    public record Options(String view, String filter, boolean ascii, boolean hexAscii, long delayMs) {
    }

    private static final Object WAKE = new Object();

    /** Whether the screen shown follows the mouse's moves (the spectrogram, selecting a region). */
    private volatile boolean motion;

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    /** The terminal's streams, which an action's command shares while it has the terminal. */
    private InputStream in;
    private PrintStream out;

    private Tui() {
    }

    /**
     * Runs the UI on the process's terminal over a trace file; returns the exit code.
     *
     * @param err where a problem that ends the UI is written once the terminal is restored
     */
    public static int run(Path trace, Exploration.Settings settings, Options options, InputStream in,
                          OutputStream out, PrintStream err) {
        return new Tui().go(trace, settings, options, in, out, err);
    }

    /**
     * Runs the UI over a live session (already started by the caller, closed here): the table is asked again at
     * each of the session's samples, unless paused.
     */
    public static int runLive(Exploration live, Options options, InputStream in, OutputStream out, PrintStream err) {
        return new Tui().go(null, live, null, options, in, out, err);
    }

    private int go(Path trace, Exploration.Settings settings, Options o, InputStream in, OutputStream out,
                   PrintStream err) {
        return go(trace, null, settings, o, in, out, err);
    }

    private int go(Path trace, Exploration live, Exploration.Settings settings, Options o, InputStream in,
                   OutputStream out, PrintStream err) {
        this.in = in;
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        Terminal terminal;
        try {
            DefaultTerminalFactory f = new DefaultTerminalFactory(out, in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true)
                    .setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE_DRAG_MOVE)
                    .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP);
            terminal = f.createTerminal();
        } catch (IOException | RuntimeException e) {
            err.println("cjdig: cannot use the terminal: " + e.getMessage());
            return 1;
        }
        String problem = null;
        ExecutorService work = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cjdig-query");
            t.setDaemon(true);
            return t;
        });
        TerminalScreen screen = null;
        try {
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            screen.setCursorPosition(null);
            terminal.addResizeListener((t, size) -> events.add(WAKE));
            startInput(screen);
            problem = live != null ? session(screen, live, o, work) : loop(screen, trace, settings, o, work);
        } catch (IOException | RuntimeException e) {
            problem = "cjdig: " + e;
        } finally {
            work.shutdownNow();
            if (live != null) {
                live.close();
            }
            try {
                if (screen != null) {
                    screen.stopScreen();
                } else {
                    terminal.close();
                }
            } catch (IOException | RuntimeException e) {
                // the terminal is gone: nothing left to restore
            }
        }
        if (problem != null) {
            err.println(problem);
            return 1;
        }
        return 0;
    }

    /** Set while an action's command has the terminal: the UI reads no keys then. */
    private volatile boolean handedOver;

    private void startInput(Screen screen) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    KeyStroke k = handedOver ? null : screen.pollInput();
                    if (k == null) {
                        Thread.sleep(15);
                        continue;
                    }
                    if (!motion && k instanceof com.googlecode.lanterna.input.MouseAction m
                            && m.getActionType() == com.googlecode.lanterna.input.MouseActionType.MOVE) {
                        continue; // the terminal reports every move; only the spectrogram follows them
                    }
                    events.add(k);
                    if (k.getKeyType() == KeyType.EOF) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                events.add(new KeyStroke(KeyType.EOF));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cjdig-input");
        t.setDaemon(true);
        t.start();
    }

    /** The UI's life: the first read with its progress, then the session. Returns a problem to report, or null. */
    private String loop(TerminalScreen screen, Path trace, Exploration.Settings settings, Options o,
                        ExecutorService work) throws IOException {
        double[] progress = {0};
        Exploration[] opened = new Exploration[1];
        String[] failure = new String[1];
        work.execute(() -> {
            try {
                opened[0] = Exploration.open(trace, settings, fraction -> {
                    progress[0] = 100 * fraction;
                    events.add(WAKE);
                });
            } catch (ExploreException e) {
                failure[0] = e.getMessage();
            } catch (RuntimeException e) {
                failure[0] = String.valueOf(e);
            }
            events.add(WAKE);
        });
        long started = System.nanoTime();
        while (opened[0] == null && failure[0] == null) {
            drawProgress(screen, trace, progress[0], (System.nanoTime() - started) / 1e9);
            Object ev = poll(250);
            if (ev instanceof KeyStroke k && (k.getKeyType() == KeyType.EOF || k.getKeyType() == KeyType.F10
                    || k.getKeyType() == KeyType.Character && (k.getCharacter() == 'q'
                    || k.isCtrlDown() && k.getCharacter() == 'c'))) {
                return null;
            }
        }
        if (failure[0] != null) {
            return "cjdig: " + failure[0];
        }
        try (Exploration x = opened[0]) {
            return session(screen, x, o, work);
        }
    }

    /** The session's screens until the user quits. */
    private String session(TerminalScreen screen, Exploration x, Options o, ExecutorService work)
            throws IOException {
        EchoText.Format format = o.hexAscii() ? EchoText.Format.HEX
                : o.ascii() ? EchoText.Format.ASCII : EchoText.Format.DOTTED;
        Session s = new Session(x, format, work, events::add, (cmd, waitFinish) -> {
            onTerminal(screen, cmd, waitFinish);
            return null;
        });
        long[] last = {0};
        x.addRefreshListener(() -> {
            if (s.followsLive()) {
                events.add((Runnable) s::liveTick); // a spectrogram's rows come every half second
            }
            long now = System.nanoTime();
            if ((now - last[0]) / 1_000_000 >= o.delayMs() - 100) {
                last[0] = now;
                events.add((Runnable) s::refresh);
            }
        });
        s.start(ViewQuery.of(o.view()).withFilter(o.filter()));
        while (!s.quit()) {
            TerminalSize size = screen.doResizeIfNecessary();
            draw(screen, s, size != null);
            Object ev = poll(s.busy() ? 250 : 1000);
            while (ev != null) {
                if (ev instanceof KeyStroke k) {
                    s.handle(k);
                } else if (ev instanceof Runnable r) {
                    r.run();
                }
                if (s.quit()) {
                    break;
                }
                ev = events.poll();
            }
            motion = s.followsMouse();
        }
        return null;
    }

    private Object poll(long ms) {
        try {
            return events.poll(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KeyStroke(KeyType.EOF);
        }
    }

    /** Draws the session; after a resize the whole screen is sent again (the terminal may have moved its text). */
    private static void draw(TerminalScreen screen, Session s, boolean resized) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        s.draw(screen.newTextGraphics(), size);
        int[] c = s.cursor();
        screen.setCursorPosition(c == null ? null : new TerminalPosition(c[0], c[1]));
        screen.refresh(resized ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    private static void drawProgress(TerminalScreen screen, Path trace, double pct, double secs) throws IOException {
        boolean resized = screen.doResizeIfNecessary() != null;
        TerminalSize size = screen.getTerminalSize();
        var g = screen.newTextGraphics();
        Palette.PLAIN.on(g).fill(' ');
        String line = String.format("Reading %s: %.0f%% (%.0fs)", trace, pct, secs);
        int y = size.getRows() / 2;
        Palette.LABEL.on(g).putString(Math.max(0, (size.getColumns() - line.length()) / 2), y, line);
        int w = Math.max(10, Math.min(60, size.getColumns() - 4));
        int done = (int) Math.round(w * Math.min(100, pct) / 100);
        int x0 = Math.max(0, (size.getColumns() - w) / 2);
        Palette.SELECTED.on(g).putString(x0, y + 2, " ".repeat(done));
        Palette.TITLES.on(g).putString(x0 + done, y + 2, " ".repeat(w - done));
        screen.refresh(resized ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    /**
     * Runs an action's command on the terminal, as csysdig does: the UI steps aside (the terminal back in its usual
     * mode, so that an interactive command such as less or gdb works and Ctrl+C stops the command, not cjdig), the
     * command runs, then, unless it is a background action, the user presses Enter to come back to the UI.
     */
    private void onTerminal(TerminalScreen screen, String command, boolean waitFinish) {
        handedOver = true;
        String uiMode = stty("-g");
        sun.misc.Signal interrupt = new sun.misc.Signal("INT");
        sun.misc.SignalHandler before = sun.misc.Signal.handle(interrupt, s -> { });
        try {
            screen.stopScreen();
            stty("sane");
            PrintStream tty = out;
            tty.println("$ " + command);
            int rc = -1;
            try {
                rc = new ProcessBuilder("/bin/sh", "-c", command).inheritIO().start().waitFor();
            } catch (IOException e) {
                tty.println("cannot run the command: " + e.getMessage());
            }
            if (waitFinish) {
                tty.print("\n(exit status " + rc + ") Press Enter to go back to cjdig. ");
                tty.flush();
                waitForEnter();
            }
        } catch (IOException e) {
            // the terminal is gone: the UI ends at its next read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sun.misc.Signal.handle(interrupt, before);
            if (uiMode != null) {
                stty(uiMode);
            }
            try {
                screen.startScreen();
                screen.setCursorPosition(null);
                screen.refresh(Screen.RefreshType.COMPLETE);
            } catch (IOException e) {
                // as above
            }
            handedOver = false;
        }
    }

    /** Runs stty on the terminal (standard input); its output, or null when it failed. */
    private static String stty(String arg) {
        try {
            Process p = new ProcessBuilder("stty", arg).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void waitForEnter() throws IOException {
        int b;
        do {
            b = in.read();
        } while (b != -1 && b != '\n' && b != '\r');
    }

}
