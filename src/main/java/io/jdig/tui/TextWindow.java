package io.jdig.tui;

import io.jdig.explore.EchoChunk;

import java.util.List;
import java.util.Locale;

/**
 * A window of text over the table: echo (the I/O data, in a format that can be switched), dig (events), a legend,
 * the help, an action's output. It scrolls; its header says what it shows, for what selection, with what filter.
 */
final class TextWindow {
    final String title;
    final String forLabel;
    final String filter;
    private final List<EchoChunk> echo;
    private EchoText.Format format;
    private List<Styled> lines;
    private int width;
    private final Scroller pos = new Scroller();

    private TextWindow(String title, String forLabel, String filter, List<Styled> lines, List<EchoChunk> echo,
                       EchoText.Format format, int width) {
        this.title = title;
        this.forLabel = forLabel;
        this.filter = filter;
        this.echo = echo;
        this.format = format;
        this.width = width;
        this.lines = lines;
        pos.resize(lines.size());
    }

    static TextWindow of(String title, String forLabel, String filter, List<Styled> lines) {
        return new TextWindow(title, forLabel, filter, lines, null, null, 0);
    }

    /** The echo window: the chunks laid out in {@code format} for a screen {@code width} wide. */
    static TextWindow echo(String forLabel, String filter, List<EchoChunk> chunks, EchoText.Format format,
                           int width) {
        return new TextWindow("I/O activity", forLabel, filter, EchoText.lines(chunks, format, width), chunks,
                format, width);
    }

    boolean isEcho() {
        return echo != null;
    }

    EchoText.Format format() {
        return format;
    }

    /** Echo: the next format (dotted text, text only, hex). */
    void nextFormat() {
        EchoText.Format[] all = EchoText.Format.values();
        format = all[(format.ordinal() + 1) % all.length];
        lines = EchoText.lines(echo, format, width);
        pos.resize(lines.size());
    }

    /** Echo: the data laid out again for a new screen width. */
    void width(int w) {
        if (echo != null && w != width) {
            width = w;
            lines = EchoText.lines(echo, format, width);
            pos.resize(lines.size());
        }
    }

    List<Styled> lines() {
        return lines;
    }

    int top() {
        return pos.top();
    }

    void scroll(int delta, int page) {
        pos.scroll(delta, page);
    }

    /** 'c': the window's text so far is cleared, as csysdig's is. */
    void clear() {
        lines = List.of();
        pos.resize(0);
    }

    /** CTRL+G: line {@code n} (0 is the first) at the top, as far as the text goes. */
    void goTo(int n, int page) {
        pos.scroll(Math.max(0, n) - pos.top(), page);
    }

    /** Scrolls to the next line (after the top one, wrapping) holding {@code words}; false when none does. */
    boolean find(String words, int page) {
        String t = words.toLowerCase(Locale.ROOT);
        for (int i = 1; i <= lines.size(); i++) {
            int at = (pos.top() + i) % lines.size();
            if (lines.get(at).text().toLowerCase(Locale.ROOT).contains(t)) {
                pos.scroll(at - pos.top(), page);
                return true;
            }
        }
        return false;
    }
}
