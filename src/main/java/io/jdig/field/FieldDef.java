package io.jdig.field;

import io.jdig.event.ParamType;
import io.jdig.event.PrintFormat;

/**
 * A field in the registry: its name, value type, print format, flags and description, and how to make an
 * extractor for it (given the argument written after it, e.g. the {@code 1} of {@code proc.aname[1]}).
 */
public record FieldDef(String name, ParamType type, PrintFormat format, int flags, String description,
                       ArgSyntax argSyntax, Factory factory) {
    public static final int FILTER_ONLY = 1;
    public static final int PRINT_ONLY = 2;
    public static final int REQUIRES_ARG = 4;
    public static final int TABLE_ONLY = 8;
    public static final int HIDDEN = 16;

    /** How an argument may follow the field name. */
    public enum ArgSyntax {
        NONE, INDEX, NAME
    }

    /** Creates the extractor for one use of the field; throws IllegalArgumentException for a bad argument. */
    @FunctionalInterface
    public interface Factory {
        Field create(FieldDef def, String arg);
    }

    public String fieldClass() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
