package io.jdig.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random filters from the grammar, and random corruptions of them. */
class FilterParserPropertyTest {

    private static final String[] FIELDS = {
        "proc.name", "evt.type", "fd.name", "evt.arg.fd", "fd.cip.name", "thread.cgroup.cpuacct", "evt.rawres",
        "user.uid", "proc.aname[2]", "evt.arg[0]", "proc.env['HOME']", "container.mount[/var/lib]", "a_1.b2.c_"
    };
    private static final String[] BARE = {"curl", "/etc/passwd", "<", ">", "1.2.3.4", "a!b", "x[1]", "-",
        "and", "or", "not", "in", "exists", "0x10", "*.so", "/usr/lib/*", "SUCCESS", "é"};
    private static final String[] QUOTED_TEXT = {"", "a b", "it's", "say \"hi\"", "a\\b", "tab\there", "(x,y)=z",
        "line\nbreak", "and", "é"};
    private static final String[] NUMBERS = {"0", "-1", "+2", "100", "1.5", "10.", "2.5e+3", "0x1f", "0XAB"};
    private static final Op[] STR_OPS = {Op.EQ, Op.EQEQ, Op.NE, Op.CONTAINS, Op.ICONTAINS, Op.BCONTAINS,
        Op.STARTSWITH, Op.BSTARTSWITH, Op.ENDSWITH, Op.GLOB, Op.IGLOB, Op.REGEX};
    private static final Op[] NUM_OPS = {Op.LT, Op.LE, Op.GT, Op.GE};
    private static final Op[] LIST_OPS = {Op.IN, Op.INTERSECTS, Op.PMATCH};

    /** Text of a generated expression and the canonical string the parser should print for it. */
    private record Gen(String text, String canon, char kind) {
        String wrapped() {
            return kind == 'c' ? canon : "(" + canon + ")";
        }
    }

    private final Random r = new Random(20240611L);

    private String blank() {
        return switch (r.nextInt(8)) {
            case 0 -> "  ";
            case 1 -> "\t";
            case 2 -> "\n";
            default -> " ";
        };
    }

    private String optBlank() {
        return r.nextBoolean() ? "" : blank();
    }

    private Gen gen(int depth) {
        int choice = depth <= 0 ? 0 : r.nextInt(6);
        return switch (choice) {
            case 0, 1 -> check();
            case 2 -> nary(depth, " or ", 'o');
            case 3 -> nary(depth, " and ", 'a');
            case 4 -> not(depth);
            default -> {
                Gen g = gen(depth - 1);
                yield new Gen("(" + optBlank() + g.text + optBlank() + ")", g.canon, g.kind);
            }
        };
    }

    private Gen nary(int depth, String sep, char kind) {
        int k = 2 + r.nextInt(3);
        StringBuilder text = new StringBuilder();
        StringBuilder canon = new StringBuilder();
        for (int i = 0; i < k; i++) {
            Gen c = gen(depth - 1);
            // an operand of the same or looser binding must be parenthesised
            boolean paren = c.kind == 'o' || c.kind == 'a';
            String ct = paren ? "(" + c.text + ")" : c.text;
            if (i > 0) {
                String kw = sep.trim();
                text.append(blank()).append(kw).append(paren && r.nextBoolean() ? "" : blank());
                canon.append(sep);
            }
            text.append(ct);
            canon.append(c.wrapped());
        }
        return new Gen(text.toString(), canon.toString(), kind);
    }

    private Gen not(int depth) {
        Gen c = r.nextBoolean() ? check() : gen(depth - 1);
        String text;
        if (c.kind == 'c' && r.nextBoolean()) {
            text = "not" + blank() + c.text;
        } else if (r.nextBoolean()) {
            text = "not(" + optBlank() + c.text + optBlank() + ")";
        } else {
            text = "not" + blank() + "(" + c.text + ")";
        }
        return new Gen(text, "not " + c.wrapped(), 'n');
    }

