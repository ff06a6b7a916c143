package io.jdig.format;

import io.jdig.event.ByteBuf;
import io.jdig.field.EventContext;
import io.jdig.field.Field;
import io.jdig.field.FieldRegistry;
import io.jdig.field.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A compiled -p format: literal text and fields ({@code %proc.name}, {@code %10evt.type}). A leading '*' prints
 * the line even when some fields have no value ({@code <NA>}); without it such lines are skipped.
 */
public final class EventFormatter {
    public static final String DEFAULT = "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";
    public static final String DEFAULT_TTY = "*%evt.num %evt.outputtime %evt.cpu \u001b[01;32m%proc.name\u001b[00m "
            + "(\u001b[01;36m%proc.pid\u001b[00m.%thread.tid) %evt.dir \u001b[01;34m%evt.type\u001b[00m %evt.info";
    private static final byte[] NA = "<NA>".getBytes(StandardCharsets.US_ASCII);

    private final boolean requireAll;
    private final byte[][] literals;
    private final Field[] fields;
    private final int[] widths;
    /** JSON keys in sorted order, each with the index of the field that provides its value. */
    private final byte[][] jsonKeys;
    private final int[] jsonField;
    private final ByteBuf scratch = new ByteBuf(256);
    private final ByteBuf scratch2 = new ByteBuf(256);

    private EventFormatter(boolean requireAll, List<byte[]> lits, List<Field> fs, List<Integer> ws) {
        this.requireAll = requireAll;
        this.literals = lits.toArray(new byte[0][]);
        this.fields = fs.toArray(new Field[0]);
        this.widths = ws.stream().mapToInt(Integer::intValue).toArray();
        TreeMap<String, Integer> keys = new TreeMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                keys.put(fields[i].text(), i);
            }
        }
        jsonKeys = new byte[keys.size()][];
        jsonField = new int[keys.size()];
        int k = 0;
        for (var e : keys.entrySet()) {
            ByteBuf b = new ByteBuf();
            Json.appendString(b, e.getKey());
            jsonKeys[k] = java.util.Arrays.copyOf(b.array(), b.length());
            jsonField[k++] = e.getValue();
        }
    }

    /** Compiles a format string; throws FormatException with sysdig's wording for bad formats. */
    public static EventFormatter compile(String format) {
        if (format.isEmpty()) {
            throw new FormatException("empty formatting token");
        }
        boolean requireAll = true;
        String f = format;
        if (f.charAt(0) == '*') {
            requireAll = false;
            f = f.substring(1);
        }
        List<byte[]> lits = new ArrayList<>();
        List<Field> fs = new ArrayList<>();
        List<Integer> ws = new ArrayList<>();
        int last = 0;
        int n = f.length();
        int j = 0;
        while (j < n) {
            if (f.charAt(j) != '%') {
                j++;
                continue;
            }
            if (last != j) {
                lits.add(f.substring(last, j).getBytes(StandardCharsets.UTF_8));
                fs.add(null);
                ws.add(0);
            }
            if (j == n - 1) {
                throw new FormatException("invalid formatting syntax: formatting cannot end with a %");
            }
            int width = 0;
            int p = j + 1;
            while (p < n && Character.isDigit(f.charAt(p))) {
                width = width * 10 + (f.charAt(p) - '0');
                p++;
            }
            if (p == n) {
                throw new FormatException("invalid formatting syntax: formatting cannot end with a number");
            }
            FieldRegistry.Parsed parsed;
            try {
                parsed = FieldRegistry.parse(f, p);
            } catch (IllegalArgumentException e) {
                throw new FormatException(e.getMessage());
            }
            if (parsed == null) {
                throw new FormatException("invalid formatting token " + f.substring(p));
            }
            if (parsed.field().def.has(io.jdig.field.FieldDef.FILTER_ONLY)) {
                throw new FormatException("field " + parsed.field().def.name() + " can only be used in filters");
            }
            lits.add(null);
            fs.add(parsed.field());
            ws.add(width);
            j = parsed.end();
            last = j;
        }
        if (last != n) {
            lits.add(f.substring(last).getBytes(StandardCharsets.UTF_8));
            fs.add(null);
            ws.add(0);
        }
        return new EventFormatter(requireAll, lits, fs, ws);
    }

    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Appends the line for the current event; returns false (and leaves out as it was) when it is skipped. */
    public boolean appendText(EventContext c, ByteBuf out) {
        int start = out.length();
        for (int i = 0; i < fields.length; i++) {
            Field fld = fields[i];
            if (fld == null) {
                out.append(literals[i]);
                continue;
            }
            int w = widths[i];
            if (fld.extract(c)) {
                if (w == 0) {
                    fld.appendText(out);
                } else {
                    scratch.clear();
                    fld.appendText(scratch);
                    appendResized(out, scratch, w);
                }
            } else {
                if (requireAll) {
                    out.setLength(start);
                    return false;
                }
                if (w == 0) {
                    out.append(NA);
                } else {
                    scratch.clear().append(NA);
                    appendResized(out, scratch, w);
                }
            }
        }
        return true;
    }

    private static void appendResized(ByteBuf out, ByteBuf s, int w) {
        int n = Math.min(s.length(), w);
        // a NUL ends a C string: nothing after it is kept
        byte[] a = s.array();
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                n = i;
                break;
            }
        }
        out.append(a, 0, n);
        for (int i = n; i < w; i++) {
            out.append((byte) ' ');
        }
    }

    /** Appends the JSON object for the current event; returns false when it is skipped. */
    public boolean appendJson(EventContext c, ByteBuf out) {
        int start = out.length();
        boolean[] ok = okScratch();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                ok[i] = fields[i].extract(c);
                if (!ok[i] && requireAll) {
                    return false;
                }
            }
        }
        out.append((byte) '{');
        for (int k = 0; k < jsonKeys.length; k++) {
            if (k > 0) {
                out.append((byte) ',');
            }
            out.append(jsonKeys[k]).append((byte) ':');
            int fi = jsonField[k];
            if (ok[fi]) {
                fields[fi].appendJson(out, scratch2);
            } else {
                out.append("null");
            }
        }
        out.append((byte) '}');
        return out.length() > start;
    }

    private boolean[] ok;

    private boolean[] okScratch() {
        if (ok == null) {
            ok = new boolean[fields.length];
        }
        return ok;
    }
}
