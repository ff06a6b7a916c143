package io.jdig.tui;

import io.jdig.explore.ViewResult;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a view's columns go on a line: each at the width its view declares (its text one character narrower, then a
 * blank), the last one without a width taking what is left; numbers to the right, text to the left, as csysdig
 * aligns them.
 */
final class TableLayout {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.,]*[KMGTP]?(B|%|/s)?|-?\\.[0-9]+");
    private final int[] start;
    private final int[] width;
    private final boolean[] right;
    private final List<ViewResult.Column> columns;

    /**
     * @param before the layout the same table had before, whose alignment an empty table keeps (or null)
     */
    TableLayout(List<ViewResult.Column> columns, List<ViewResult.Row> rows, TableLayout before) {
        this.columns = columns;
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
            right[j] = numeric(rows, j);
        }
        if (rows.isEmpty() && before != null && before.columns.equals(columns)) {
            System.arraycopy(before.right, 0, right, 0, n);
        }
    }

    private static boolean numeric(List<ViewResult.Row> rows, int j) {
        boolean any = false;
        for (ViewResult.Row r : rows) {
            if (j >= r.cells().size()) {
                continue;
            }
            String c = r.cells().get(j);
            if (c.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(c).matches()) {
                return false;
            }
            any = true;
        }
        return any;
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
