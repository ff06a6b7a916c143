package io.jdig.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import java.util.ArrayList;
import java.util.List;

/** The bottom line: each key's name, then what it does in cyan; a click on an entry is that key. */
final class KeyBar {
    /** One entry: the key's name as shown, its label, and the key stroke a click stands for. */
    record Entry(String key, String label, KeyStroke stroke) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<int[]> spans = new ArrayList<>();

    static KeyStroke fn(KeyType t) {
        return new KeyStroke(t);
    }

    static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    static KeyStroke ctrl(char c) {
        return new KeyStroke(c, true, false);
    }

    void clear() {
        entries.clear();
    }

    KeyBar add(String key, String label, KeyStroke stroke) {
        entries.add(new Entry(key, label, stroke));
        return this;
    }

    /** Draws the bar on row {@code y}, the note (a position, a state) at its right end. */
    void draw(TextGraphics g, int y, int width, String note) {
        Palette.PLAIN.on(g).putString(0, y, " ".repeat(width));
        spans.clear();
        int x = 0;
        for (Entry e : entries) {
            String label = pad(e.label());
            if (x + e.key().length() + label.length() > width) {
                break;
            }
            Palette.KEY.on(g).putString(x, y, e.key());
            Palette.KEY_LABEL.on(g).putString(x + e.key().length(), y, label);
            spans.add(new int[] {x, x + e.key().length() + label.length()});
            x += e.key().length() + label.length();
        }
        if (note != null && !note.isEmpty() && x + note.length() + 1 <= width) {
            Palette.NOTE.on(g).putString(width - note.length(), y, note);
        }
    }

    private static String pad(String label) {
        return label.length() >= 6 ? label : label + " ".repeat(6 - label.length());
    }

    /** The key stroke of the entry at screen column {@code x}, or null. */
    KeyStroke at(int x) {
        for (int i = 0; i < spans.size(); i++) {
            if (x >= spans.get(i)[0] && x < spans.get(i)[1]) {
                return entries.get(i).stroke();
            }
        }
        return null;
    }
}
