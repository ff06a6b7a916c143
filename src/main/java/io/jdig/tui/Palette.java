package io.jdig.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** csysdig's colours: cyan labels, a green column bar, a cyan selection, the key bar's cyan labels. */
enum Palette {
    /** Text of the table and the panes. */
    PLAIN(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, false),
    /** The header's labels ("Viewing:", "Source:"...) and section titles. */
    LABEL(TextColor.ANSI.CYAN, TextColor.ANSI.DEFAULT, true),
    /** The column titles of a table. */
    TITLES(TextColor.ANSI.BLACK, TextColor.ANSI.GREEN, false),
    /** The title of the column the table is sorted by. */
    SORTED_TITLE(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, false),
    /** The title bar of the echo and dig windows. */
    PANE_TITLES(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW, false),
    /** The selected row. */
    SELECTED(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, false),
    /** A key's name in the key bar. */
    KEY(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, false),
    /** What the key does, in the key bar. */
    KEY_LABEL(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, false),
    /** Counters and notes: the position in the table, a column's name in a legend. */
    NOTE(TextColor.ANSI.CYAN, TextColor.ANSI.DEFAULT, false),
    /** Data read, in the echo window. */
    READ(TextColor.ANSI.RED, TextColor.ANSI.DEFAULT, false),
    /** Data written, in the echo window. */
    WRITE(TextColor.ANSI.BLUE, TextColor.ANSI.DEFAULT, false),
    /** Errors: a bad filter, a failed query. */
    ERROR(TextColor.ANSI.WHITE, TextColor.ANSI.RED, true),
    /** A prompt's line being edited. */
    PROMPT(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW, false);

    final TextColor fg;
    final TextColor bg;
    final boolean bold;

    Palette(TextColor fg, TextColor bg, boolean bold) {
        this.fg = fg;
        this.bg = bg;
        this.bold = bold;
    }

    /** Sets the pen of {@code g} to this colour pair. */
    TextGraphics on(TextGraphics g) {
        g.setForegroundColor(fg);
        g.setBackgroundColor(bg);
        g.clearModifiers();
        if (bold) {
            g.enableModifiers(SGR.BOLD);
        }
        return g;
    }
}
