package io.jdig.tui;

import io.jdig.view.ViewAction;
import io.jdig.view.ViewColumn;
import io.jdig.view.ViewInfo;

import java.util.ArrayList;
import java.util.List;

/** What F7 and the views list say about a view: its description, tips, columns, id, filter and action keys. */
final class ViewLegend {
    private ViewLegend() {
    }

    static List<Styled> lines(ViewInfo v, int width) {
        List<Styled> out = new ArrayList<>();
        wrapInto(out, v.description(), Math.max(20, width - 22));
        if (!v.tips().isEmpty()) {
            out.add(Styled.blank());
            out.add(Styled.of("Tips", Palette.LABEL));
            for (String t : v.tips()) {
                wrapInto(out, t, Math.max(20, width - 22));
            }
        }
        out.add(Styled.blank());
        out.add(Styled.of("Columns", Palette.LABEL));
        for (ViewColumn c : v.columns()) {
            if (c.has(ViewColumn.IS_KEY) || c.has(ViewColumn.IS_GROUPBY_KEY) || c.name().equals("NA")) {
                continue;
            }
            out.add(new Styled.Builder().add(c.name(), Palette.NOTE)
                    .add(": " + (c.description() == null ? "" : c.description()), Palette.PLAIN).build());
        }
        out.add(Styled.blank());
        out.add(Styled.of("ID", Palette.LABEL));
        out.add(Styled.of(v.id()));
        if (v.filter() != null && !v.filter().isEmpty()) {
            out.add(Styled.blank());
            out.add(Styled.of("Filter", Palette.LABEL));
            out.add(Styled.of(v.filter()));
        }
        if (!v.actions().isEmpty()) {
            out.add(Styled.blank());
            out.add(Styled.of("Action Hotkeys", Palette.LABEL));
            for (ViewAction a : v.actions()) {
                out.add(new Styled.Builder().add(String.valueOf(a.hotkey()), Palette.NOTE)
                        .add(": " + a.description() + " (" + a.command() + ")", Palette.PLAIN).build());
            }
        }
        return out;
    }

    static void wrapInto(List<Styled> out, String s, int w) {
        if (s == null || s.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() + word.length() + 1 > w && !line.isEmpty()) {
                out.add(Styled.of(line.toString()));
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            out.add(Styled.of(line.toString()));
        }
    }
}