    private Gen check() {
        String field = FIELDS[r.nextInt(FIELDS.length)];
        String fieldCanon = FilterParser.parse(field + " exists") instanceof Expr.Check c ? c.field().toString() : "";
        int kind = r.nextInt(10);
        if (kind == 0) {
            return new Gen(field + blank() + "exists", fieldCanon + " exists", 'c');
        }
        if (kind <= 2) {
            Op op = NUM_OPS[r.nextInt(NUM_OPS.length)];
            String v = NUMBERS[r.nextInt(NUMBERS.length)];
            return new Gen(field + optBlank() + op.token() + optBlank() + v,
                    fieldCanon + " " + op.token() + " " + v, 'c');
        }
        if (kind <= 7) {
            Op op = STR_OPS[r.nextInt(STR_OPS.length)];
            String[] v = strValue();
            String before = op.isWord() ? blank() : optBlank();
            String after = op.isWord() ? blank() : optBlank();
            return new Gen(field + before + op.token() + after + v[0], fieldCanon + " " + op.token() + " " + v[1], 'c');
        }
        Op op = LIST_OPS[r.nextInt(LIST_OPS.length)];
        if (r.nextInt(5) == 0) {
            return new Gen(field + blank() + op.token() + blank() + "bash", fieldCanon + " " + op.token() + " bash", 'c');
        }
        int k = r.nextInt(4);
        StringBuilder text = new StringBuilder("(").append(optBlank());
        StringBuilder canon = new StringBuilder("(");
        for (int i = 0; i < k; i++) {
            if (i > 0) {
                text.append(optBlank()).append(',').append(optBlank());
                canon.append(", ");
            }
            String[] v = strValue();
            text.append(v[0]);
            canon.append(v[1]);
        }
        text.append(optBlank()).append(')');
        canon.append(')');
        // a list operator glued to a plain field name would be read as part of the name
        String before = field.endsWith("]") ? optBlank() : blank();
        return new Gen(field + before + op.token() + optBlank() + text, fieldCanon + " " + op.token() + " " + canon,
                'c');
    }

    /** {text as written, canonical form}. */
    private String[] strValue() {
        if (r.nextBoolean()) {
            String b = BARE[r.nextInt(BARE.length)];
            return new String[] {b, b};
        }
        String t = QUOTED_TEXT[r.nextInt(QUOTED_TEXT.length)];
        char q = r.nextBoolean() ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : t.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append(r.nextBoolean() ? "\\t" : "\t");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c == q) {
                        sb.append('\\').append(c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append(q);
        return new String[] {sb.toString(), Quoting.quote(t)};
    }

    @Test
    void generatedFiltersParseToTheExpectedTree() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 5000; i++) {
                Gen g = gen(4);
                String text = optBlank() + g.text + optBlank();
                Expr e;
                try {
                    e = FilterParser.parse(text);
                } catch (FilterException ex) {
                    throw new AssertionError("valid filter rejected: " + text + "\n" + ex.render(), ex);
                }
                assertThat(e.toString()).as(text).isEqualTo(g.canon);
                assertThat(FilterParser.parse(e.toString()).toString()).as(text).isEqualTo(g.canon);
            }
        });
    }

    private static final String NOISE = "()[]\"'\\=!<>, \t\nandornotinx.0_é";

    @Test
    void mutatedFiltersFailCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int failures = 0;
            for (int i = 0; i < 20_000; i++) {
                StringBuilder sb = new StringBuilder(gen(3).text);
                int mutations = 1 + r.nextInt(4);
                for (int m = 0; m < mutations; m++) {
                    int len = sb.length();
                    switch (r.nextInt(4)) {
                        case 0 -> {
                            if (len > 0) {
                                sb.deleteCharAt(r.nextInt(len));
                            }
                        }
                        case 1 -> sb.insert(r.nextInt(len + 1), NOISE.charAt(r.nextInt(NOISE.length())));
                        case 2 -> {
                            if (len > 0) {
                                sb.setCharAt(r.nextInt(len), NOISE.charAt(r.nextInt(NOISE.length())));
                            }
                        }
                        default -> {
                            if (len > 0) {
                                sb.setLength(r.nextInt(len));
                            }
                        }
                    }
                }
                if (parseCleanly(sb.toString())) {
                    failures++;
                }
            }
            assertThat(failures).as("mutations should usually break the filter").isGreaterThan(1000);
        });
    }

    @Test
    void randomGarbageFailsCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            String alphabet = NOISE + "abcdefghijklmnopqrstuvwxyz.[]0123456789";
            for (int i = 0; i < 20_000; i++) {
                int n = r.nextInt(40);
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                parseCleanly(sb.toString());
            }
            List<String> deep = new ArrayList<>();
            deep.add("(".repeat(100_000));
            deep.add("not(".repeat(50_000));
            deep.add("a.a=1 and (".repeat(20_000));
            deep.add("proc.name in (" + "a,".repeat(100_000));
            deep.add("\"".repeat(10_001));
            deep.add("a.a=\"" + "\\".repeat(100_001));
            for (String d : deep) {
                parseCleanly(d);
            }
        });
    }

    /** Parses and checks the outcome; returns true if it was a FilterException. */
    private static boolean parseCleanly(String filter) {
        try {
            Expr e = FilterParser.parse(filter);
            // whatever parses must print as something that parses to the same thing
            String once = e.toString();
            assertThat(FilterParser.parse(once).toString()).as(filter).isEqualTo(once);
            return false;
        } catch (FilterException ex) {
            assertThat(ex.position()).as("position for %s: %s", filter, ex.reason())
                    .isBetween(0, filter.length());
            assertThat(ex.reason()).doesNotContain("cannot parse filter (");
            assertThat(ex.render()).isNotEmpty();
            return true;
        }
    }
}
