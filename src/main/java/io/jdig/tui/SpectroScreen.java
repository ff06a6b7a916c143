package io.jdig.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.jdig.explore.Spectrogram;

import java.util.List;

/**
 * The latency spectrogram screen (F12): one line per sample, the newest at the bottom, each column a latency bucket
 * (log10 of nanoseconds, 1 ns at the left, eleven decades across the width) coloured by its count on csysdig's
 * green-to-red scale of the 256-colour palette (no calls: black); under it the latency axis.
 */
final class SpectroScreen {
    /** The 256-colour palette indices csysdig's spectrogram uses, from few calls to many. */
    private static final int[] SCALE = {22, 28, 64, 34, 2, 76, 46, 118, 154, 191, 227, 226, 11, 220, 209, 208, 202,
        197, 9, 1};
    /** The axis labels, one per decade from 1 ns, as csysdig prints them. */
    private static final String[] DECADES = {"1ns", "10ns", "100ns", "1.00us", "10us", "100us", "1.00ms", "10ms",
        "100ms", "1.00s", "10.00s"};

    final Spectrogram data;
    final String forLabel;

    SpectroScreen(Spectrogram data, String forLabel) {
        this.data = data;
        this.forLabel = forLabel;
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
     * the axis on the row under it.
     */
    void draw(TextGraphics g, int width, int top, int bottom) {
        List<Spectrogram.Sample> samples = data.samples();
        int rows = bottom - top + 1;
        int first = Math.max(0, samples.size() - rows);
        int y = bottom - (samples.size() - first) + 1;
        for (int i = first; i < samples.size(); i++, y++) {
            Spectrogram.Sample s = samples.get(i);
            for (int col = 0; col < width - 1; col++) {
                int c = colour(s.count(col));
                g.setBackgroundColor(new TextColor.Indexed(c));
                g.setForegroundColor(new TextColor.Indexed(c == 0 ? 255 : 0));
                g.setCharacter(col, y, ' ');
            }
        }
        Palette.PLAIN.on(g).putString(0, bottom + 1, axis(width));
    }
}
