package io.jdig.pipeline;

import io.jdig.filter.Expr;
import io.jdig.filter.FilterParser;
import io.jdig.filter.Op;
import io.jdig.filter.Value;

import java.util.HashSet;
import java.util.Set;

/**
 * Which event types a filter can admit, worked out from its syntax tree, so that live capture can tell the kernel
 * side to skip the rest. {@code null} means "any type". Conservative: only {@code evt.type = X} and
 * {@code evt.type in (...)} restrict; {@code and} intersects, {@code or} unites, {@code not} and every other check
 * admit everything.
 */
final class InterestingTypes {
    private InterestingTypes() {
    }

    static Set<String> of(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return types(FilterParser.parse(filter));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Set<String> types(Expr e) {
        return switch (e) {
            case Expr.Check c -> check(c);
            case Expr.Not n -> null;
            case Expr.And a -> {
                Set<String> acc = null;
                for (Expr child : a.children()) {
                    Set<String> s = types(child);
                    if (s == null) {
                        continue;
                    }
                    if (acc == null) {
                        acc = new HashSet<>(s);
                    } else {
                        acc.retainAll(s);
                    }
                }
                yield acc;
            }
            case Expr.Or o -> {
                Set<String> acc = new HashSet<>();
                for (Expr child : o.children()) {
                    Set<String> s = types(child);
                    if (s == null) {
                        yield null;
                    }
                    acc.addAll(s);
                }
                yield acc;
            }
        };
    }

    private static Set<String> check(Expr.Check c) {
        if (!c.field().name().equals("evt.type") || c.field().hasArg()) {
            return null;
        }
        if (c.op() == Op.EQ || c.op() == Op.EQEQ || c.op() == Op.IN) {
            Set<String> s = new HashSet<>();
            for (Value.Str v : c.value().items()) {
                s.add(v.text());
            }
            return s;
        }
        return null;
    }
}
