package io.jdig.view.cli;

import io.jdig.view.ViewCatalog;
import io.jdig.view.ViewInfo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --list-views}: one entry per view in aligned columns (id, name, type), its description wrapped in a column
 * of its own beside them, so that a person finds the id to pass to {@code -v} at a glance.
 */
final class ViewListing {
    /** The width of the text when the terminal's is unknown. */
    static final int DEFAULT_WIDTH = 100;
    /** Narrower than this, the description goes under the columns instead of beside them. */
    private static final int MIN_DESCRIPTION = 30;

    private ViewListing() {
    }

    static int print(ViewCatalog catalog, PrintStream out) {
        out.print(format(catalog.views(), width()));
        return 0;
    }

    /** The terminal's width as the shell tells it ({@code COLUMNS}), else {@link #DEFAULT_WIDTH}. */
    private static int width() {
        String c = System.getenv("COLUMNS");
        if (c != null) {
            try {
                int w = Integer.parseInt(c.trim());
                if (w >= 40) {
                    return w;
                }
            } catch (NumberFormatException e) {
                // the default
            }
        }
        return DEFAULT_WIDTH;
    }

    static String format(List<ViewInfo> views, int width) {
        int idW = "ID".length();
        int nameW = "NAME".length();
        int typeW = "TYPE".length();
        for (ViewInfo v : views) {
            idW = Math.max(idW, v.id().length());
            nameW = Math.max(nameW, v.name().length());
            typeW = Math.max(typeW, type(v).length());
        }
        int indent = idW + nameW + typeW + 6;
        boolean beside = width - indent >= MIN_DESCRIPTION;
        int descW = beside ? width - indent : width - 4;
        StringBuilder sb = new StringBuilder();
        row(sb, "ID", idW, "NAME", nameW, "TYPE", typeW);
        if (beside) {
            sb.append("DESCRIPTION");
        } else {
            trimEnd(sb);
        }
        sb.append('\n');
        for (ViewInfo v : views) {
            row(sb, v.id(), idW, v.name(), nameW, type(v), typeW);
            List<String> lines = wrap(v.description(), descW);
            if (!beside) {
                trimEnd(sb);
                sb.append('\n');
                for (String l : lines) {
                    sb.append("    ").append(l).append('\n');
                }
                continue;
            }
            if (lines.isEmpty()) {
                trimEnd(sb);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    sb.append(" ".repeat(indent));
                }
                sb.append(lines.get(i)).append('\n');
            }
            if (lines.isEmpty()) {
                sb.append('\n');
            }
        }
        sb.append('\n').append(views.size()).append(" views (cjdig -v ID shows one)\n");
        return sb.toString();
    }

    private static String type(ViewInfo v) {
        return v.type().name().toLowerCase(Locale.ROOT);
    }

    private static void row(StringBuilder sb, String id, int idW, String name, int nameW, String type, int typeW) {
        pad(sb, id, idW);
        pad(sb, name, nameW);
        pad(sb, type, typeW);
    }

    private static void pad(StringBuilder sb, String s, int w) {
        sb.append(s).append(" ".repeat(w - s.length() + 2));
    }

    private static void trimEnd(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') {
            n--;
        }
        sb.setLength(n);
    }

    /** Words into lines of at most {@code width} characters (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.trim().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!line.isEmpty() && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(w);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
