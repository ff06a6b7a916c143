package io.jdig.tui;

import io.jdig.explore.ViewResult;
import io.jdig.view.ViewColumn;
import io.jdig.view.ViewInfo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A view action's command line for a row: each {@code %field} replaced by the row's value of that field. */
final class ActionCommand {
    private static final Pattern ACTION_FIELD = Pattern.compile("%([A-Za-z_][A-Za-z0-9_.]*(\\[[^]]*])?)");

    private ActionCommand() {
    }

    /** The command with each {@code %field} replaced by the selected row's value of that field. */
    static String substitute(String command, ViewInfo v, int depth, List<ViewResult.Column> cols,
                             ViewResult.Row row) {
        Matcher m = ACTION_FIELD.matcher(command);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = valueOf(m.group(1), v, depth, cols, row);
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String valueOf(String field, ViewInfo v, int depth, List<ViewResult.Column> cols,
                                  ViewResult.Row row) {
        for (ViewColumn c : v.columns()) {
            if (!c.field(depth).equals(field) && !c.field().equals(field)) {
                continue;
            }
            if (c.has(ViewColumn.IS_KEY) || c.has(ViewColumn.IS_GROUPBY_KEY)) {
                if (!row.key().isEmpty()) {
                    return row.key();
                }
            }
            for (int j = 0; j < cols.size(); j++) {
                if (cols.get(j).name().equals(c.name()) && j < row.cells().size()) {
                    return row.cells().get(j);
                }
            }
        }
        return null;
    }
}
