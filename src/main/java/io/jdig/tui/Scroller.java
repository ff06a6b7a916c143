package io.jdig.tui;

/** A position in a list shown a page at a time: the selected entry and the first one on screen. */
final class Scroller {
    private int selected;
    private int top;
    private int size;

    int selected() {
        return selected;
    }

    int top() {
        return top;
    }

    int size() {
        return size;
    }

    void resize(int n) {
        size = n;
        selected = Math.max(0, Math.min(selected, n - 1));
        top = Math.max(0, Math.min(top, Math.max(0, n - 1)));
    }

    void select(int i, int page) {
        selected = Math.max(0, Math.min(i, size - 1));
        keepVisible(page);
    }

    void move(int delta, int page) {
        select(selected + delta, page);
    }

    /** Scrolls the page without a selection of its own (a text pane: the top line is the position). */
    void scroll(int delta, int page) {
        top = Math.max(0, Math.min(top + delta, Math.max(0, size - page)));
        selected = top;
    }

    void keepVisible(int page) {
        int p = Math.max(1, page);
        if (selected < top) {
            top = selected;
        } else if (selected >= top + p) {
            top = selected - p + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, size - p)));
        if (selected < top) {
            top = selected;
        }
    }
}
