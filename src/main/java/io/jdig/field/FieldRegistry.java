package io.jdig.field;

import io.jdig.event.ParamType;
import io.jdig.event.PrintFormat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one vocabulary of fields: filters, -p formats, JSON output and chisels all take their fields from here.
 * Field classes register their definitions once; {@link #parse} finds the longest field name at a position in
 * a format string, {@link #create} makes a field from a name and an optional argument.
 */
public final class FieldRegistry {
    /**
     * The registration under way while this class initialises (the field classes add their fields to it), then
     * null: the registry is fixed once initialised, and the tables below are unmodifiable.
     */
    private static Registration registering = new Registration();

    /**
     * A group of fields as sysdig lists them with -l: a name (several groups may share one, as the two evt
     * groups do), a short qualifier shown after it, a description, and whether -l leaves it out.
     */
    public record FieldClass(String name, String shortDesc, String description, boolean hidden, List<FieldDef> fields) {
    }

    private static final class Registration {
        final Map<String, FieldDef> byName = new LinkedHashMap<>();
        final List<FieldDef> all = new ArrayList<>();
        final List<FieldClass> classes = new ArrayList<>();
        FieldClass current;
    }

    static {
        EventFields.register();
        ProcessFields.register();
        UserFields.register();
        ContainerFields.register();
        FdFields.register();
        SyslogFields.register();
        FdlistFields.register();
        OrchestrationFields.register();
    }

    private static final Map<String, FieldDef> BY_NAME = Collections.unmodifiableMap(registering.byName);
    private static final List<FieldDef> ALL = List.copyOf(registering.all);
    private static final List<FieldClass> CLASSES = registering.classes.stream()
            .map(c -> new FieldClass(c.name(), c.shortDesc(), c.description(), c.hidden(), List.copyOf(c.fields())))
            .toList();

    static {
        registering = null;
    }

    private static Registration registration() {
        if (registering == null) {
            throw new IllegalStateException("fields are registered only while FieldRegistry initialises");
        }
        return registering;
    }

    /** Starts a new group: fields added from now on belong to it (in sysdig's -l order). */
    static void beginClass(String name, String shortDesc, String description) {
        Registration r = registration();
        r.current = new FieldClass(name, shortDesc, description, false, new ArrayList<>());
        r.classes.add(r.current);
    }

    static void beginHiddenClass(String name) {
        Registration r = registration();
        r.current = new FieldClass(name, "", "", true, new ArrayList<>());
        r.classes.add(r.current);
    }

    /** The groups of fields in listing order. */
    public static List<FieldClass> classes() {
        return CLASSES;
    }

    private FieldRegistry() {
    }

    static void add(FieldDef def) {
        Registration r = registration();
        r.byName.put(def.name(), def);
        r.all.add(def);
        if (r.current != null) {
            r.current.fields().add(def);
        }
    }

    static void add(String name, ParamType type, PrintFormat fmt, String desc, Extractor ex) {
        add(new FieldDef(name, type, fmt, 0, desc, FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, ex)));
    }

    static void add(String name, ParamType type, PrintFormat fmt, int flags, String desc, Extractor ex) {
        add(new FieldDef(name, type, fmt, flags, desc, FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, ex)));
    }

    public static List<FieldDef> all() {
        return ALL;
    }

    public static FieldDef def(String name) {
        return BY_NAME.get(name);
    }

    /** A field found in a string: the field and the index just past its text. */
    public record Parsed(Field field, int end) {
    }

    /** The definition whose name is the longest prefix of {@code s} at {@code pos}, or null. */
    public static FieldDef longestPrefix(String s, int pos) {
        FieldDef best = null;
        for (FieldDef d : ALL) {
            String n = d.name();
            if ((best == null || n.length() > best.name().length()) && s.startsWith(n, pos)) {
                best = d;
            }
        }
        return best;
    }

    /**
     * Parses a field at {@code pos} in a format string (after the '%'); returns null when no field name starts
     * there. Throws IllegalArgumentException for a field whose argument is missing or wrong.
     */
    public static Parsed parse(String s, int pos) {
        FieldDef d = longestPrefix(s, pos);
        if (d == null) {
            return null;
        }
        int end = pos + d.name().length();
        String arg = null;
        if (d.argSyntax() != FieldDef.ArgSyntax.NONE) {
            if (end < s.length() && s.charAt(end) == '[') {
                int close = s.indexOf(']', end);
                if (close < 0) {
                    throw new IllegalArgumentException("missing ']' after " + d.name());
                }
                arg = s.substring(end + 1, close);
                end = close + 1;
            } else if (d.argSyntax() == FieldDef.ArgSyntax.NAME && end < s.length() && s.charAt(end) == '.') {
                int e = end + 1;
                while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) {
                    e++;
                }
                arg = s.substring(end + 1, e);
                end = e;
            }
        }
        if (arg == null && d.has(FieldDef.REQUIRES_ARG)) {
            throw new IllegalArgumentException("field " + d.name() + " requires an argument");
        }
        return new Parsed(d.factory().create(d, arg), end);
    }

    /**
     * Makes a field from a whole name (as a filter writes it: {@code evt.arg.fd}, {@code proc.aname} with arg
     * {@code 2}). Returns null for an unknown name.
     */
    public static Field create(String name, String bracketArg) {
        FieldDef d = BY_NAME.get(name);
        String arg = bracketArg;
        if (d == null) {
            FieldDef p = longestPrefix(name, 0);
            if (p == null || p.argSyntax() != FieldDef.ArgSyntax.NAME || name.length() <= p.name().length()
                    || name.charAt(p.name().length()) != '.' || bracketArg != null) {
                return null;
            }
            d = p;
            arg = name.substring(p.name().length() + 1);
        } else if (arg != null && d.argSyntax() == FieldDef.ArgSyntax.NONE) {
            throw new IllegalArgumentException("field " + name + " does not take an argument");
        }
        if (arg == null && d.has(FieldDef.REQUIRES_ARG)) {
            throw new IllegalArgumentException("field " + name + " requires an argument");
        }
        return d.factory().create(d, arg);
    }

    /** Known field names closest to a misspelt one, for error messages. */
    public static List<String> closest(String name, int max) {
        List<String> names = new ArrayList<>(BY_NAME.keySet());
        names.sort((a, b) -> Integer.compare(distance(name, a), distance(name, b)));
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (out.size() >= max || distance(name, n) > Math.max(3, name.length() / 2)) {
                break;
            }
            out.add(n);
        }
        return out;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
