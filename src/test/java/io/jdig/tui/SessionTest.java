package io.jdig.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.jdig.Prerequisites;
import io.jdig.explore.Exploration;
import io.jdig.explore.ViewQuery;
import io.jdig.explore.ViewResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's screens drawn on Lanterna's virtual terminal, driven by keys and mouse actions, over a real trace. */
class SessionTest {
    private static Exploration cat;
    private DefaultVirtualTerminal vt;
    private TerminalScreen screen;
    private Session s;
    private final List<String> commands = new ArrayList<>();
    private final List<Boolean> waits = new ArrayList<>();

    @BeforeAll
    static void open() {
        Path t = Prerequisites.shared().resolve("traces/falco__cat_write.scap");
        Prerequisites.require(Files.exists(t), "the shared trace falco__cat_write.scap is missing");
        cat = Exploration.open(t, Exploration.Settings.DEFAULT);
    }

    @AfterAll
    static void close() {
        if (cat != null) {
            cat.close();
        }
    }

    @BeforeEach
    void start() throws IOException {
        vt = new DefaultVirtualTerminal(new TerminalSize(140, 30));
        screen = new TerminalScreen(vt);
        screen.startScreen();
        s = new Session(cat, EchoText.Format.DOTTED, Runnable::run, Runnable::run, (c, waitFinish) -> {
            commands.add(c);
            waits.add(waitFinish);
            return List.of("done");
        });
    }

    @AfterEach
    void stop() throws IOException {
        screen.stopScreen();
    }

