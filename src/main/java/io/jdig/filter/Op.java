package io.jdig.filter;

/**
 * Comparison operators of the sysdig filter language, as written in a filter.
 *
 * <p>{@link #kind()} tells which right-hand side the parser accepted:
 * {@link Kind#UNARY} has no value, {@link Kind#NUMERIC} a number literal, {@link Kind#STRING} one
 * string, {@link Kind#LIST} a parenthesised list or a single bare identifier.
 */
public enum Op {
    EQ("=", Kind.STRING),
    EQEQ("==", Kind.STRING),
    NE("!=", Kind.STRING),
    LT("<", Kind.NUMERIC),
    LE("<=", Kind.NUMERIC),
    GT(">", Kind.NUMERIC),
    GE(">=", Kind.NUMERIC),
    CONTAINS("contains", Kind.STRING),
    ICONTAINS("icontains", Kind.STRING),
    BCONTAINS("bcontains", Kind.STRING),
    STARTSWITH("startswith", Kind.STRING),
    BSTARTSWITH("bstartswith", Kind.STRING),
    ENDSWITH("endswith", Kind.STRING),
    GLOB("glob", Kind.STRING),
    IGLOB("iglob", Kind.STRING),
    REGEX("regex", Kind.STRING),
    IN("in", Kind.LIST),
    INTERSECTS("intersects", Kind.LIST),
    PMATCH("pmatch", Kind.LIST),
    EXISTS("exists", Kind.UNARY);

    /** The shape of the right-hand side an operator takes. */
    public enum Kind { UNARY, NUMERIC, STRING, LIST }

    private final String token;
    private final Kind kind;

    Op(String token, Kind kind) {
        this.token = token;
        this.kind = kind;
    }

    /** The operator as written in a filter, e.g. {@code "<="} or {@code "icontains"}. */
    public String token() {
        return token;
    }

    public Kind kind() {
        return kind;
    }

    /** True for operators spelled as a word (they must be followed by a blank when taking a string). */
    public boolean isWord() {
        return Character.isLetter(token.charAt(0));
    }

    /** True for {@code =} and {@code ==}, which mean the same thing. */
    public boolean isEquality() {
        return this == EQ || this == EQEQ;
    }

    /** Looks an operator up by its token; returns null when unknown. */
    public static Op fromToken(String token) {
        for (Op op : values()) {
            if (op.token.equals(token)) {
                return op;
            }
        }
        return null;
    }
}
