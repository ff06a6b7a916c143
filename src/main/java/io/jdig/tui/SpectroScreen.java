package io.jdig.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.jdig.explore.Spectrogram;

import java.util.List;

/**
 * The latency spectrogram screen (F12): one line per sample, the newest at the bottom, each column a latency bucket
 * (log10 of nanoseconds, 1 ns at the left, eleven decades across the width) coloured by its count on csysdig's
 * green-to-red scale of the 256-colour palette (no calls: black); under it the latency axis.
 *
 * <p>A region of it can be selected, as in csysdig: with the mouse (press and drag, or click, move, click), or with
 * the keys (arrows move a cursor, Enter sets a corner, arrows and Enter again the other); its outline is drawn with
 * X's. The region gives the filter of the events in it ({@link Spectrogram#selectionFilter}).
 *
 * <p>On a file it pages as csysdig does: a screenful of samples at a time, Space ("More") for the next one; live, the
 * newest samples are always shown.
 */
final class SpectroScreen {
    /** The 256-colour palette indices csysdig's spectrogram uses, from few calls to many. */
    private static final int[] SCALE = {22, 28, 64, 34, 2, 76, 46, 118, 154, 191, 227, 226, 11, 220, 209, 208, 202,
        197, 9, 1};
    /** The axis labels, one per decade from 1 ns, as csysdig prints them. */
    private static final String[] DECADES = {"1ns", "10ns", "100ns", "1.00us", "10us", "100us", "1.00ms", "10ms",
        "100ms", "1.00s", "10.00s"};

    /** Where a selection is: none, a keyboard cursor, a region with one corner set. */
    enum Selecting { NONE, CURSOR, REGION }

    Spectrogram data;
    final String forLabel;
    /** Live: the spectrogram the capture keeps sampling (closed with the screen), null on a file. */
    final io.jdig.explore.LiveSpectrogram live;

    // where the samples were last drawn
    private int top = -1;
    private int bottom = -1;
    private int width;

    private Selecting selecting = Selecting.NONE;
    /** The set corner (REGION) and the moving one (the cursor), in screen columns and rows. */
    private int anchorX;
    private int anchorY;
    private int curX;
    private int curY;
    /** Whether the mouse moved since the corner was set (a release then ends the region). */
    private boolean dragged;
    /** On a file, how many samples (from the first) are shown so far; -1 until the first draw sets a screenful. */
    private int shown = -1;

    SpectroScreen(Spectrogram data, String forLabel) {
        this(data, forLabel, null);
    }

    SpectroScreen(Spectrogram data, String forLabel, io.jdig.explore.LiveSpectrogram live) {
        this.data = data;
        this.forLabel = forLabel;
        this.live = live;
    }

    /** The 256-colour index a bucket with {@code count} calls in a half-second sample is drawn with (0: none). */
    static int colour(long count) {
        if (count <= 0) {
            return 0;
        }
        int samplesPerSecond = 2;
        int c = (int) (Math.log10((double) count * samplesPerSecond + 1) / Math.log10(1.6));
        c = Math.max(1, Math.min(SCALE.length - 1, c));
        return SCALE[c - 1];
    }

    /** The axis line for a screen {@code width} wide: "|1ns", "|10ns"... where each decade starts. */
    static String axis(int width) {
        StringBuilder b = new StringBuilder();
        int x = 0;
        int prev = -1;
        while (x < width) {
            int decade = (int) ((double) x * 11 / width);
            if (decade != prev) {
                String label = "|" + DECADES[Math.min(decade, DECADES.length - 1)];
                b.append(label);
                x += label.length();
                // the decade whose start the label ran over is not labelled again
                prev = (int) ((double) (x - 1) * 11 / width);
            } else {
                b.append(' ');
                x++;
            }
        }
        return b.length() > width ? b.substring(0, width) : b.toString();
    }

    /**
     * Draws the samples between rows {@code top} and {@code bottom} (inclusive), the newest on {@code bottom}, and
     * the axis on the row under it; a selection's outline over them.
     */
    void draw(TextGraphics g, int width, int top, int bottom) {
        this.top = top;
        this.bottom = bottom;
        this.width = width;
        List<Spectrogram.Sample> samples = data.samples();
        int rows = bottom - top + 1;
        if (live == null && shown < 0) {
            shown = Math.min(samples.size(), Math.max(1, rows));
        }
        int end = end();
        int first = Math.max(0, end - rows);
        int y = bottom - (end - first) + 1;
        for (int i = first; i < end; i++, y++) {
            Spectrogram.Sample s = samples.get(i);
            for (int col = 0; col < width - 1; col++) {
                cell(g, col, y, colour(s.count(col)), ' ');
            }
        }
        if (selecting != Selecting.NONE) {
            int x1 = selecting == Selecting.REGION ? Math.min(anchorX, curX) : curX;
            int x2 = selecting == Selecting.REGION ? Math.max(anchorX, curX) : curX;
            int y1 = selecting == Selecting.REGION ? Math.min(anchorY, curY) : curY;
            int y2 = selecting == Selecting.REGION ? Math.max(anchorY, curY) : curY;
            for (int r = y1; r <= y2; r++) {
                for (int c = x1; c <= x2; c++) {
                    if (r == y1 || r == y2 || c == x1 || c == x2) {
                        int i = sampleAt(r);
                        cell(g, c, r, i < 0 ? 0 : colour(samples.get(i).count(c)), 'X');
                    }
                }
            }
        }
        Palette.PLAIN.on(g).putString(0, bottom + 1, axis(width));
    }

