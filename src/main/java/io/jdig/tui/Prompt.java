package io.jdig.tui;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * A line being typed at the bottom of the screen (a filter, a search): the text, the cursor, and a problem to show
 * above it with a caret under where it is.
 */
final class Prompt {
    /** What the prompt is for. */
    enum Kind {
        FILTER("Filter: "), SEARCH("Search: "), GOTO("Line: ");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** What a key did to the prompt. */
    enum Outcome {
        EDITING, DONE, CANCELLED
    }

    final Kind kind;
    private final StringBuilder text;
    private int cursor;
    private String problem;
    private int problemAt = -1;

    Prompt(Kind kind, String initial) {
        this.kind = kind;
        this.text = new StringBuilder(initial == null ? "" : initial);
        this.cursor = text.length();
    }

    String text() {
        return text.toString();
    }

    int cursor() {
        return cursor;
    }

    String problem() {
        return problem;
    }

    /** Where the problem is in the text (0-based), or -1. */
    int problemAt() {
        return problemAt;
    }

    void fail(String why, int at) {
        problem = why;
        problemAt = at;
    }

    Outcome key(KeyStroke k) {
        switch (k.getKeyType()) {
            case Enter -> {
                return Outcome.DONE;
            }
            case Escape -> {
                return Outcome.CANCELLED;
            }
            case F4 -> {
                return kind == Kind.FILTER ? Outcome.CANCELLED : Outcome.EDITING;
            }
            case Backspace -> {
                if (cursor > 0) {
                    text.deleteCharAt(--cursor);
                }
            }
            case Delete -> {
                if (cursor < text.length()) {
                    text.deleteCharAt(cursor);
                }
            }
            case ArrowLeft -> cursor = Math.max(0, cursor - 1);
            case ArrowRight -> cursor = Math.min(text.length(), cursor + 1);
            case Home -> cursor = 0;
            case End -> cursor = text.length();
            case Character -> {
                char c = k.getCharacter();
                if (k.isCtrlDown()) {
                    switch (c) {
                        case 'a' -> cursor = 0;
                        case 'e' -> cursor = text.length();
                        case 'u' -> {
                            text.delete(0, cursor);
                            cursor = 0;
                        }
                        case 'k' -> text.setLength(cursor);
                        case 'c', 'g' -> {
                            return Outcome.CANCELLED;
                        }
                        default -> { }
                    }
                } else {
                    text.insert(cursor++, c);
                }
            }
            default -> { }
        }
        problem = null;
        problemAt = -1;
        return Outcome.EDITING;
    }
}
