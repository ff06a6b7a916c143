package io.jdig.filter;

import io.jdig.field.FieldDef;
import io.jdig.field.FieldRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random filters built from the grammar with real field names, values of every kind and random mutations:
 * each one either compiles or fails with a FilterException that has a position inside the filter. Nothing
 * else may escape.
 */
class FilterCompilerPropertyTest {
    static final String[] OPS = {"=", "==", "!=", "<", "<=", ">", ">=", "contains", "icontains", "bcontains",
            "startswith", "bstartswith", "endswith", "glob", "iglob", "regex", "in", "intersects", "pmatch", "exists"};
    static final String[] VALUES = {"0", "1", "-1", "65536", "4294967296", "18446744073709551615", "0x10", "1.5",
            "true", "false", "bash", "/etc", "/usr/lib/*", "\"a b\"", "'q'", "127.0.0.1", "10.0.0.0/8", "::1",
            "fe80::/64", "http", "48545450", "zz", "\"\\x41\"", "SUCCESS", "ENOENT", "open", "", "[", "*"};
    static final String[] ARGS = {"0", "1", "2", "-1", "fd", "res", "x", "/usr/*", "1404996934793590564"};

    static String field(Random r, List<FieldDef> defs) {
        FieldDef d = defs.get(r.nextInt(defs.size()));
        String n = d.name();
        switch (d.argSyntax()) {
            case INDEX -> {
                if (r.nextInt(3) > 0) {
                    n += "[" + ARGS[r.nextInt(ARGS.length)] + "]";
                }
            }
            case NAME -> {
                int k = r.nextInt(3);
                if (k == 0) {
                    n += "." + ARGS[r.nextInt(ARGS.length)].replaceAll("[^a-z0-9]", "a");
                } else if (k == 1) {
                    n += "[" + ARGS[r.nextInt(4)] + "]";
                }
            }
            default -> {
            }
        }
        return n;
    }

    static String check(Random r, List<FieldDef> defs) {
        String op = OPS[r.nextInt(OPS.length)];
        String f = field(r, defs);
        if (op.equals("exists")) {
            return f + " exists";
        }
        if (op.equals("in") || op.equals("intersects") || op.equals("pmatch")) {
            StringBuilder sb = new StringBuilder(f).append(' ').append(op).append(" (");
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? ", " : "").append(VALUES[r.nextInt(VALUES.length)]);
            }
            return sb.append(')').toString();
        }
        boolean word = Character.isLetter(op.charAt(0));
        return f + (word || r.nextBoolean() ? " " : "") + op + " " + VALUES[r.nextInt(VALUES.length)];
    }

    static String expr(Random r, List<FieldDef> defs, int depth) {
        int k = depth > 3 ? 0 : r.nextInt(5);
        return switch (k) {
            case 1 -> expr(r, defs, depth + 1) + " and " + expr(r, defs, depth + 1);
            case 2 -> expr(r, defs, depth + 1) + " or " + expr(r, defs, depth + 1);
            case 3 -> "not " + expr(r, defs, depth + 1);
            case 4 -> "(" + expr(r, defs, depth + 1) + ")";
            default -> check(r, defs);
        };
    }

    static String mutate(Random r, String s) {
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s);
        int n = 1 + r.nextInt(3);
        String noise = "()[]\"' =!<>,\\x.";
        for (int i = 0; i < n && sb.length() > 0; i++) {
            int p = r.nextInt(sb.length());
            switch (r.nextInt(3)) {
                case 0 -> sb.deleteCharAt(p);
                case 1 -> sb.insert(p, noise.charAt(r.nextInt(noise.length())));
                default -> sb.setCharAt(p, noise.charAt(r.nextInt(noise.length())));
            }
        }
        return sb.toString();
    }

    static void compilesOrFailsWithPosition(String filter) {
        try {
            FilterCompiler.compile(filter);
        } catch (FilterException e) {
            assertThat(e.position()).as(filter + " -> " + e.getMessage()).isBetween(0, filter.length());
            assertThat(e.render()).startsWith("jdig: filter error");
        } catch (Throwable t) {
            fail("filter '" + filter + "' threw " + t, t);
        }
    }

    @Test
    void randomFiltersCompileOrFailWithAPosition() {
        List<FieldDef> defs = FieldRegistry.all();
        Random r = new Random(29);
        int compiled = 0;
        for (int i = 0; i < 20_000; i++) {
            String f = expr(r, defs, 0);
            if (r.nextInt(4) == 0) {
                f = mutate(r, f);
            }
            compilesOrFailsWithPosition(f);
            try {
                FilterCompiler.compile(f);
                compiled++;
            } catch (FilterException e) {
                // counted below
            }
        }
        // the generator must exercise the compiler, not only the parser's error paths
        assertThat(compiled).isGreaterThan(1000);
    }
}
