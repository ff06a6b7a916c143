package io.jdig.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The selections made by drilling down, from the first view to the current one: each step's key field and value,
 * the filter of the view it left (when that view propagates its filter) and the key column. {@link #filter} turns
 * them into the filter the current view runs with.
 */
public final class DrillPath {
    /** What csysdig writes in place of the value of the last step in a filter template. */
    public static final String TEMPLATE_MAGIC = "@#$f1CA^&;";

    /** One step of a drill-down. */
    public record Step(String field, String value, ViewColumn column, String viewFilter) {
    }

    private final List<Step> steps = new ArrayList<>();

    public void push(Step s) {
        steps.add(s);
    }

    public Step pop() {
        return steps.isEmpty() ? null : steps.remove(steps.size() - 1);
    }

    public int size() {
        return steps.size();
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /**
     * The drill-down filter: for each step, its view filter and its key comparison (a column marked
     * filter_in_child_only only filters the view right below it); with {@code templated}, the last step's value is
     * the template placeholder.
     */
    public String filter(boolean templated) {
        StringBuilder res = new StringBuilder();
        int hs = steps.size();
        for (int j = 0; j < hs; j++) {
            Step s = steps.get(j);
            int lastSize = res.length();
            boolean hasFilter = !s.viewFilter().isEmpty();
            if (hs > 1) {
                res.append('(');
            }
            if (hasFilter) {
                res.append('(').append(s.viewFilter()).append(')');
            }
            if (!s.field().isEmpty()) {
                boolean skip = s.column() != null && s.column().has(ViewColumn.FILTER_IN_CHILD_ONLY) && j < hs - 1;
                if (!skip) {
                    if (hasFilter) {
                        res.append(" and ");
                    }
                    res.append(s.field()).append('=');
                    if (templated && j == hs - 1) {
                        res.append('"').append(TEMPLATE_MAGIC).append('"');
                    } else {
                        res.append(s.value());
                    }
                }
            }
            if (res.length() != lastSize) {
                if (hs > 1) {
                    res.append(')');
                }
                res.append(" and ");
                if (res.length() >= 7 && res.substring(res.length() - 7).equals("() and ")) {
                    res.setLength(res.length() - 7);
                }
            }
        }
        if (res.length() >= 5 && res.substring(res.length() - 5).equals(" and ")) {
            res.setLength(res.length() - 5);
        }
        return res.toString();
    }

    /**
     * A selected key as csysdig writes it in a filter: quoted when {@code quote} (csysdig's rule for the key's type,
     * {@link ViewColumn#quotedWhenSelected}) and also whenever it could not stand alone as one value (a space, a
     * quote, a parenthesis or a comma in it), so that the filter shown is the filter run.
     */
    public static String selected(String key, boolean quote) {
        return quote || !standsAlone(key) ? quote(key) : key;
    }

    private static boolean standsAlone(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '(' || c == ')' || c == ',' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A selected key as a filter value: quoted, so that names with spaces or operators stay one value. */
    public static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Two filters that must both hold (either may be empty). */
    public static String both(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return "(" + a + ") and (" + b + ")";
    }
}
