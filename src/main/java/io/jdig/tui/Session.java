package io.jdig.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import io.jdig.explore.Exploration;
import io.jdig.explore.ExploreException;
import io.jdig.explore.Selection;
import io.jdig.explore.ViewQuery;
import io.jdig.explore.ViewResult;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;
import io.jdig.view.ViewAction;
import io.jdig.view.ViewInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the full-screen UI shows and how it answers keys: a view's table through a drill-down path, and the windows
 * opened over it (views, sort, actions, echo, dig, legend, help). Questions go to the exploration on {@code work};
 * their answers come back through {@code post} to the thread that handles keys and draws.
 */
final class Session {
    /** Runs a view action's command and gives its output. */
    interface Shell {
        /**
         * Runs an action's command; what it printed, to show in a window, or null when it ran on the terminal
         * itself (the user saw it there).
         *
         * @param waitFinish whether the user is asked for a key before the UI comes back (not for background
         *                   actions)
         */
        List<String> run(String command, boolean waitFinish);
    }

    private enum Mode { TABLE, TEXT, VIEWS, SORT, ACTIONS, SPECTRO }

    static final int HEADER_ROWS = 3;
    static final long DOUBLE_CLICK_NS = 400_000_000L;
    static final int DIG_MAX = 100_000;
    static final int ECHO_MAX = 20_000;
    private static final String SHIFT_DIGITS = "!@#$%^&*(";

    private final Exploration x;
    private final Executor work;
    private final Consumer<Runnable> post;
    private final Shell shell;
    private EchoText.Format echoFormat;

    private ViewQuery query;
    private ViewResult result;
    private TableLayout layout;
    private List<ViewResult.Row> rows = List.of();
    /** A list view's rows cleared by 'c' (csysdig's Clear): how many of its first rows are not shown. */
    private int clearedRows;
    private final Scroller table = new Scroller();
    private final List<String> forLabels = new ArrayList<>();
    private String freeText = "";
    private String selectKey;
    private int generation;
    private String loading;
    private String message;
    private boolean paused;
    private String lastSearch = "";

    private Mode mode = Mode.TABLE;
    private Prompt prompt;
    private String confirm;

    // the window over the table (echo, dig, legend, help, an action's output)
    private TextWindow text;
    /** The spectrogram shown (F12, or a spectrogram view), null when none. */
    private SpectroScreen spectro;
    /** Whether the spectrogram shown is the current view's own (Backspace then goes up the drill-down path). */
    private boolean spectroIsView;
    /** Set while a live spectrogram is shown: the capture's samples are then worth a redraw ({@link #liveTick}). */
    private volatile boolean followsLive;
    /** Where Backspace in a text window goes back to (the table, or the spectrogram a region of which was dug). */
    private Mode textBack = Mode.TABLE;

    // the pickers
    private final Scroller picker = new Scroller();
    private List<ViewInfo> views = List.of();

    private final KeyBar bar = new KeyBar();
    private int width = 80;
    private int height = 24;
    private long lastClickNs;
    private int lastClickRow = -1;
    private boolean quit;

    Session(Exploration x, EchoText.Format echoFormat, Executor work, Consumer<Runnable> post, Shell shell) {
        this.x = x;
        this.echoFormat = echoFormat;
        this.work = work;
        this.post = post;
        this.shell = shell;
    }

    /** Shows the first view (with a filter given on the command line). */
    void start(ViewQuery q) {
        query = q;
        load(q, null, null);
    }

    /**
     * Asks the current view again (a live capture's new sample): the table is replaced in place (also behind an
     * open window), the selected row kept while it is still in the table; nothing happens while paused or while
     * another answer is awaited.
     */
    void refresh() {
        if (paused || loading != null || query == null || result == null) {
            return;
        }
        ask("Loading", () -> x.view(query), r -> shown(r, null, null, true));
    }

    boolean paused() {
        return paused;
    }

    boolean quit() {
        return quit;
    }

    boolean busy() {
        return loading != null;
    }

    ViewResult result() {
        return result;
    }

    ViewQuery query() {
        return query;
    }

    int selectedRow() {
        return table.selected();
    }

    // ---- questions --------------------------------------------------------------------------------------

    /**
     * Asks for a view; the answer replaces the table when it comes (unless another question was asked since).
     *
     * @param keyToSelect the row to select in the answer, or null to keep the selected one
     * @param labels      the "For:" labels of the answer's drill-down path, or null for the current ones
     */
    private void load(ViewQuery q, String keyToSelect, List<String> labels) {
        ask("Loading", () -> x.view(q), r -> shown(r, keyToSelect, labels, false));
    }

    /**
     * Asks a question on {@code work}, saying {@code doing} meanwhile; the answer is shown through {@code show} on the
     * thread that draws, unless another question was asked since; a failure becomes the message.
     */
    private <T> void ask(String doing, Supplier<T> question, Consumer<T> show) {
        int gen = ++generation;
        loading = doing;
        work.execute(() -> {
            try {
                T answer = question.get();
                post.accept(() -> {
                    if (gen == generation) {
                        loading = null;
                        show.accept(answer);
                    }
                });
            } catch (ExploreException e) {
                post.accept(() -> failed(gen, e));
            } catch (RuntimeException e) {
                post.accept(() -> failed(gen, new ExploreException(String.valueOf(e.getMessage()), e)));
            }
        });
    }

