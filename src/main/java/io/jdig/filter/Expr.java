package io.jdig.filter;

import java.util.List;

/**
 * A parsed filter expression. Parentheses do not appear in the tree; they only shape it.
 *
 * <p>Every node carries {@code pos}, the 0-based offset in the filter string where it starts, for
 * error messages. {@link #toString()} renders the expression back as a fully parenthesised filter
 * that parses to an equal tree (positions aside).
 */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.Check {

    /** 0-based offset where this expression starts in the filter string. */
    int pos();

    /** Conjunction of two or more expressions. {@code pos} is the first child's position. */
    record And(List<Expr> children, int pos) implements Expr {
        public And {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return join(children, " and ");
        }
    }

    /** Disjunction of two or more expressions. {@code pos} is the first child's position. */
    record Or(List<Expr> children, int pos) implements Expr {
        public Or {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return join(children, " or ");
        }
    }

    /** Negation. {@code pos} is the position of the {@code not} keyword. */
    record Not(Expr child, int pos) implements Expr {
        @Override
        public String toString() {
            return "not " + wrap(child);
        }
    }

    /**
     * A field check: {@code field op value}. {@code value} is {@link Value.None#INSTANCE} for
     * {@code exists}. {@code pos} is the field's position.
     */
    record Check(FieldRef field, Op op, Value value, int pos) implements Expr {
        @Override
        public String toString() {
            if (op == Op.EXISTS) {
                return field + " exists";
            }
            return field + " " + op.token() + " " + value;
        }
    }

    private static String join(List<Expr> children, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(wrap(children.get(i)));
        }
        return sb.toString();
    }

    private static String wrap(Expr e) {
        return e instanceof Check ? e.toString() : "(" + e + ")";
    }
}
