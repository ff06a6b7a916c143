package io.jdig.filter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The right-hand side of a check: nothing ({@code exists}), one string, or a list of strings.
 */
public sealed interface Value permits Value.None, Value.Str, Value.StrList {

    /** All strings of this value, in order: none for {@link None}, one for {@link Str}. */
    List<Str> items();

    /** Offset of the value's first character, or -1 for {@link None}. */
    int pos();

    /** No value, for unary operators ({@code exists}). */
    enum None implements Value {
        INSTANCE;

        @Override
        public List<Str> items() {
            return List.of();
        }

        @Override
        public int pos() {
            return -1;
        }

        @Override
        public String toString() {
            return "";
        }
    }

    /**
     * One string value.
     *
     * <p>{@code text} is the unescaped value. {@code bytes} is what it stands for byte-wise: the UTF-8
     * encoding of the text, except that {@code \xHH} escapes inside quoted strings contribute the raw
     * byte HH (for those the text holds the byte as a Latin-1 character if it is not valid UTF-8).
     * Compilers that compare against event bytes should use {@link #bytes()}.
     *
     * @param text   the unescaped string
     * @param bytes  the byte form of the string (never modify it)
     * @param pos    offset of the first character (the opening quote when quoted)
     * @param endPos offset just past the last character (past the closing quote when quoted)
     * @param quoted whether it was written in quotes
     */
    record Str(String text, byte[] bytes, int pos, int endPos, boolean quoted) implements Value {

        public Str {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(bytes, "bytes");
        }

        /** A string whose bytes are its UTF-8 encoding. */
        public Str(String text, int pos, int endPos, boolean quoted) {
            this(text, text.getBytes(StandardCharsets.UTF_8), pos, endPos, quoted);
        }

        @Override
        public List<Str> items() {
            return List.of(this);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Str s && s.text.equals(text) && Arrays.equals(s.bytes, bytes)
                    && s.pos == pos && s.endPos == endPos && s.quoted == quoted;
        }

        @Override
        public int hashCode() {
            return Objects.hash(text, Arrays.hashCode(bytes), pos, endPos, quoted);
        }

        @Override
        public String toString() {
            return quoted ? Quoting.quote(text) : text;
        }
    }

    /**
     * A parenthesised list {@code (a, b, c)}; may be empty.
     *
     * @param items  the elements
     * @param pos    offset of {@code (}
     * @param endPos offset just past {@code )}
     */
    record StrList(List<Str> items, int pos, int endPos) implements Value {
        public StrList {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(items.get(i));
            }
            return sb.append(')').toString();
        }
    }
}
