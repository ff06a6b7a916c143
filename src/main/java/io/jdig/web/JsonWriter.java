package io.jdig.web;

import java.util.Base64;

/** A JSON document written as it is built: objects, arrays, strings, numbers; commas are placed for the caller. */
final class JsonWriter {
    private final StringBuilder sb = new StringBuilder(4096);
    /** Per nesting level: whether a value has already been written at that level. */
    private boolean[] started = new boolean[16];
    private int depth;
    private boolean afterName;

    JsonWriter beginObject() {
        value();
        sb.append('{');
        push();
        return this;
    }

    JsonWriter endObject() {
        depth--;
        sb.append('}');
        return this;
    }

    JsonWriter beginArray() {
        value();
        sb.append('[');
        push();
        return this;
    }

    JsonWriter endArray() {
        depth--;
        sb.append(']');
        return this;
    }

    JsonWriter name(String n) {
        value();
        string(n);
        sb.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        value();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(long n) {
        value();
        sb.append(n);
        return this;
    }

    JsonWriter value(boolean b) {
        value();
        sb.append(b);
        return this;
    }

    JsonWriter base64(byte[] data) {
        return value(Base64.getEncoder().encodeToString(data));
    }

    /** A value already in JSON (a chisel's output). */
    JsonWriter raw(String json) {
        value();
        sb.append(json);
        return this;
    }

    JsonWriter field(String n, String v) {
        return name(n).value(v);
    }

    JsonWriter field(String n, long v) {
        return name(n).value(v);
    }

    JsonWriter field(String n, boolean v) {
        return name(n).value(v);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void push() {
        depth++;
        if (depth == started.length) {
            started = java.util.Arrays.copyOf(started, depth * 2);
        }
        started[depth] = false;
    }

    /** Before a value or a name: a comma when it is not the first at its level (a name's value needs none). */
    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (started[depth]) {
            sb.append(',');
        }
        started[depth] = true;
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