    /** The screen's lines after drawing the session. */
    private List<String> render() throws IOException {
        screen.doResizeIfNecessary();
        s.draw(screen.newTextGraphics(), screen.getTerminalSize());
        screen.refresh(Screen.RefreshType.COMPLETE);
        List<String> lines = new ArrayList<>();
        TerminalSize size = vt.getTerminalSize();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder sb = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) {
                sb.append(vt.getBufferCharacter(x, y).getCharacterString());
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    private TextCharacter at(int x, int y) {
        return vt.getBufferCharacter(new TerminalPosition(x, y));
    }

    private String screenText() throws IOException {
        return String.join("\n", render());
    }

    private void keys(KeyStroke... ks) {
        for (KeyStroke k : ks) {
            s.handle(k);
        }
    }

    private static KeyStroke key(KeyType t) {
        return new KeyStroke(t);
    }

    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    private void type(String text) {
        for (char c : text.toCharArray()) {
            s.handle(ch(c));
        }
    }

    /** The row (screen line) whose text contains {@code s}. */
    private int lineWith(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line holds '" + text + "' in\n" + String.join("\n", lines));
    }

    /** The line of the views list that names {@code name}. */
    private int entry(List<String> lines, String name) {
        for (int i = 3; i < lines.size(); i++) {
            if (lines.get(i).length() >= 20 && lines.get(i).substring(0, 20).strip().equals(name)
                    || lines.get(i).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no entry " + name + " in\n" + String.join("\n", lines));
    }

    @Test
    void theTableHasTheHeaderTheColumnTitlesTheSelectionAndTheKeyBarInCsysdigsColours() throws IOException {
        s.start(ViewQuery.of("procs"));
        List<String> l = render();
        assertThat(l.get(0)).isEqualTo("Viewing: Processes For: whole machine");
        assertThat(l.get(1)).startsWith("Source: ").contains("falco__cat_write.scap (345 evts, 3.00s)")
                .endsWith("Filter: evt.type!=switch");
        assertThat(l.get(2)).startsWith("   PID   PPID     CPU USER          TH     VIRT      RES");
        assertThat(l.get(3)).contains("emacs -nw");
        assertThat(l.get(29)).startsWith("F1Help  F2Views F4FilterF5Echo  F6Dig").endsWith("1/41(2.4%)");
        // labels bold cyan; titles black on green, the sorted column (CPU) on cyan; the selected row on cyan
        assertThat(at(0, 0).getForegroundColor()).isEqualTo(TextColor.ANSI.CYAN);
        assertThat(at(0, 2).getBackgroundColor()).isEqualTo(TextColor.ANSI.GREEN);
        assertThat(at(16, 2).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
        assertThat(at(0, 3).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
        assertThat(at(0, 4).getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
        assertThat(at(2, 29).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
    }

    @Test
    void arrowsPagesHomeAndEndMoveTheSelectionAndTheTableScrolls() throws IOException {
        s.start(ViewQuery.of("procs"));
        keys(key(KeyType.ArrowDown), key(KeyType.ArrowDown));
        render();
        assertThat(at(0, 5).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
        keys(key(KeyType.End));
        List<String> l = render();
        assertThat(s.selectedRow()).isEqualTo(40);
        assertThat(l.get(29)).endsWith("41/41(100.0%)");
        assertThat(at(0, 28).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
        keys(key(KeyType.PageUp));
        assertThat(s.selectedRow()).isEqualTo(40 - 26);
        keys(key(KeyType.Home));
        assertThat(render().get(3)).contains("emacs -nw");
    }

    @Test
    void enterDrillsDownAndBackspaceReturnsToTheSameRow() throws IOException {
        s.start(ViewQuery.of("files"));
        int libc = lineWith(render(), "libc.so.6");
        for (int i = 3; i < libc; i++) {
            keys(key(KeyType.ArrowDown));
        }
        keys(key(KeyType.Enter));
        List<String> l = render();
        assertThat(l.get(0)).isEqualTo("Viewing: Processes For: fd.name=\"/lib/x86_64-linux-gnu/libc.so.6\"");
        assertThat(l.get(3)).contains("cat /dev/null");
        // csysdig's key bar, entry for entry
        assertThat(l.get(29)).startsWith("F1Help  F2Views F4FilterF5Echo  F6Dig   F7LegendF8ActionsF9Sort  "
                + "F12SpectroCTRL+FSearchp Pause");
        keys(key(KeyType.Backspace));
        l = render();
        assertThat(l.get(0)).isEqualTo("Viewing: Files For: whole machine");
        assertThat(at(0, libc).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
    }

    @Test
    void f2ListsTheViewsWithTheirDescriptionsAndSwitches() throws IOException {
        s.start(ViewQuery.of("procs"));
        keys(key(KeyType.F2));
        List<String> l = render();
        assertThat(l.get(2)).startsWith("Select View").contains("Processes");
        int procs = entry(l, "Processes");
        assertThat(at(0, procs).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
        assertThat(screenText()).contains("Action Hotkeys").contains("kill %proc.pid");
        int files = entry(l, "Files");
        for (int i = files; i < procs; i++) {
            keys(key(KeyType.ArrowUp));
        }
        assertThat(render().get(2)).contains("Files");
        keys(key(KeyType.Enter));
        assertThat(render().get(0)).startsWith("Viewing: Files");
    }

    @Test
    void aBadFilterIsShownWithACaretUnderTheMistakeAndAGoodOneFilters() throws IOException {
        // wide enough for the header whatever the length of the trace's path
        vt.setTerminalSize(new TerminalSize(400, 30));
        s.start(ViewQuery.of("files"));
        keys(key(KeyType.F4));
        type("fd.name=/dev/null and (evt.num>");
        keys(key(KeyType.Enter));
        List<String> l = render();
        assertThat(l.get(28)).isEqualTo("Filter: fd.name=/dev/null and (evt.num>");
        assertThat(l.get(29)).isEqualTo(" ".repeat("Filter: fd.name=/dev/null and (evt.num>".length())
                + "^ invalid filter: expected a value after '>'");
        assertThat(at(0, 29).getBackgroundColor()).isEqualTo(TextColor.ANSI.RED);
        type("0)");
        keys(key(KeyType.Enter));
        l = render();
        assertThat(l.get(1)).contains("Filter: (fd.name=/dev/null and (evt.num>0)) and ");
        assertThat(l.get(3)).contains("/dev/null");
        assertThat(l.get(4)).isEmpty();
        // plain words keep the rows that hold them
        keys(ch('\\'), new KeyStroke('u', true, false));
        type("locale");
        keys(key(KeyType.Enter));
        l = render();
        assertThat(l.get(1)).contains("[rows with:");
        assertThat(l.get(3)).endsWith("/usr/lib/locale/locale-archive");
        assertThat(l.get(4)).isEmpty();
    }

    @Test
    void aViewWithoutDataSaysSo() throws IOException {
        s.start(ViewQuery.of("connections"));
        assertThat(screenText()).contains("No data for this view: no event of the capture passes its filter");
    }

    @Test
    void f9PicksTheSortColumnAndShiftDigitsSort() throws IOException {
        s.start(ViewQuery.of("files"));
        keys(key(KeyType.F9));
        List<String> l = render();
        assertThat(l.get(2)).startsWith("Select sort column");
        assertThat(l.get(5)).startsWith("OPS").contains("(V)");
        keys(key(KeyType.ArrowUp), key(KeyType.ArrowUp), key(KeyType.Enter));
        assertThat(s.result().sortColumn()).isEqualTo(1);
        assertThat(render().get(3)).contains("libc.so.6");
        keys(ch('!'));
        assertThat(s.result().sortColumn()).isEqualTo(1);
        assertThat(s.result().ascending()).isTrue();
        keys(ch('%'));
        assertThat(s.result().sortColumn()).isEqualTo(5);
        assertThat(render().get(2).substring(51)).startsWith("FILENAME");
    }

    @Test
    void echoShowsTheBytesOfTheSelectionAndDigItsEvents() throws IOException {
        s.start(ViewQuery.of("files"));
        int libc = lineWith(render(), "libc.so.6");
        for (int i = 3; i < libc; i++) {
            keys(key(KeyType.ArrowDown));
        }
        keys(key(KeyType.F5));
        List<String> l = render();
        assertThat(l.get(0)).isEqualTo("Viewing: I/O activity For: fd.name=/lib/x86_64-linux-gnu/libc.so.6");
        assertThat(l.get(3)).isEqualTo("------ Read 832B from /lib/x86_64-linux-gnu/libc.so.6 (cat)");
        assertThat(at(0, 3).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
        assertThat(l.get(5)).startsWith(".ELF....");
        keys(key(KeyType.F2), key(KeyType.F2));
        assertThat(render().get(5)).startsWith("0x0000:  7f45 4c46 0201 0103 0000 0000 0000 0000  .ELF............");
        keys(key(KeyType.Backspace), ch('d'));
        l = render();
        assertThat(l.get(0)).startsWith("Viewing: sysdig output");
        assertThat(l.get(3)).contains("cat (20072) < open fd=3(<f>/lib/x86_64-linux-gnu/libc.so.6)");
        assertThat(l.get(4)).contains("> read fd=3");
        vt.setTerminalSize(new TerminalSize(140, 6));
        render();
        keys(key(KeyType.ArrowDown));
        assertThat(render().get(3)).contains("> read fd=3");
        keys(key(KeyType.End));
        assertThat(render().get(4)).contains("< close res=0");
        assertThat(render().get(5)).endsWith("5/7(71.4%)"); // the top line, counted from 0 as csysdig does
        keys(key(KeyType.Backspace));
        assertThat(render().get(0)).startsWith("Viewing: Files");
    }

    @Test
    void anActionRunsOnTheSelectedRowAfterConfirmation() throws IOException {
        s.start(ViewQuery.of("procs"));
        keys(ch('k'));
        assertThat(render().get(29)).startsWith("Run 'kill 1077'? (y/n)");
        keys(ch('n'));
        assertThat(commands).isEmpty();
        keys(key(KeyType.F8));
        assertThat(screenText()).contains("k: kill (kill %proc.pid)");
        keys(ch('k'), ch('y'));
        assertThat(commands).containsExactly("kill 1077");
        assertThat(waits).as("kill is a background action: no key asked after it").containsExactly(false);
        assertThat(render()).contains("$ kill 1077", "done");
    }

    @Test
    void aClickSelectsADoubleClickOpensTheWheelScrollsAndTheBarIsClickable() throws IOException {
        s.start(ViewQuery.of("procs"));
        render();
        s.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(5, 5)));
        assertThat(s.selectedRow()).isEqualTo(2);
        s.handle(new MouseAction(MouseActionType.SCROLL_DOWN, 5, new TerminalPosition(5, 5)));
        assertThat(s.selectedRow()).isEqualTo(5);
        s.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(5, 6)));
        s.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(5, 6)));
        assertThat(render().get(0)).startsWith("Viewing: Threads For: proc.pid=");
        s.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(2, 29)));
        assertThat(render().get(0)).startsWith("Viewing: Help");
    }

    @Test
    void aSmallerTerminalGetsTheSameScreenCut() throws IOException {
        s.start(ViewQuery.of("procs"));
        vt.setTerminalSize(new TerminalSize(60, 12));
        List<String> l = render();
        assertThat(l).hasSize(12);
        assertThat(l.get(3)).hasSizeLessThanOrEqualTo(60).doesNotContain("emacs");
        assertThat(l.get(11)).startsWith("F1Help");
        keys(key(KeyType.PageDown));
        assertThat(s.selectedRow()).isEqualTo(8);
    }

    @Test
    void searchFindsTheNextRowHoldingTheWords() throws IOException {
        s.start(ViewQuery.of("procs"));
        keys(ch('/'));
        type("apache2");
        keys(key(KeyType.Enter));
        int first = s.selectedRow();
        assertThat(render().get(3 + first)).contains("apache2");
        keys(key(KeyType.F3));
        assertThat(s.selectedRow()).isGreaterThan(first);
        keys(new KeyStroke('f', true, false));
        type("-nothing-like-this");
        keys(key(KeyType.Enter));
        assertThat(render().get(28)).startsWith("not found: apache2-nothing-like-this");
    }

    @Test
    void aRefreshKeepsTheSelectedRowAndPauseHoldsTheScreen() throws IOException {
        s.start(ViewQuery.of("procs"));
        keys(key(KeyType.ArrowDown), key(KeyType.ArrowDown));
        String before = screenText();
        s.refresh();
        assertThat(s.selectedRow()).isEqualTo(2);
        assertThat(screenText()).isEqualTo(before);
        keys(ch('p'));
        assertThat(s.paused()).isTrue();
        assertThat(render().get(29)).endsWith("PAUSED 3/41(7.3%)");
        ViewResult shown = s.result();
        s.refresh();
        assertThat(s.result()).isSameAs(shown);
    }

    @Test
    void everyWindowDrawsOnATinyTerminalWithoutFailing() throws IOException {
        s.start(ViewQuery.of("files"));
        KeyStroke[][] windows = {{}, {key(KeyType.F2)}, {key(KeyType.F9)}, {key(KeyType.F8)}, {key(KeyType.F5)},
            {key(KeyType.F6)}, {key(KeyType.F7)}, {key(KeyType.F1)}, {key(KeyType.F4)}, {ch('/')}};
        for (KeyStroke[] open : windows) {
            for (int[] size : new int[][] {{1, 1}, {3, 2}, {10, 4}, {25, 6}}) {
                vt.setTerminalSize(new TerminalSize(size[0], size[1]));
                keys(open);
                render();
                keys(key(KeyType.ArrowDown), key(KeyType.PageDown), key(KeyType.End));
                List<String> l = render();
                assertThat(l).hasSize(size[1]);
                keys(key(KeyType.Escape));
            }
        }
        vt.setTerminalSize(new TerminalSize(140, 30));
        assertThat(render().get(0)).startsWith("Viewing: Files");
    }

    @Test
    void searchInATextWindowScrollsToTheLineAndTheWindowFollowsTheWidth() throws IOException {
        s.start(ViewQuery.of("files"));
        int libc = lineWith(render(), "libc.so.6");
        for (int i = 3; i < libc; i++) {
            keys(key(KeyType.ArrowDown));
        }
        keys(ch('d'));
        vt.setTerminalSize(new TerminalSize(140, 6));
        render();
        keys(ch('/'));
        type("> fstat");
        keys(key(KeyType.Enter));
        assertThat(render().get(3)).as(screenText()).contains("cat (20072) > fstat fd=3");
        keys(key(KeyType.Backspace), key(KeyType.F5));
        vt.setTerminalSize(new TerminalSize(140, 30));
        String wide = render().get(5);
        assertThat(wide).startsWith(".ELF").hasSizeGreaterThan(40);
        vt.setTerminalSize(new TerminalSize(40, 30));
        List<String> l = render();
        assertThat(l.get(5)).isEqualTo(wide.substring(0, 40));
        assertThat(l.get(6)).isEqualTo(wide.substring(40, Math.min(80, wide.length())));
    }

    @Test
    void helpAndLegendOpenAndClose() throws IOException {
        s.start(ViewQuery.of("procs"));
        keys(key(KeyType.F7));
        assertThat(screenText()).contains("Viewing: Legend: Processes").contains("Columns").contains("PID");
        keys(key(KeyType.Escape), ch('?'));
        assertThat(screenText()).contains("Keys").contains("F9, >");
        keys(key(KeyType.Backspace));
        assertThat(render().get(0)).startsWith("Viewing: Processes");
        keys(ch('q'));
        assertThat(s.quit()).isTrue();
    }

    @Test
    void f12DrawsTheSelectionsLatencySpectrogramAndBackspaceReturns() throws IOException {
        s.start(ViewQuery.of("procs"));
        List<String> table = render();
        String title = table.get(0);
        // the first process with system calls that have a latency
        ViewQuery procs = ViewQuery.of("procs");
        int row = -1;
        for (int i = 0; i < cat.view(procs).rows().size() && row < 0; i++) {
            var sp = cat.spectrogram(cat.drillDown(procs, cat.view(procs).rows().get(i).key()), 140);
            if (sp.samples().stream().anyMatch(x -> !x.buckets().isEmpty())) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        for (int i = 0; i < row; i++) {
            s.handle(key(KeyType.ArrowDown));
        }
        render();
        s.handle(key(KeyType.F12));
        List<String> lines = render();
        io.jdig.explore.Spectrogram sp = s.spectrogramShown();
        assertThat(sp).isNotNull();
        assertThat(sp.viewId()).isEqualTo("spectro_all");
        assertThat(sp.width()).isEqualTo(140);
        assertThat(sp.filter()).contains("evt.dir=<").contains("proc.pid=");
        assertThat(lines.get(0)).startsWith("Viewing: Spectrogram-All For: proc.pid=");
        // the axis under the samples, one label per decade from 1 ns, as csysdig writes them
        assertThat(lines.get(28)).startsWith("|1ns").contains("|10ns").contains("|1.00us").contains("|1.00ms")
                .contains("|1.00s").contains("|10.00s");
        assertThat(lines.get(28).indexOf("|10ns")).isEqualTo((int) Math.ceil(140 / 11.0));
        assertThat(lines.get(29)).contains("Back");
        // one line per sample, the newest at the bottom, each column's colour from its count
        List<io.jdig.explore.Spectrogram.Sample> samples = sp.samples();
        assertThat(samples).isNotEmpty();
        long calls = 0;
        for (int i = 0; i < Math.min(samples.size(), 28 - Session.HEADER_ROWS); i++) {
            io.jdig.explore.Spectrogram.Sample sample = samples.get(samples.size() - 1 - i);
            int y = 27 - i;
            for (int col = 0; col < 139; col++) {
                long n = sample.count(col);
                calls += n;
                TextColor bg = at(col, y).getBackgroundColor();
                assertThat(bg).as("sample %d column %d (%d calls)", i, col, n)
                        .isEqualTo(new TextColor.Indexed(SpectroScreen.colour(n)));
            }
        }
        assertThat(calls).isPositive();
        // a narrower terminal: the spectrogram is worked out again, its buckets as wide as the new screen
        vt.setTerminalSize(new TerminalSize(100, 30));
        render();
        lines = render();
        assertThat(s.spectrogramShown().width()).isEqualTo(100);
        assertThat(lines.get(28).indexOf("|10ns")).isEqualTo((int) Math.ceil(100 / 11.0));
        vt.setTerminalSize(new TerminalSize(140, 30));
        render();
        render();
        assertThat(s.spectrogramShown().width()).isEqualTo(140);
        s.handle(key(KeyType.Backspace));
        assertThat(s.spectrogramShown()).isNull();
        assertThat(render().get(0)).isEqualTo(title);
        s.handle(key(KeyType.F12));
        assertThat(s.spectrogramShown()).isNotNull();
        s.handle(ch('q'));
        assertThat(s.spectrogramShown()).isNull();
        assertThat(s.quit()).isFalse();
    }

    @Test
    void spectrogramColoursFollowCsysdigsScale() {
        assertThat(SpectroScreen.colour(0)).isZero();
        assertThat(SpectroScreen.colour(1)).isEqualTo(28);
        assertThat(SpectroScreen.colour(3)).isEqualTo(34);
        assertThat(SpectroScreen.colour(1_000_000)).isEqualTo(9);
        assertThat(SpectroScreen.axis(80)).isEqualTo("|1ns    |10ns  |100ns |1.00us |10us  |100us |1.00ms|10ms   |100ms |1.00s |10.00s");
    }

    @Test
    void aSpectrogramViewOpensAsASpectrogram() throws IOException {
        s.start(ViewQuery.of("spectro_all"));
        render();
        assertThat(s.spectrogramShown()).isNotNull();
        assertThat(s.spectrogramShown().viewId()).isEqualTo("spectro_all");
        assertThat(s.spectrogramShown().filter()).isEqualTo("evt.dir=<");
    }

    private static com.googlecode.lanterna.input.MouseAction mouse(com.googlecode.lanterna.input.MouseActionType t,
                                                                  int x, int y) {
        return new com.googlecode.lanterna.input.MouseAction(t, 1, new TerminalPosition(x, y));
    }

    @Test
    void aRegionDraggedOnTheSpectrogramShowsTheEventsOfItsBucketsAndBackspaceReturnsToIt() throws IOException {
        s.start(ViewQuery.of("spectro_all"));
        render();
        io.jdig.explore.Spectrogram sp = s.spectrogramShown();
        int n = sp.samples().size();
        assertThat(n).isGreaterThanOrEqualTo(2);
        int rows = Math.min(n, 4);
        int topRow = 27 - rows + 1;
        // above the oldest row there is nothing to select
        s.handle(mouse(com.googlecode.lanterna.input.MouseActionType.CLICK_DOWN, 10, topRow - 1));
        assertThat(screenText()).doesNotContain("X");
        s.handle(mouse(com.googlecode.lanterna.input.MouseActionType.CLICK_DOWN, 100, 27));
        s.handle(mouse(com.googlecode.lanterna.input.MouseActionType.DRAG, 60, 26));
        s.handle(mouse(com.googlecode.lanterna.input.MouseActionType.DRAG, 10, topRow - 5)); // held to the rows
        List<String> l = render();
        assertThat(l.get(topRow)).isEqualTo(" ".repeat(10) + "X".repeat(91));
        assertThat(l.get(27)).isEqualTo(" ".repeat(10) + "X".repeat(91));
        s.handle(mouse(com.googlecode.lanterna.input.MouseActionType.CLICK_RELEASE, 10, topRow - 5));
        TextWindow t = s.textShown();
        assertThat(t).isNotNull();
        assertThat(t.title).isEqualTo("sysdig output");
        // the rows from the oldest shown to the newest, the columns 10 to 100
        String region = sp.selectionFilter(n - rows, n - 1, 10, 100);
        assertThat(t.filter).isEqualTo("(evt.dir=<) and (" + region + ")");
        assertThat(region).startsWith("(evt.rawtime>=" + (sp.samples().get(n - rows).endNs() - 500_000_000L)
                + " and evt.rawtime<=" + sp.samples().get(n - 1).endNs() + ") and (evt.latency>=");
        long counted = 0;
        for (int i = n - rows; i < n; i++) {
            for (int c = 10; c <= 100; c++) {
                counted += sp.samples().get(i).count(c);
            }
        }
        assertThat(counted).isPositive();
        assertThat((long) t.lines().size()).isEqualTo(counted);
        assertThat(t.lines()).allSatisfy(x -> assertThat(x.runs().get(0).text()).contains(" < "));

        s.handle(key(KeyType.Backspace));
        assertThat(s.spectrogramShown()).isSameAs(sp);
        assertThat(render().get(28)).startsWith("|1ns");

        // the keys: a cursor, a corner, Escape drops it, Escape again leaves the spectrogram
        s.handle(key(KeyType.ArrowRight));
        render();
        assertThat(at(69, 27).getCharacterString()).isEqualTo("X");
        s.handle(key(KeyType.Enter));
        s.handle(key(KeyType.ArrowLeft));
        assertThat(render().get(27)).isEqualTo(" ".repeat(68) + "XX");
        s.handle(key(KeyType.Escape));
        assertThat(screenText()).doesNotContain("X");
        assertThat(s.spectrogramShown()).isNotNull();
        s.handle(key(KeyType.Escape));
        assertThat(s.spectrogramShown()).isNull();
    }

    @Test
    void onAFileTheSpectrogramShowsAScreenfulAtATimeAndSpaceShowsTheNext() throws IOException {
        vt.setTerminalSize(new TerminalSize(140, 8));
        s.start(ViewQuery.of("spectro_all"));
        render();
        io.jdig.explore.Spectrogram sp = s.spectrogramShown();
        int bottom = 8 - 3;
        int rows = bottom - Session.HEADER_ROWS + 1;
        int n = sp.samples().size();
        assertThat(n).as("samples of the trace").isGreaterThan(rows);
        // the first screenful: samples 0 .. rows-1, the last of them on the bottom row, and "SPACE More"
        int end = rows;
        while (true) {
            List<String> l = render();
            for (int i = 0; i < Math.min(rows, end); i++) {
                io.jdig.explore.Spectrogram.Sample sample = sp.samples().get(end - 1 - i);
                for (int col = 0; col < 139; col++) {
                    assertThat(at(col, bottom - i).getBackgroundColor()).as("sample %d column %d", end - 1 - i, col)
                            .isEqualTo(new TextColor.Indexed(SpectroScreen.colour(sample.count(col))));
                }
            }
            if (end == n) {
                assertThat(l.get(7)).doesNotContain("More");
                break;
            }
            assertThat(l.get(7)).contains("SPACEMore");
            s.handle(ch(' '));
            end = Math.min(n, end + rows);
        }
        // no more pages: Space changes nothing
        s.handle(ch(' '));
        assertThat(render().get(7)).doesNotContain("More");
    }

    /**
     * A trace cut short is shown up to the cut, its header as csysdig's: the events read, "truncated", and the span
     * in csysdig's short form (what csysdig 0.29.3 showed for this cut of libs__sample: 74 events, 161ms).
     */
    @Test
    void aTraceCutShortIsShownUpToTheCutAndSaysTruncated(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        byte[] whole = Files.readAllBytes(Prerequisites.shared().resolve("traces/libs__sample.scap"));
        Path cut = tmp.resolve("cut.scap");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 8 / 10));
        try (Exploration x = Exploration.open(cut, Exploration.Settings.DEFAULT)) {
            assertThat(x.cutShort()).startsWith(cut + ": truncated file");
            s = new Session(x, EchoText.Format.DOTTED, Runnable::run, Runnable::run, (c, w) -> List.of());
            s.start(ViewQuery.of("procs"));
            List<String> l = render();
            assertThat(l.get(1)).isEqualTo("Source: " + cut + " (74 evts,  truncated, 161ms) Filter: evt.type!=switch");
            assertThat(l.get(3)).startsWith("  1619   1557    0.00 vagrant");
        }
        // a whole trace shorter than a second: the span in milliseconds, as csysdig writes it
        try (Exploration x = Exploration.open(Prerequisites.shared().resolve("traces/libs__sample.scap"),
                Exploration.Settings.DEFAULT)) {
            assertThat(x.cutShort()).isNull();
            s = new Session(x, EchoText.Format.DOTTED, Runnable::run, Runnable::run, (c, w) -> List.of());
            s.start(ViewQuery.of("procs"));
            assertThat(render().get(1)).endsWith("libs__sample.scap (477 evts, 959ms) Filter: evt.type!=switch");
        }
    }

    /** A list view offers csysdig's "c Clear": its rows so far go; a table view has no such entry. */
    @Test
    void cClearsAListViewsRows() throws IOException {
        s.start(ViewQuery.of("file_opens"));
        List<String> l = render();
        assertThat(l.get(0)).startsWith("Viewing: File Opens List");
        assertThat(l.get(3)).isNotBlank();
        assertThat(l.get(29)).contains("p Pause c Clear").endsWith("(25.0%)");
        keys(ch('c'));
        l = render();
        assertThat(l.subList(3, 28)).allMatch(x -> x.isBlank() || x.strip().equals("No Data For This View"));
        assertThat(l.get(17).strip()).isEqualTo("No Data For This View"); // where csysdig writes it
        assertThat(l.get(29)).doesNotContain("%)"); // no position on an empty table
        s.start(ViewQuery.of("files"));
        assertThat(render().get(29)).doesNotContain("Clear");
    }
}