    /** @param again whether this is the view asked again (a live sample), not one the user opened */
    private void shown(ViewResult r, String keyToSelect, List<String> labels, boolean again) {
        boolean sameView = result != null && query != null && r.query().viewId().equals(query.viewId())
                && r.query().path().equals(query.path());
        String keep = keyToSelect != null ? keyToSelect
                : sameView && table.selected() < rows.size() ? rows.get(table.selected()).key() : null;
        if (!sameView || r.rows().size() < clearedRows) {
            clearedRows = 0;
        }
        query = r.query();
        result = r;
        if (labels != null) {
            forLabels.clear();
            forLabels.addAll(labels);
        }
        while (forLabels.size() > query.path().size()) {
            forLabels.remove(forLabels.size() - 1);
        }
        layout = new TableLayout(r.columns());
        applyFreeText();
        if (currentView().type() == io.jdig.view.ViewType.SPECTROGRAM && !again) {
            openSpectrogram(query, forText(), true);
        }
        table.select(0, page());
        if (keep != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).key().equals(keep) && !keep.isEmpty()) {
                    table.select(i, page());
                    break;
                }
            }
        }
    }

    private void failed(int gen, ExploreException e) {
        if (gen != generation) {
            return;
        }
        loading = null;
        message = e.getMessage();
    }

    private void applyFreeText() {
        if (result == null) {
            return;
        }
        List<ViewResult.Row> all = result.rows().subList(Math.min(clearedRows, result.rows().size()),
                result.rows().size());
        if (freeText.isEmpty()) {
            rows = all;
        } else {
            String t = freeText.toLowerCase(Locale.ROOT);
            List<ViewResult.Row> keep = new ArrayList<>();
            for (ViewResult.Row r : all) {
                if (String.join(" ", r.cells()).toLowerCase(Locale.ROOT).contains(t)) {
                    keep.add(r);
                }
            }
            rows = keep;
        }
        table.resize(rows.size());
    }

    private int page() {
        return Math.max(1, height - HEADER_ROWS - 1);
    }

    private ViewResult.Row selected() {
        return table.selected() < rows.size() ? rows.get(table.selected()) : null;
    }

    // ---- keys ---------------------------------------------------------------------------------------------

    /** Handles a key or a mouse action. */
    void handle(KeyStroke k) {
        if (k.getKeyType() == KeyType.EOF) {
            quit = true;
            return;
        }
        if (k instanceof MouseAction m) {
            mouse(m);
            return;
        }
        message = null;
        if (confirm != null) {
            confirmKey(k);
            return;
        }
        if (prompt != null) {
            promptKey(k);
            return;
        }
        if (mode == Mode.SPECTRO && (is(k, 'q') || k.getKeyType() == KeyType.Backspace
                || k.getKeyType() == KeyType.Escape)) {
            if (is(k, 'q') || !spectro.cancel()) {
                closeSpectrogram();
            }
            return;
        }
        if (isQuit(k)) {
            quit = true;
            return;
        }
        switch (mode) {
            case SPECTRO -> spectroKey(k);
            case TABLE -> tableKey(k);
            case TEXT -> textKey(k);
            case VIEWS, SORT, ACTIONS -> pickerKey(k);
        }
    }

    private static boolean isQuit(KeyStroke k) {
        return k.getKeyType() == KeyType.F10 || is(k, 'q') || k.getKeyType() == KeyType.Character
                && k.isCtrlDown() && k.getCharacter() == 'c';
    }

    private static boolean is(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown() && k.getCharacter() == c;
    }

    private static boolean isCtrl(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && k.isCtrlDown() && k.getCharacter() == c;
    }

    private void tableKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case ArrowUp -> table.move(-1, page());
            case ArrowDown -> table.move(1, page());
            case PageUp -> table.move(-page(), page());
            case PageDown -> table.move(page(), page());
            case Home -> table.select(0, page());
            case End -> table.select(rows.size() - 1, page());
            case Enter -> drillDown();
            case Backspace -> back();
            case F1 -> help();
            case F2 -> openViews();
            case F3 -> search(lastSearch);
            case F4 -> prompt = new Prompt(Prompt.Kind.FILTER, freeText.isEmpty() ? query().filter() : freeText);
            case F5 -> echo();
            case F6 -> dig();
            case F7 -> legend();
            case F8 -> openActions();
            case F9 -> openSort();
            case F12 -> spectrogram();
            case Delete -> clearList();
            case Character -> tableChar(k);
            default -> { }
        }
    }

    private void tableChar(KeyStroke k) {
        char c = k.getCharacter();
        if (k.isCtrlDown()) {
            if (c == 'f') {
                prompt = new Prompt(Prompt.Kind.SEARCH, lastSearch);
            }
            return;
        }
        int shift = SHIFT_DIGITS.indexOf(c);
        if (shift >= 0) {
            sortBy(shift + 1);
            return;
        }
        switch (c) {
            case 'h', '?' -> help();
            case '\\' -> prompt = new Prompt(Prompt.Kind.FILTER, freeText.isEmpty() ? query().filter() : freeText);
            case '/' -> prompt = new Prompt(Prompt.Kind.SEARCH, lastSearch);
            case 'e' -> echo();
            case 'd' -> dig();
            case '>' -> openSort();
            case 'p' -> paused = !paused;
            default -> {
                if (c != 'c' || !clearList()) {
                    action(c); // (a table view's action may have c for its key)
                }
            }
        }
    }

    /**
     * 'c' or Delete on a list view: its rows so far are cleared (live, the ones that come after show). False when
     * the view is not a list.
     */
    private boolean clearList() {
        if (result == null || query == null || currentView().type() != io.jdig.view.ViewType.LIST) {
            return false;
        }
        clearedRows = result.rows().size();
        applyFreeText();
        table.select(0, page());
        return true;
    }

    private void drillDown() {
        ViewResult.Row row = selected();
        if (result == null || row == null || !result.canDrillDown()) {
            return;
        }
        ViewQuery next = x.drillDown(query, row.key());
        if (next == null) {
            return;
        }
        List<String> labels = new ArrayList<>(forLabels);
        labels.add(result.drillKeyField() + "=" + result.drillValue(row.key()));
        load(next, null, labels);
    }

    // ---- spectrogram ------------------------------------------------------------------------------------------

    /** F12: the latency spectrogram of the selected row (or of the whole view when no row can be selected). */
    private void spectrogram() {
        if (query == null) {
            return;
        }
        ViewResult.Row row = selected();
        ViewQuery target = query;
        if (result != null && row != null && result.canDrillDown()) {
            ViewQuery down = x.drillDown(query, row.key());
            if (down != null) {
                target = down;
            }
        }
        openSpectrogram(target, selectionLabel(), false);
    }

    private void openSpectrogram(ViewQuery q, String label, boolean isView) {
        openSpectrogram(q, label, isView, null);
    }

    /** As above; {@code before}: the screen this one redraws at a new width (a file's pages shown so far stay). */
    private void openSpectrogram(ViewQuery q, String label, boolean isView, SpectroScreen before) {
        int w = Math.max(2, width);
        spectroQuery = q;
        spectroWidthAsked = w;
        if (x.isLive()) {
            // live, as csysdig: it starts empty and gains a row each interval from the capture
            io.jdig.explore.LiveSpectrogram ls;
            try {
                ls = x.liveSpectrogram(q, w);
            } catch (ExploreException e) {
                message = e.getMessage();
                return;
            }
            ++generation; // an answer still awaited would replace this screen
            loading = null;
            dropSpectrogram();
            spectro = new SpectroScreen(ls.snapshot(), label, ls);
            spectroIsView = isView;
            mode = Mode.SPECTRO;
            followsLive = true;
            return;
        }
        ask("Computing spectrogram", () -> x.spectrogram(q, w), s -> {
            dropSpectrogram();
            spectro = new SpectroScreen(s, label);
            if (before != null) {
                spectro.showAsMuchAs(before);
            }
            spectroIsView = isView;
            mode = Mode.SPECTRO;
        });
    }

    /** What the spectrogram shown is of, and the width last asked for it (a resize asks again at the new one). */
    private ViewQuery spectroQuery;
    private int spectroWidthAsked;

    /** The terminal's width changed under a spectrogram: it is worked out again for the new width. */
    private void fitSpectrogram() {
        if (mode == Mode.SPECTRO && spectro != null && spectroQuery != null && spectroWidthAsked != width
                && spectro.data.width() > 0 && width >= 2) {
            openSpectrogram(spectroQuery, spectro.forLabel, spectroIsView, spectro);
        }
    }

    /** Live: the capture made samples; a live spectrogram on screen shows them (unless paused). */
    void liveTick() {
        if (spectro != null && spectro.live != null && mode == Mode.SPECTRO && !paused) {
            spectro.update(spectro.live.snapshot());
        }
    }

    /** Whether the mouse's moves without a button matter: on the spectrogram (csysdig's click, move, click). */
    boolean followsMouse() {
        return mode == Mode.SPECTRO;
    }

    /** Whether a live spectrogram is shown (its samples come faster than the tables'). */
    boolean followsLive() {
        return followsLive;
    }

    /** Stops sampling the live spectrogram shown, if any. */
    private void dropSpectrogram() {
        if (spectro != null && spectro.live != null) {
            spectro.live.close();
        }
        followsLive = false;
    }

    private void closeSpectrogram() {
        mode = Mode.TABLE;
        dropSpectrogram();
        spectro = null;
        if (spectroIsView) {
            spectroIsView = false;
            back();
        }
    }

    private void spectroKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case F1 -> help();
            case F2 -> {
                // the views replace the spectrogram (a live one stops being sampled)
                mode = Mode.TABLE;
                dropSpectrogram();
                spectro = null;
                spectroIsView = false;
                openViews();
            }
            case ArrowLeft -> spectro.arrow(-1, 0);
            case ArrowRight -> spectro.arrow(1, 0);
            case ArrowUp -> spectro.arrow(0, -1);
            case ArrowDown -> spectro.arrow(0, 1);
            case Enter -> digRegion(spectro.enter());
            default -> {
                if (is(k, 'p')) {
                    paused = !paused;
                } else if (is(k, ' ')) {
                    spectro.more();
                }
            }
        }
    }

    /**
     * The events of a region selected on the spectrogram ({@code region}: its filter, null when none was made), as
     * csysdig digs them: the spectrogram's own filter and the region's, printed as sysdig's default lines.
     */
    private void digRegion(String region) {
        if (region == null || spectro == null) {
            return;
        }
        String f = io.jdig.view.DrillPath.both(spectro.data.filter(), region);
        String label = spectro.forLabel;
        ask("Reading events", () -> {
            List<String> lines = x.dig(f, io.jdig.explore.TimeRange.ALL, DIG_MAX);
            List<Styled> out = new ArrayList<>(lines.size());
            for (String l : lines) {
                out.add(Styled.of(l));
            }
            return out;
        }, out -> openText("sysdig output", label, f, out));
    }

    /** The text window shown (echo, dig, help...), or null. */
    TextWindow textShown() {
        return mode == Mode.TEXT ? text : null;
    }

    /** The spectrogram shown, or null. */
    io.jdig.explore.Spectrogram spectrogramShown() {
        return mode == Mode.SPECTRO && spectro != null ? spectro.data : null;
    }

    private void back() {
        if (query == null || query.path().isEmpty()) {
            return;
        }
        Selection last = query.path().get(query.path().size() - 1);
        List<String> labels = new ArrayList<>(forLabels.subList(0, Math.max(0, forLabels.size() - 1)));
        load(query.back(), last.key(), labels);
    }

    private void sortBy(int column) {
        if (result == null || column < 1 || column > result.columns().size()) {
            return;
        }
        Boolean asc = column == result.sortColumn() ? !result.ascending() : null;
        load(query.sortedBy(column, asc), null, null);
    }

    private void search(String words) {
        if (words.isEmpty()) {
            return;
        }
        String t = words.toLowerCase(Locale.ROOT);
        if (mode == Mode.TEXT) {
            if (text.find(words, textPage())) {
                return;
            }
        } else {
            for (int i = 1; i <= rows.size(); i++) {
                int at = (table.selected() + i) % rows.size();
                if (String.join(" ", rows.get(at).cells()).toLowerCase(Locale.ROOT).contains(t)) {
                    table.select(at, page());
                    return;
                }
            }
        }
        message = "not found: " + words;
    }

    private void promptKey(KeyStroke k) {
        Prompt p = prompt;
        switch (p.key(k)) {
            case CANCELLED -> prompt = null;
            case DONE -> {
                if (p.kind == Prompt.Kind.SEARCH) {
                    prompt = null;
                    lastSearch = p.text();
                    search(lastSearch);
                } else if (p.kind == Prompt.Kind.GOTO) {
                    goTo(p);
                } else {
                    applyFilter(p);
                }
            }
            case EDITING -> { }
        }
    }

    /** CTRL+G in a text window: the line typed at the top. */
    private void goTo(Prompt p) {
        String t = p.text().strip();
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            p.fail("not a line number", 0);
            return;
        }
        prompt = null;
        if (text != null) {
            text.goTo(n, textPage());
        }
    }

    /**
     * A filter typed at F4: a sysdig filter when it is one; plain words (no operator, no field) keep the rows that
     * hold them; anything else is a mistake, shown with a caret under where it is.
     */
    private void applyFilter(Prompt p) {
        String f = p.text().strip();
        if (f.isEmpty()) {
            prompt = null;
            freeText = "";
            applyFreeText();
            if (!query.filter().isEmpty()) {
                load(query.withFilter(""), null, null);
            }
            return;
        }
        try {
            FilterCompiler.compile(f);
        } catch (FilterException e) {
            if (looksLikeWords(f)) {
                prompt = null;
                freeText = f;
                applyFreeText();
                table.select(0, page());
                if (!query.filter().isEmpty()) {
                    load(query.withFilter(""), null, null);
                }
                return;
            }
            int lead = p.text().indexOf(f);
            p.fail(e.reason(), e.position() < 0 ? -1 : e.position() + Math.max(0, lead));
            return;
        }
        prompt = null;
        freeText = "";
        load(query.withFilter(f), selected() == null ? null : selected().key(), null);
    }

    /** Words without anything of the filter language: no comparison, no parenthesis, no field name. */
    static boolean looksLikeWords(String s) {
        return !s.matches(".*[=<>!()].*") && !s.matches("(?s).*\\b[a-z]+\\.[a-z_]+.*")
                && !s.matches("(?is).*\\b(and|or|not|contains|icontains|exists|in|pmatch|glob|startswith)\\b.*");
    }

    // ---- windows ------------------------------------------------------------------------------------------

    private void openText(String title, String forLabel, String filter, List<Styled> lines) {
        if (mode != Mode.TEXT) {
            textBack = mode == Mode.SPECTRO && spectro != null ? Mode.SPECTRO : Mode.TABLE;
        }
        mode = Mode.TEXT;
        text = TextWindow.of(title, forLabel, filter, lines);
    }

    private void help() {
        openText("Help", forText(), filterText(), HelpText.lines());
    }

    /** The filter echo and dig show: the view's complete filter, and the selected row's key when it has one. */
    /** What echo and dig show for the selected row: csysdig's filter for it (or the view's, without a row). */
    private String selectionFilter() {
        ViewResult.Row row = selected();
        if (result != null && row != null && result.canDrillDown()) {
            return x.spyFilter(query, row.key());
        }
        return result == null ? x.filterOf(query) : result.filter();
    }

    /** The "For:" of the echo and dig windows: the drill-down path and the row, as csysdig writes them. */
    private String selectionLabel() {
        ViewResult.Row row = selected();
        if (result != null && row != null && result.canDrillDown()) {
            String sel = result.drillKeyField() + "=" + io.jdig.view.DrillPath.selected(row.key(), false);
            return forLabels.isEmpty() ? sel : String.join(" and ", forLabels) + " and " + sel;
        }
        return forText();
    }

    private void echo() {
        if (query == null) {
            return;
        }
        String f = selectionFilter();
        String label = selectionLabel();
        io.jdig.explore.TimeRange range = query.range();
        ask("Reading I/O", () -> x.echo(f, range, ECHO_MAX), chunks -> {
            mode = Mode.TEXT;
            text = TextWindow.echo(label, f, chunks, echoFormat, width);
        });
    }

    private void dig() {
        if (query == null) {
            return;
        }
        String f = selectionFilter();
        String label = selectionLabel();
        io.jdig.explore.TimeRange range = query.range();
        ask("Reading events", () -> {
            List<String> lines = x.dig(f, range, DIG_MAX);
            List<Styled> out = new ArrayList<>(lines.size());
            for (String l : lines) {
                out.add(Styled.of(l));
            }
            return out;
        }, out -> openText("sysdig output", label, f, out));
    }

    private ViewInfo currentView() {
        return x.catalog().select(query == null ? null : query.viewId());
    }

    private void legend() {
        openText("Legend: " + currentView().name(), forText(), filterText(), ViewLegend.lines(currentView(), width));
    }

    private int textPage() {
        return Math.max(1, height - HEADER_ROWS - 1);
    }

    private void textKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case ArrowUp -> text.scroll(-1, textPage());
            case ArrowDown -> text.scroll(1, textPage());
            case PageUp -> text.scroll(-textPage(), textPage());
            case PageDown -> text.scroll(textPage(), textPage());
            case Home -> text.scroll(-text.lines().size(), textPage());
            case End -> text.scroll(text.lines().size(), textPage());
            case Backspace, Escape -> mode = textBack == Mode.SPECTRO && spectro != null ? Mode.SPECTRO : Mode.TABLE;
            case F1 -> help();
            case F2 -> {
                if (text.isEcho()) {
                    text.nextFormat();
                    echoFormat = text.format();
                    message = "showing the data as " + echoFormat.title;
                } else {
                    message = "the events are shown as sysdig prints them";
                }
            }
            case F3 -> search(lastSearch);
            case Delete -> text.clear();
            case Character -> {
                if (isCtrl(k, 'f') || is(k, '/')) {
                    prompt = new Prompt(Prompt.Kind.SEARCH, lastSearch);
                } else if (isCtrl(k, 'g')) {
                    prompt = new Prompt(Prompt.Kind.GOTO, "");
                } else if (is(k, 'c')) {
                    text.clear();
                } else if (is(k, 'p')) {
                    paused = !paused;
                } else if (is(k, 'h') || is(k, '?')) {
                    help();
                }
            }
            default -> { }
        }
    }

    private void openViews() {
        mode = Mode.VIEWS;
        views = x.catalog().views();
        picker.resize(views.size());
        String id = query == null ? null : query.viewId();
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i).id().equals(id)) {
                picker.select(i, page());
            }
        }
    }

    private void openSort() {
        if (result == null || result.columns().isEmpty()) {
            return;
        }
        mode = Mode.SORT;
        picker.resize(result.columns().size());
        picker.select(Math.max(0, result.sortColumn() - 1), page());
    }

    private void openActions() {
        if (currentView().actions().isEmpty()) {
            message = "this view has no actions";
            return;
        }
        mode = Mode.ACTIONS;
        picker.resize(currentView().actions().size());
        picker.select(0, page());
    }

    private void pickerKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case ArrowUp -> picker.move(-1, page());
            case ArrowDown -> picker.move(1, page());
            case PageUp -> picker.move(-page(), page());
            case PageDown -> picker.move(page(), page());
            case Home -> picker.select(0, page());
            case End -> picker.select(picker.size() - 1, page());
            case Enter -> choose(picker.selected());
            case Escape, Backspace -> mode = Mode.TABLE;
            case F2 -> mode = mode == Mode.VIEWS ? Mode.TABLE : mode;
            case F9 -> mode = mode == Mode.SORT ? Mode.TABLE : mode;
            case F8 -> mode = mode == Mode.ACTIONS ? Mode.TABLE : mode;
            case Character -> {
                if (mode == Mode.ACTIONS) {
                    List<ViewAction> acts = currentView().actions();
                    for (int i = 0; i < acts.size(); i++) {
                        if (acts.get(i).hotkey() == k.getCharacter()) {
                            choose(i);
                        }
                    }
                }
            }
            default -> { }
        }
    }

    private void choose(int i) {
        Mode m = mode;
        mode = Mode.TABLE;
        switch (m) {
            case VIEWS -> {
                if (i < views.size()) {
                    load(query.withView(views.get(i).id()), null, null);
                }
            }
            case SORT -> sortBy(i + 1);
            case ACTIONS -> {
                List<ViewAction> acts = currentView().actions();
                if (i < acts.size()) {
                    action(acts.get(i).hotkey());
                }
            }
            default -> { }
        }
    }

    private void action(char hotkey) {
        if (query == null) {
            return;
        }
        for (ViewAction a : currentView().actions()) {
            if (a.hotkey() == hotkey) {
                ViewResult.Row row = selected();
                if (row == null) {
                    message = "no row selected";
                    return;
                }
                String cmd = ActionCommand.substitute(a.command(), currentView(), query.path().size(),
                        result.columns(), row);
                if (a.askConfirmation()) {
                    confirm = cmd;
                    confirmWaits = a.waitFinish();
                } else {
                    runAction(cmd, a.waitFinish());
                }
                return;
            }
        }
    }

    /** Whether the action waiting for confirmation waits for a key once it has run. */
    private boolean confirmWaits;

    private void confirmKey(KeyStroke k) {
        String cmd = confirm;
        confirm = null;
        if (is(k, 'y') || is(k, 'Y')) {
            runAction(cmd, confirmWaits);
        }
    }

    private void runAction(String cmd, boolean waitFinish) {
        List<String> out = shell.run(cmd, waitFinish);
        if (out == null) {
            return; // it ran on the terminal
        }
        List<Styled> lines = new ArrayList<>();
        lines.add(Styled.of("$ " + cmd, Palette.LABEL));
        for (String l : out) {
            lines.add(Styled.of(l));
        }
        openText("Output of an action", selectionLabel(), filterText(), lines);
    }

    // ---- mouse --------------------------------------------------------------------------------------------

    private void mouse(MouseAction m) {
        int col = m.getPosition().getColumn();
        int row = m.getPosition().getRow();
        MouseActionType t = m.getActionType();
        if (t == MouseActionType.SCROLL_UP || t == MouseActionType.SCROLL_DOWN) {
            int d = t == MouseActionType.SCROLL_UP ? -3 : 3;
            switch (mode) {
                case TABLE -> table.move(d, page());
                case TEXT -> text.scroll(d, textPage());
                default -> picker.move(d, page());
            }
            return;
        }
        if (mode == Mode.SPECTRO && spectro != null && prompt == null && confirm == null
                && !(t == MouseActionType.CLICK_DOWN && row == height - 1)) {
            switch (t) {
                case CLICK_DOWN -> {
                    if (m.getButton() == 1) {
                        message = null;
                        digRegion(spectro.press(col, row));
                    }
                }
                case DRAG, MOVE -> spectro.moveTo(col, row);
                case CLICK_RELEASE -> digRegion(spectro.release(col, row));
                default -> { }
            }
            return;
        }
        if (t != MouseActionType.CLICK_DOWN || m.getButton() != 1) {
            return;
        }
        message = null;
        if (row == height - 1 && prompt == null && confirm == null) {
            KeyStroke k = bar.at(col);
            if (k != null) {
                handle(k);
            }
            return;
        }
        if (prompt != null || confirm != null) {
            return;
        }
        if (mode == Mode.TABLE && row == HEADER_ROWS - 1 && layout != null) {
            int j = layout.columnAt(col);
            if (j >= 0) {
                sortBy(j + 1);
            }
            return;
        }
        if (mode == Mode.TABLE && row >= HEADER_ROWS && row < height - 1) {
            int i = table.top() + row - HEADER_ROWS;
            if (i < rows.size()) {
                long now = System.nanoTime();
                boolean dbl = i == lastClickRow && now - lastClickNs < DOUBLE_CLICK_NS;
                table.select(i, page());
                lastClickRow = dbl ? -1 : i;
                lastClickNs = now;
                if (dbl) {
                    drillDown();
                }
            }
        } else if ((mode == Mode.VIEWS || mode == Mode.SORT || mode == Mode.ACTIONS) && row >= HEADER_ROWS
                && row < height - 1) {
            int i = picker.top() + row - HEADER_ROWS;
            if (i < picker.size()) {
                long now = System.nanoTime();
                boolean again = i == picker.selected() && now - lastClickNs < DOUBLE_CLICK_NS;
                picker.select(i, page());
                lastClickNs = now;
                if (again) {
                    choose(i);
                }
            }
        }
    }

    // ---- drawing ------------------------------------------------------------------------------------------

    private String forText() {
        return forLabels.isEmpty() ? "whole machine" : String.join(" and ", forLabels); // every level, as csysdig
    }

    private String filterText() {
        String f = result != null ? result.filter() : "";
        if (!freeText.isEmpty()) {
            f = f + (f.isEmpty() ? "" : " ") + "[rows with: " + freeText + "]";
        }
        return f;
    }

    /** Draws the whole screen for a terminal of {@code size}. */
    void draw(TextGraphics g, TerminalSize size) {
        width = size.getColumns();
        height = size.getRows();
        fitSpectrogram();
        if (mode == Mode.TEXT) {
            text.width(width);
        }
        table.keepVisible(page());
        Palette.PLAIN.on(g).fill(' ');
        switch (mode) {
            case TABLE -> {
                header(g, result == null ? currentView().name() : result.name(), forText(), filterText());
                drawTable(g, 0);
            }
            case SORT -> {
                header(g, result == null ? "" : result.name(), forText(), filterText());
                drawTable(g, 20);
                drawList(g, "Select sort column", columnNames(), 20);
            }
            case VIEWS -> {
                header(g, result == null ? "" : result.name(), forText(), filterText());
                List<String> names = new ArrayList<>();
                for (ViewInfo v : views) {
                    names.add(v.name());
                }
                drawList(g, "Select View", names, 20);
                if (picker.selected() < views.size()) {
                    ViewInfo v = views.get(picker.selected());
                    Palette.LABEL.on(g).putString(21, HEADER_ROWS - 1, v.name());
                    drawLines(g, ViewLegend.lines(v, width), 0, 21, HEADER_ROWS, height - HEADER_ROWS - 1);
                }
            }
            case ACTIONS -> {
                header(g, result == null ? "" : result.name(), forText(), filterText());
                List<String> names = new ArrayList<>();
                for (ViewAction a : currentView().actions()) {
                    names.add(a.hotkey() + ": " + a.description() + " (" + a.command() + ")");
                }
                drawList(g, "Select an action", names, width);
            }
            case SPECTRO -> {
                header(g, x.catalog().select(spectro.data.viewId()).name(), spectro.forLabel, spectro.data.filter());
                spectro.draw(g, width, HEADER_ROWS, height - 3);
                if (spectro.data.samples().stream().allMatch(p -> p.buckets().isEmpty())) {
                    centered(g, "No system call ended in this selection");
                }
            }
            case TEXT -> {
                header(g, text.title, text.forLabel, text.filter);
                if (text.lines().isEmpty()) {
                    // csysdig's words, on the middle row of the screen
                    String none = "No Data For This Selection";
                    put(g, Math.max(0, (width - none.length()) / 2), height / 2, none, Palette.PLAIN);
                } else {
                    drawLines(g, text.lines(), text.top(), 0, HEADER_ROWS, height - HEADER_ROWS - 1);
                }
            }
        }
        footer(g);
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (ViewResult.Column c : result.columns()) {
            names.add(c.name());
        }
        return names;
    }

    private void header(TextGraphics g, String viewing, String forWhat, String filter) {
        int x0 = put(g, 0, 0, "Viewing: ", Palette.LABEL);
        x0 = put(g, x0, 0, viewing, Palette.PLAIN);
        x0 = put(g, x0, 0, " For: ", Palette.LABEL);
        put(g, x0, 0, forWhat, Palette.PLAIN);
        int x1 = put(g, 0, 1, "Source: ", Palette.LABEL);
        x1 = put(g, x1, 1, x.isLive() ? "Live System" : x.source() + " (" + x.events() + " evts, "
                + (x.cutShort() != null ? " truncated, " : "") + seconds() + ")",
                Palette.PLAIN);
        x1 = put(g, x1, 1, " Filter: ", Palette.LABEL);
        // (csysdig leaves the screen's last column free after the filter)
        String f = filter == null || filter.isEmpty() ? "none" : filter;
        put(g, x1, 1, f.length() > width - x1 - 1 ? f.substring(0, Math.max(0, width - x1 - 1)) : f, Palette.PLAIN);
    }

    private String seconds() {
        long span = x.events() == 0 ? 0 : x.span().toNs() - x.span().fromNs();
        return io.jdig.view.NiceTime.of(span); // as csysdig writes the file's span: "959ms", "3.00s"
    }

    private int put(TextGraphics g, int col, int row, String s, Palette p) {
        if (col >= width) {
            return col;
        }
        String t = s.length() > width - col ? s.substring(0, width - col) : s;
        p.on(g).putString(col, row, t);
        return col + t.length();
    }

    private static String fit(String s, int w) {
        if (w <= 0) {
            return "";
        }
        return s.length() >= w ? s.substring(0, w) : s + " ".repeat(w - s.length());
    }

    private void drawTable(TextGraphics g, int x0) {
        int w = width - x0;
        if (w <= 0) {
            return;
        }
        if (result == null) {
            centered(g, loading != null ? "Reading..." : "");
            return;
        }
        List<String> titles = columnNames();
        Palette.TITLES.on(g).putString(x0, HEADER_ROWS - 1, layout.line(titles, w));
        int sc = result.sortColumn() - 1;
        if (sc >= 0 && sc < titles.size() && layout.start(sc) < w) {
            String t = layout.cell(sc, titles.get(sc), w);
            Palette.SORTED_TITLE.on(g).putString(x0 + layout.start(sc), HEADER_ROWS - 1,
                    t.substring(0, Math.min(t.length(), w - layout.start(sc))));
        }
        if (rows.isEmpty()) {
            String why = !freeText.isEmpty() ? "No rows hold '" + freeText + "'"
                    : clearedRows > 0 ? "No Data For This View" // cleared (c): csysdig's words then
                    : x.isLive() ? "No data for this view yet: it shows what happens from now on, sampled"
                    + " every 2 seconds"
                    : result.eventsRead() == 0 ? "No data: the capture has no events"
                    : "No data for this view: no event of the capture passes its filter";
            centered(g, why);
            return;
        }
        int page = page();
        for (int i = 0; i < page && table.top() + i < rows.size(); i++) {
            int r = table.top() + i;
            Palette p = r == table.selected() ? Palette.SELECTED : Palette.PLAIN;
            p.on(g).putString(x0, HEADER_ROWS + i, layout.line(rows.get(r).cells(), w));
        }
    }

    private void drawList(TextGraphics g, String title, List<String> items, int w) {
        Palette.TITLES.on(g).putString(0, HEADER_ROWS - 1, fit(title, w - 1));
        if (w < width) {
            Palette.PLAIN.on(g).putString(w - 1, HEADER_ROWS - 1, " ");
        }
        int page = page();
        picker.keepVisible(page);
        for (int i = 0; i < page && picker.top() + i < items.size(); i++) {
            int r = picker.top() + i;
            Palette p = r == picker.selected() ? Palette.SELECTED : Palette.PLAIN;
            String s = items.get(r);
            if (mode == Mode.SORT && r == result.sortColumn() - 1) {
                s = fit(s, w - 5) + (result.ascending() ? "(^)" : "(V)");
            }
            p.on(g).putString(0, HEADER_ROWS + i, fit(s, w - 1));
            if (w < width) {
                Palette.PLAIN.on(g).putString(w - 1, HEADER_ROWS + i, " ");
            }
        }
    }

    private void drawLines(TextGraphics g, List<Styled> lines, int from, int x0, int y0, int rowsShown) {
        for (int i = 0; i < rowsShown && from + i < lines.size(); i++) {
            int col = x0;
            for (Styled.Run r : lines.get(from + i).runs()) {
                col = put(g, col, y0 + i, r.text(), r.colour());
            }
        }
    }

    private void centered(TextGraphics g, String s) {
        // csysdig's row: half the screen's height below the column titles
        int y = Math.min(height - 2, HEADER_ROWS - 1 + height / 2);
        int col = Math.max(0, (width - s.length()) / 2);
        put(g, col, y, s, Palette.PLAIN);
    }

    private void footer(TextGraphics g) {
        int y = height - 1;
        if (confirm != null) {
            Palette.PROMPT.on(g).putString(0, y, fit("Run '" + confirm + "'? (y/n) ", width));
            return;
        }
        if (prompt != null) {
            drawPrompt(g, y);
            return;
        }
        if (message != null) {
            Palette.ERROR.on(g).putString(0, y - 1, fit(message, width));
        }
        KeyBar b = keys();
        String note;
        if (loading != null) {
            note = loading + "...";
        } else if (mode == Mode.TEXT) {
            int n = text.lines().size(); // csysdig counts the top line from 0 here
            note = text.top() + "/" + n + pct(text.top(), n);
        } else {
            int n = rows.size();
            // (no position on an empty table, as csysdig)
            note = n == 0 ? "" : (table.selected() + 1) + "/" + n + pct(table.selected() + 1, n);
        }
        if (paused) {
            note = note.isEmpty() ? "PAUSED" : "PAUSED " + note;
        }
        b.draw(g, y, width, note);
    }

    private static String pct(int at, int n) {
        return String.format(Locale.ROOT, "(%.1f%%)", n == 0 ? 0.0 : 100.0 * at / n);
    }

    private void drawPrompt(TextGraphics g, int y) {
        String label = prompt.kind.label;
        if (prompt.problem() != null) {
            Palette.PROMPT.on(g).putString(0, y - 1, fit(label + prompt.text(), width));
            int at = prompt.problemAt();
            String why = "invalid filter: " + prompt.problem();
            String line = at >= 0 ? " ".repeat(label.length() + at) + "^ " + why : why;
            Palette.ERROR.on(g).putString(0, y, fit(line, width));
        } else {
            Palette.PROMPT.on(g).putString(0, y, fit(label + prompt.text(), width));
        }
    }

    /** Where the terminal's cursor goes: in a prompt, at its editing position; elsewhere, nowhere. */
    int[] cursor() {
        if (prompt == null) {
            return null;
        }
        int y = prompt.problem() != null ? height - 2 : height - 1;
        return new int[] {Math.min(width - 1, prompt.kind.label.length() + prompt.cursor()), y};
    }

    private KeyBar keys() {
        KeyBar b = bar;
        b.clear();
        b.add("F1", "Help", KeyBar.fn(KeyType.F1));
        if (mode == Mode.TEXT) {
            // csysdig's menu of its echo and dig windows, entry for entry (F3 finds the next match all the same)
            b.add("F2", "View As", KeyBar.fn(KeyType.F2));
            b.add("CTRL+F", "Search", KeyBar.ctrl('f'));
            b.add("p ", "Pause", KeyBar.ch('p'));
            b.add("Bak", "Back", new KeyStroke(KeyType.Backspace));
            b.add("c ", "Clear", KeyBar.ch('c'));
            b.add("CTRL+G", "Goto", KeyBar.ctrl('g'));
            return b;
        }
        if (mode == Mode.SPECTRO) {
            b.add("F2", "Views", KeyBar.fn(KeyType.F2));
            b.add("Enter", "Select", new KeyStroke(KeyType.Enter));
            b.add("p ", "Pause", KeyBar.ch('p'));
            b.add("Bak", "Back", new KeyStroke(KeyType.Backspace));
            if (spectro != null && spectro.hasMore()) {
                b.add("SPACE", "More", KeyBar.ch(' '));
            }
            return b;
        }
        if (mode != Mode.TABLE) {
            b.add("Esc", "Back", new KeyStroke(KeyType.Escape));
            b.add("Enter", "Choose", new KeyStroke(KeyType.Enter));
            return b;
        }
        // csysdig's main menu, entry for entry (F5 and F6 on tables only; F8 even where a view has no actions)
        b.add("F2", "Views", KeyBar.fn(KeyType.F2));
        b.add("F4", "Filter", KeyBar.fn(KeyType.F4));
        if (query == null || currentView().type() != io.jdig.view.ViewType.LIST) {
            b.add("F5", "Echo", KeyBar.fn(KeyType.F5));
            b.add("F6", "Dig", KeyBar.fn(KeyType.F6));
        }
        b.add("F7", "Legend", KeyBar.fn(KeyType.F7));
        b.add("F8", "Actions", KeyBar.fn(KeyType.F8));
        b.add("F9", "Sort", KeyBar.fn(KeyType.F9));
        b.add("F12", "Spectro", KeyBar.fn(KeyType.F12));
        b.add("CTRL+F", "Search", KeyBar.ctrl('f'));
        b.add("p ", "Pause", KeyBar.ch('p'));
        if (query != null && currentView().type() == io.jdig.view.ViewType.LIST) {
            b.add("c ", "Clear", KeyBar.ch('c'));
        }
        return b;
    }
}
