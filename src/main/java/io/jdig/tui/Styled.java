package io.jdig.tui;

import java.util.ArrayList;
import java.util.List;

/** A line of a text pane: runs of text, each in one colour pair. */
record Styled(List<Run> runs) {
    record Run(String text, Palette colour) {
    }

    static Styled of(String text) {
        return of(text, Palette.PLAIN);
    }

    static Styled of(String text, Palette colour) {
        return new Styled(List.of(new Run(text, colour)));
    }

    static Styled blank() {
        return of("");
    }

    /** A line built run by run. */
    static final class Builder {
        private final List<Run> runs = new ArrayList<>();

        Builder add(String text, Palette colour) {
            runs.add(new Run(text, colour));
            return this;
        }

        Styled build() {
            return new Styled(List.copyOf(runs));
        }
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            sb.append(r.text());
        }
        return sb.toString();
    }
}