    private static void cell(TextGraphics g, int col, int y, int colour, char c) {
        g.setBackgroundColor(new TextColor.Indexed(colour));
        g.setForegroundColor(new TextColor.Indexed(colour == 0 ? 255 : 0));
        g.setCharacter(col, y, c);
    }

    /** A live spectrogram's newest samples (unless a region is being selected: its rows then stay put). */
    void update(Spectrogram newer) {
        if (selecting == Selecting.NONE) {
            data = newer;
        }
    }

    Selecting selecting() {
        return selecting;
    }

    /** How many samples, from the first, are on screen or above it: all of them live, the pages shown on a file. */
    private int end() {
        int n = data.samples().size();
        return live != null || shown < 0 ? n : Math.min(n, shown);
    }

    /** Whether a file's spectrogram has samples after the page shown (Space shows them). */
    boolean hasMore() {
        return live == null && shown >= 0 && shown < data.samples().size();
    }

    /** Space on a file: the next screenful of samples (a selection being made is dropped: its rows move). */
    void more() {
        if (hasMore() && top >= 0) {
            shown = Math.min(data.samples().size(), shown + (bottom - top + 1));
            selecting = Selecting.NONE;
        }
    }

    /** Shows as many samples as {@code other} had shown (the same spectrogram worked out for a new width). */
    void showAsMuchAs(SpectroScreen other) {
        shown = other.shown;
    }

    /** The index in the samples of the one drawn on screen row {@code y}, or -1 when none is there. */
    int sampleAt(int y) {
        if (top < 0 || y < top || y > bottom) {
            return -1;
        }
        int i = end() - 1 - (bottom - y);
        return i >= 0 ? i : -1;
    }

    /** Whether a screen cell holds a bucket of a sample (where a region can start). */
    boolean inside(int x, int y) {
        return x >= 0 && x < width - 1 && sampleAt(y) >= 0;
    }

    /** The nearest cell holding a bucket of a sample, as {x, y}; null when no sample is drawn. */
    private int[] clamp(int x, int y) {
        int n = end();
        if (top < 0 || n == 0) {
            return null;
        }
        int firstRow = Math.max(top, bottom - n + 1);
        return new int[] {Math.max(0, Math.min(width - 2, x)), Math.max(firstRow, Math.min(bottom, y))};
    }

    // ---- the mouse ----

    /**
     * The left button went down at a cell: a region starts there, or (clicked, then moved) ends there. Returns the
     * region's filter when it ended, else null.
     */
    String press(int x, int y) {
        if (selecting == Selecting.REGION) {
            int[] at = clamp(x, y);
            if (at != null) {
                curX = at[0];
                curY = at[1];
            }
            return finish();
        }
        if (!inside(x, y)) {
            return null;
        }
        selecting = Selecting.REGION;
        anchorX = curX = x;
        anchorY = curY = y;
        dragged = false;
        return null;
    }

    /** The mouse moved (with the button down or not) while a region is selected: its moving corner follows. */
    void moveTo(int x, int y) {
        if (selecting != Selecting.REGION) {
            return;
        }
        int[] at = clamp(x, y);
        if (at != null && (at[0] != curX || at[1] != curY)) {
            curX = at[0];
            curY = at[1];
            dragged = true;
        }
    }

    /** The button came up: after a drag the region ends (its filter is returned), after a click it goes on. */
    String release(int x, int y) {
        if (selecting != Selecting.REGION) {
            return null;
        }
        moveTo(x, y);
        return dragged ? finish() : null;
    }

    // ---- the keys ----

    /** An arrow: the cursor (or a region's moving corner) goes {@code dx} columns and {@code dy} rows. */
    void arrow(int dx, int dy) {
        if (data.samples().isEmpty() || top < 0) {
            return;
        }
        if (selecting == Selecting.NONE) {
            selecting = Selecting.CURSOR;
            curX = (width - 1) / 2;
            curY = bottom;
            return;
        }
        int[] at = clamp(curX + dx, curY + dy);
        if (at != null) {
            curX = at[0];
            curY = at[1];
        }
    }

    /** Enter: the cursor's cell becomes a corner; the second Enter ends the region (its filter is returned). */
    String enter() {
        switch (selecting) {
            case NONE -> arrow(0, 0);
            case CURSOR -> {
                selecting = Selecting.REGION;
                anchorX = curX;
                anchorY = curY;
                dragged = false;
            }
            case REGION -> {
                return finish();
            }
        }
        return null;
    }

    /** Drops the selection; false when there was none. */
    boolean cancel() {
        boolean was = selecting != Selecting.NONE;
        selecting = Selecting.NONE;
        return was;
    }

    private String finish() {
        int a = sampleAt(anchorY);
        int b = sampleAt(curY);
        selecting = Selecting.NONE;
        if (a < 0 || b < 0) {
            return null;
        }
        return data.selectionFilter(a, b, anchorX, curX);
    }
}
