package io.jdig.tui;

import io.jdig.explore.ViewResult;

import java.util.List;

/**
 * Where a view's columns go on a line: each at the width its view declares (its text one character narrower, then a
 * blank), the last one without a width taking what is left; the titles and values of number, time and duration
 * fields to the right, the others to the left, as csysdig aligns them by the field's type.
 */
final class TableLayout {
    private final int[] start;
    private final int[] width;
    private final boolean[] right;

    TableLayout(List<ViewResult.Column> columns) {
        int n = columns.size();
        start = new int[n];
        width = new int[n];
        right = new boolean[n];
        int x = 0;
        for (int j = 0; j < n; j++) {
            int size = columns.get(j).size();
            start[j] = x;
            width[j] = size > 0 ? size : -1;
            x += Math.max(size, 0);
            right[j] = columns.get(j).alignsRight();
        }
    }

    int columns() {
        return start.length;
    }

    /** The column at screen column {@code x}, or -1. */
    int columnAt(int x) {
        for (int j = start.length - 1; j >= 0; j--) {
            if (x >= start[j]) {
                return j;
            }
        }
        return -1;
    }

    int start(int j) {
        return start[j];
    }

    /** The width column {@code j} takes on a line {@code lineWidth} wide (the last unsized one takes the rest). */
    int width(int j, int lineWidth) {
        if (width[j] > 0) {
            return width[j];
        }
        return Math.max(0, lineWidth - start[j]);
    }

    /** A cell's text fitted to its column: aligned, cut to the width less the separating blank. */
    String cell(int j, String text, int lineWidth) {
        int w = width(j, lineWidth);
        boolean last = width[j] <= 0;
        int room = last ? w : Math.max(0, w - 1);
        String t = text.length() > room ? text.substring(0, room) : text;
        String pad = " ".repeat(room - t.length());
        String body = right[j] ? pad + t : t + pad;
        return last ? body : body + " ";
    }

    /** The whole line for a row's cells (or the titles), {@code lineWidth} wide. */
    String line(List<String> cells, int lineWidth) {
        StringBuilder sb = new StringBuilder(lineWidth);
        for (int j = 0; j < start.length && sb.length() < lineWidth; j++) {
            sb.append(cell(j, j < cells.size() ? cells.get(j) : "", lineWidth));
        }
        if (sb.length() > lineWidth) {
            sb.setLength(lineWidth);
        }
        while (sb.length() < lineWidth) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
