package io.jdig.tui;

import java.util.ArrayList;
import java.util.List;

/** The F1 page: what the screen shows and which keys do what. */
final class HelpText {
    private HelpText() {
    }

    private static final String[][] KEYS = {
        {"Arrows, PgUp, PgDn, Home, End", "move through the table (or scroll a text window)"},
        {"Enter, double click", "open the selected row: the next view shows what belongs to it"},
        {"Backspace", "go back up one level (or close a window)"},
        {"F2", "choose another view; it is shown for the current selection"},
        {"F4, \\", "filter: a sysdig filter (a mistake is pointed at), or words to keep only rows holding them"},
        {"CTRL+F, /", "search the rows (or the text) for words; F3 finds the next"},
        {"F5, e", "the bytes the selection read and wrote (F2 there: dotted text, text, hex)"},
        {"F6, d", "the events of the selection, one line each, as sysdig prints them"},
        {"F7", "what the view shows: its description, tips, columns, filter and actions"},
        {"F8, action keys", "run one of the view's commands on the selected row, after a confirmation"},
        {"F9, >", "choose the column to sort by (again on the same column: the other direction)"},
        {"F12", "the latency spectrogram of the selected row: a line per half second, a column per latency"},
        {"(spectrogram) arrows, Enter", "a cursor; Enter sets a region's corner, Enter again shows its events"},
        {"Shift+1..9", "sort by column 1 to 9; a click on a column title does the same"},
        {"p", "pause: keep the screen as it is while a live capture goes on"},
        {"q, F10", "quit"},
    };

    private static final String INTRO = """
            The table is a view of the capture: processes, files, connections, system calls and more.
            Open a row to see the same capture through that row only: the processes of a container, the
            files of a process, the connections of a port. Switch views at any depth: the selection stays.
            The header says which view is shown, for what selection, from which source and with which
            filter (the view's own, the selections' and yours together).""";

    private static final String MOUSE = """
            A click selects a row, a double click opens it, the wheel scrolls; a click on a column title
            sorts by it, a click on the bottom bar presses that key. On the spectrogram, a drag (or a click,
            a move and a click) selects a region and shows the events in it.""";

    static List<Styled> lines() {
        List<Styled> out = new ArrayList<>();
        out.add(Styled.of("cjdig " + io.jdig.cli.Jdig.VERSION + ": the views of a capture, in a table",
                Palette.LABEL));
        out.add(Styled.blank());
        for (String l : INTRO.split("\n")) {
            out.add(Styled.of(l));
        }
        out.add(Styled.blank());
        out.add(Styled.of("Keys", Palette.LABEL));
        for (String[] k : KEYS) {
            out.add(new Styled.Builder().add(String.format("%30s  ", k[0]), Palette.NOTE).add(k[1], Palette.PLAIN)
                    .build());
        }
        out.add(Styled.blank());
        out.add(Styled.of("Mouse", Palette.LABEL));
        for (String l : MOUSE.split("\n")) {
            out.add(Styled.of(l));
        }
        out.add(Styled.blank());
        out.add(Styled.of("Backspace or Escape closes this page.", Palette.NOTE));
        return out;
    }
}
