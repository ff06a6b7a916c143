package io.jdig.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    private static String p(String filter) {
        return FilterParser.parse(filter).toString();
    }

    private static Expr.Check check(String filter) {
        Expr e = FilterParser.parse(filter);
        assertThat(e).isInstanceOf(Expr.Check.class);
        return (Expr.Check) e;
    }

    // ------------------------------------------------------------ operators

    @Test
    void everyOperator() {
        String[][] cases = {
            {"proc.name=curl", "EQ", "curl"},
            {"proc.name==curl", "EQEQ", "curl"},
            {"proc.name!=curl", "NE", "curl"},
            {"evt.rawres<0", "LT", "0"},
            {"evt.rawres<=0", "LE", "0"},
            {"evt.buflen>100", "GT", "100"},
            {"evt.buflen>=100", "GE", "100"},
            {"proc.cmdline contains google", "CONTAINS", "google"},
            {"fd.name icontains ETC", "ICONTAINS", "ETC"},
            {"evt.buffer bcontains 48545450", "BCONTAINS", "48545450"},
            {"fd.name startswith /lib", "STARTSWITH", "/lib"},
            {"evt.buffer bstartswith 4854", "BSTARTSWITH", "4854"},
            {"fd.name endswith .so.6", "ENDSWITH", ".so.6"},
            {"fd.name glob /usr/lib/*", "GLOB", "/usr/lib/*"},
            {"fd.name iglob /USR/*", "IGLOB", "/USR/*"},
            {"fd.name regex ^/etc/.*$", "REGEX", "^/etc/.*$"},
        };
        for (String[] c : cases) {
            Expr.Check ch = check(c[0]);
            assertThat(ch.op()).as(c[0]).isEqualTo(Op.valueOf(c[1]));
            assertThat(ch.value()).as(c[0]).isInstanceOf(Value.Str.class);
            assertThat(((Value.Str) ch.value()).text()).as(c[0]).isEqualTo(c[2]);
        }
        Expr.Check ex = check("evt.type exists");
        assertThat(ex.op()).isEqualTo(Op.EXISTS);
        assertThat(ex.value()).isEqualTo(Value.None.INSTANCE);

        for (String op : List.of("in", "intersects", "pmatch")) {
            Expr.Check l = check("fd.name " + op + " (/etc, /usr)");
            assertThat(l.op()).isEqualTo(Op.fromToken(op));
            assertThat(l.value()).isInstanceOf(Value.StrList.class);
            assertThat(l.value().items()).extracting(Value.Str::text).containsExactly("/etc", "/usr");
        }
    }

    @Test
    void operatorsWithAndWithoutBlanks() {
        assertThat(p("proc.name = curl")).isEqualTo("proc.name = curl");
        assertThat(p("proc.name  =\tcurl")).isEqualTo("proc.name = curl");
        assertThat(p("evt.buflen >100")).isEqualTo("evt.buflen > 100");
        assertThat(p("evt.type in(open,close)")).isEqualTo("evt.type in (open, close)");
        assertThat(p("evt.type intersects(open)")).isEqualTo("evt.type intersects (open)");
        assertThat(p("fd.name contains\t/x")).isEqualTo("fd.name contains /x");
        // a word operator must be followed by a blank
        assertThatThrownBy(() -> FilterParser.parse("fd.name contains\"x\""))
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> FilterParser.parse("fd.name containsx"))
                .isInstanceOf(FilterException.class);
    }

    @Test
    void numbers() {
        assertThat(check("evt.rawres < -1").value().items().get(0).text()).isEqualTo("-1");
        assertThat(check("evt.rawres < +1.5").value().items().get(0).text()).isEqualTo("+1.5");
        assertThat(check("evt.rawres < 0x1F").value().items().get(0).text()).isEqualTo("0x1F");
        assertThat(check("evt.latency > 1.5e+3").value().items().get(0).text()).isEqualTo("1.5e+3");
        assertThat(check("evt.latency > 10.").value().items().get(0).text()).isEqualTo("10.");
        // sysdig also orders strings: a word after '<' or '>' is a string value
        assertThat(check("fd.name > abc").value().items().get(0).text()).isEqualTo("abc");
        // 1e5 has no exponent sign, so it is no number but a word (the compiler rejects it for numeric fields)
        assertThat(check("evt.latency > 1e5").value().items().get(0).text()).isEqualTo("1e5");
        assertThatThrownBy(() -> FilterParser.parse("evt.latency > (")).isInstanceOf(FilterException.class)
                .hasMessageContaining("expected a number");
    }

    @Test
    void bareValuesMayContainOperatorCharacters() {
        assertThat(check("evt.dir=<").value().items().get(0).text()).isEqualTo("<");
        assertThat(check("evt.dir = >").value().items().get(0).text()).isEqualTo(">");
        assertThat(check("fd.name=/a/b!c<d>e[1]").value().items().get(0).text()).isEqualTo("/a/b!c<d>e[1]");
        assertThat(check("proc.name=and").value().items().get(0).text()).isEqualTo("and");
    }

    @Test
    void listIdentifierForm() {
        // 'in foo' (a Falco list name) parses as a single unquoted value
        Expr.Check c = check("proc.name in bash");
        assertThat(c.value()).isEqualTo(new Value.Str("bash", 13, 17, false));
        assertThat(check("proc.name in ()").value().items()).isEmpty();
    }

    // ------------------------------------------------------------ precedence

    @Test
    void andBindsTighterThanOr() {
        Expr e = FilterParser.parse("a.a=1 and b.b=2 or c.c=3");
        assertThat(e).isInstanceOf(Expr.Or.class);
        Expr.Or or = (Expr.Or) e;
        assertThat(or.children()).hasSize(2);
        assertThat(or.children().get(0)).isInstanceOf(Expr.And.class);
        assertThat(e.toString()).isEqualTo("(a.a = 1 and b.b = 2) or c.c = 3");
        assertThat(p("a.a=1 or b.b=2 and c.c=3")).isEqualTo("a.a = 1 or (b.b = 2 and c.c = 3)");
        assertThat(p("a.a=1 or b.b=2 or c.c=3")).isEqualTo("a.a = 1 or b.b = 2 or c.c = 3");
        assertThat(((Expr.Or) FilterParser.parse("a.a=1 or b.b=2 or c.c=3")).children()).hasSize(3);
        assertThat(p("a.a=1 and b.b=2 and c.c=3 or d.d=4 and e.e=5"))
                .isEqualTo("(a.a = 1 and b.b = 2 and c.c = 3) or (d.d = 4 and e.e = 5)");
    }

    @Test
    void notBindsTighterThanAnd() {
        Expr e = FilterParser.parse("not a.a=1 and b.b=2");
        assertThat(e).isInstanceOf(Expr.And.class);
        assertThat(((Expr.And) e).children().get(0)).isInstanceOf(Expr.Not.class);
        assertThat(e.toString()).isEqualTo("(not a.a = 1) and b.b = 2");
        assertThat(p("a.a=1 or not b.b=2")).isEqualTo("a.a = 1 or (not b.b = 2)");
        assertThat(p("not not a.a=1")).isEqualTo("a.a = 1");
        assertThat(p("not not not a.a=1")).isEqualTo("not a.a = 1");
        assertThat(p("not (a.a=1 or b.b=2)")).isEqualTo("not (a.a = 1 or b.b = 2)");
        assertThat(p("not(a.a=1 or b.b=2) and c.c=3")).isEqualTo("(not (a.a = 1 or b.b = 2)) and c.c = 3");
        assertThat(p("not\ta.a=1")).isEqualTo("not a.a = 1");
        assertThat(FilterParser.parse("  not a.a=1").pos()).isEqualTo(2);
    }

    @Test
    void parentheses() {
        assertThat(p("(a.a=1)")).isEqualTo("a.a = 1");
        assertThat(p("((((a.a=1))))")).isEqualTo("a.a = 1");
        assertThat(p("a.a=1 and (b.b=2 or c.c=3)")).isEqualTo("a.a = 1 and (b.b = 2 or c.c = 3)");
        assertThat(p("(a.a=1 or b.b=2) and (c.c=3 or (d.d=4 and not e.e=5))"))
                .isEqualTo("(a.a = 1 or b.b = 2) and (c.c = 3 or (d.d = 4 and (not e.e = 5)))");
        assertThat(p("a.a=1 and(b.b=2 or c.c=3)")).isEqualTo("a.a = 1 and (b.b = 2 or c.c = 3)");
        assertThat(p("a.a=1 or(b.b=2)")).isEqualTo("a.a = 1 or b.b = 2");
        assertThat(p(" ( a.a=1 ) ")).isEqualTo("a.a = 1");
        assertThat(p("(evt.type=open or evt.type=close) and proc.name=curl"))
                .isEqualTo("(evt.type = open or evt.type = close) and proc.name = curl");
    }

    @Test
    void blanksAreSpacesTabsAndNewlines() {
        assertThat(p("a.a=1\nand\r\nb.b=2\tor c.c=3")).isEqualTo("(a.a = 1 and b.b = 2) or c.c = 3");
    }

    // ------------------------------------------------------------ strings

    @Test
    void quotedStrings() {
        assertThat(check("fd.name contains \"/\"").value()).isEqualTo(new Value.Str("/", 17, 20, true));
        assertThat(check("proc.name='my proc'").value().items().get(0).text()).isEqualTo("my proc");
        assertThat(check("proc.name=\"a(b),c=d\"").value().items().get(0).text()).isEqualTo("a(b),c=d");
        assertThat(check("proc.name=\"it's\"").value().items().get(0).text()).isEqualTo("it's");
        assertThat(check("proc.name='say \"hi\"'").value().items().get(0).text()).isEqualTo("say \"hi\"");
        assertThat(check("proc.name=\"\"").value().items().get(0).text()).isEmpty();
        assertThat(check("proc.name=\"é\"").value().items().get(0).bytes())
                .isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void escapes() {
        String v = check("fd.name=\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\/d\"").value().items().get(0).text();
        assertThat(v).isEqualTo("a\"b\\c\n\t\r\b\f/d");
        assertThat(check("fd.name='a\\'b'").value().items().get(0).text()).isEqualTo("a'b");
        // libs turns "\ " into a backslash
        assertThat(check("fd.name=\"a\\ b\"").value().items().get(0).text()).isEqualTo("a\\b");
        Value.Str hex = check("evt.buffer contains \"\\x48\\x54\\xff\"").value().items().get(0);
        assertThat(hex.bytes()).containsExactly(0x48, 0x54, 0xff);
        assertThat(check("fd.name=\"\\xc3\\xa9\"").value().items().get(0).text()).isEqualTo("é");
        // an escaped quote does not end the string; an escaped backslash before the quote does
        assertThat(check("fd.name=\"a\\\\\" and b.b=1".split(" and")[0]).value().items().get(0).text())
                .isEqualTo("a\\");
        assertThat(p("fd.name=\"a\\\\\" and b.b=1")).isEqualTo("fd.name = \"a\\\\\" and b.b = 1");

        assertError("fd.name=\"a\\qb\"", 10, "unsupported escape");
        assertError("fd.name='a\\\"b'", 10, "invalid");
        assertError("fd.name=\"a\\x4\"", 10, "hex");
        assertError("fd.name=\"a\\xzz\"", 10, "hex");
    }

    @Test
    void lists() {
        Expr.Check c = check("proc.name in (bash, 'sh', \"c u r l\" ,nginx,httpd)");
        assertThat(c.value().items()).extracting(Value.Str::text)
                .containsExactly("bash", "sh", "c u r l", "nginx", "httpd");
        assertThat(c.value().items()).extracting(Value.Str::quoted)
                .containsExactly(false, true, true, false, false);
        Value.StrList l = (Value.StrList) c.value();
        assertThat(l.pos()).isEqualTo(13);
        assertThat(l.endPos()).isEqualTo(49);
        assertThat(l.items().get(0).pos()).isEqualTo(14);
        assertThat(check("proc.name in ( a )").value().items()).extracting(Value.Str::text).containsExactly("a");
        assertThat(check("fd.name pmatch (/etc, /usr)").value().items()).extracting(Value.Str::text)
                .containsExactly("/etc", "/usr");
        assertError("proc.name in (a,)", 16, "expected a list element");
        assertError("proc.name in (a b)", 16, "expected ',' or ')'");
        assertError("proc.name in (a, b", 13, "never closed");
        assertError("proc.name in", 12, "expected a list");
        assertError("proc.name in 'a'", 13, "expected a list");
    }

    // ------------------------------------------------------------ fields

    @Test
    void fieldNamesAndArguments() {
        Expr.Check c = check("proc.aname[2]=bash");
        assertThat(c.field()).isEqualTo(new FieldRef("proc.aname", "2", 0, 13));
        assertThat(check("evt.arg[0] = 3").field()).isEqualTo(new FieldRef("evt.arg", "0", 0, 10));
        assertThat(check("evt.arg.fd = 3").field()).isEqualTo(new FieldRef("evt.arg.fd", null, 0, 10));
        assertThat(check("evt.arg.res < 0").field().name()).isEqualTo("evt.arg.res");
        assertThat(check("fd.cip.name exists").field().name()).isEqualTo("fd.cip.name");
        assertThat(check("thread.cgroup.cpuacct=/").field().name()).isEqualTo("thread.cgroup.cpuacct");
        assertThat(check("container.mount[/var/lib] exists").field().arg()).isEqualTo("/var/lib");
        assertThat(check("proc.env['MY VAR'] = x").field().arg()).isEqualTo("MY VAR");
        assertThat(check("proc.env[\"X\"] = x").field()).isEqualTo(new FieldRef("proc.env", "X", 0, 13));
        assertThat(check("evt.around[1234]=10").field().arg()).isEqualTo("1234");
        assertThat(check("evt.type_x.a_1 exists").field().name()).isEqualTo("evt.type_x.a_1");
        assertThat(check("evt.arg.1 exists".replace(".1 ", "[1] ")).field().arg()).isEqualTo("1");
        // a dot not followed by a letter ends the name
        assertError("evt.arg.1 = 3", 7, "unknown operator");
        assertError("proc.aname[] = 3", 11, "field argument");
        assertError("proc.aname[2 = 3", 12, "']'");
        assertError("proc.aname [2] = 3", 11, "unknown operator");
    }

    // ------------------------------------------------------------ positions

    @Test
    void positions() {
        Expr e = FilterParser.parse("  proc.name = curl and not fd.num >= 3");
        Expr.And and = (Expr.And) e;
        assertThat(and.pos()).isEqualTo(2);
        Expr.Check c1 = (Expr.Check) and.children().get(0);
        assertThat(c1.pos()).isEqualTo(2);
        assertThat(c1.field()).isEqualTo(new FieldRef("proc.name", null, 2, 11));
        assertThat(c1.value()).isEqualTo(new Value.Str("curl", 14, 18, false));
        Expr.Not not = (Expr.Not) and.children().get(1);
        assertThat(not.pos()).isEqualTo(23);
        Expr.Check c2 = (Expr.Check) not.child();
        assertThat(c2.pos()).isEqualTo(27);
        assertThat(c2.value().pos()).isEqualTo(37);
    }

    @Test
    void conformanceFiltersParse() throws IOException {
        Path tsv = io.jdig.Prerequisites.shared("conformance", "filters.tsv");
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String filter = line.substring(line.indexOf('\t') + 1);
            Expr e = FilterParser.parse(filter);
            // printing and re-parsing gives the same tree
            assertThat(FilterParser.parse(e.toString()).toString()).as(filter).isEqualTo(e.toString());
        }
    }

    @Test
    void toStringRoundTrips() {
        for (String f : List.of("a.a = \"x y\" and not (b.b in (1, '2') or c.c[k] exists)",
                "fd.name = \"tab\\there\" or fd.name = 'q\"'", "proc.env[\"a b\"] = 1")) {
            String once = p(f);
            assertThat(p(once)).as(f).isEqualTo(once);
        }
    }

    // ------------------------------------------------------------ errors

    static void assertError(String filter, int pos, String messagePart) {
        assertThatThrownBy(() -> FilterParser.parse(filter))
                .as(filter)
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.reason()).as(filter).containsIgnoringCase(messagePart);
                    assertThat(e.position()).as(filter + " -> " + e.reason()).isEqualTo(pos);
                    assertThat(e.filter()).isEqualTo(filter);
                });
    }

    @Test
    void errors() {
        assertError("", 0, "empty");
        assertError("   ", 3, "empty");
        // unbalanced parentheses
        assertError("(proc.name=curl", 0, "never closed");
        assertError("((proc.name=curl)", 0, "never closed");
        assertError("proc.name=curl)", 14, "without a matching '('");
        assertError("(proc.name=curl))", 16, "without a matching '('");
        assertError("not(proc.name=curl", 3, "never closed");
        assertError("()", 1, "expected a field check");
        // missing value
        assertError("proc.name=", 10, "expected a value after '='");
        assertError("proc.name = and evt.type=open", 12, "expected a value after '='");
        assertError("proc.name != or evt.type=open", 13, "expected a value after '!='");
        assertError("proc.name contains ", 19, "expected a value after 'contains'");
        assertError("proc.name contains", 18, "expected a value after 'contains'");
        assertError("evt.rawres <", 12, "expected a value after '<'");
        assertError("proc.name=)", 10, "expected a value");
        // unknown or missing operator
        assertError("proc.name ~ curl", 10, "unknown operator '~'");
        assertError("proc.name like curl", 10, "unknown operator 'like'");
        assertError("proc.name", 9, "expected an operator after 'proc.name'");
        assertError("proc.name curl", 10, "unknown operator 'curl'");
        // unterminated quote
        assertError("proc.name=\"curl", 10, "unterminated");
        assertError("proc.name='curl", 10, "unterminated");
        assertError("proc.name in (\"a, b)", 14, "unterminated");
        assertError("proc.name=\"curl\\\"", 10, "unterminated");
        // trailing garbage
        assertError("proc.name=curl evt.type=open", 15, "unexpected 'evt.type=open'");
        assertError("proc.name=curl and", 18, "after 'and'");
        assertError("proc.name=curl or ", 18, "after 'or'");
        assertError("proc.name=curl andevt.type=open", 18, "expected a blank or '(' after 'and'");
        assertError("proc.name=\"curl\"x", 16, "unexpected 'x'");
        // bare identifiers
        assertError("curl", 0, "not a field");
        assertError("proc.name=curl and bash", 19, "not a field");
        assertError("tolower(proc.name) = curl", 0, "not supported");
        assertError("not", 0, "unexpected 'not'");
        assertError("and proc.name=x", 0, "unexpected 'and'");
        assertError("= x", 0, "expected a field check");
        assertError("1.a=x", 0, "expected a field check");
    }

    @Test
    void depthLimit() {
        String ok = "(".repeat(FilterParser.MAX_DEPTH) + "a.a=1" + ")".repeat(FilterParser.MAX_DEPTH);
        assertThat(p(ok)).isEqualTo("a.a = 1");
        String tooDeep = "(".repeat(FilterParser.MAX_DEPTH + 1) + "a.a=1" + ")".repeat(FilterParser.MAX_DEPTH + 1);
        assertError(tooDeep, FilterParser.MAX_DEPTH, "nested too deeply");
        String deepNot = "not(".repeat(5000) + "a.a=1";
        assertThatThrownBy(() -> FilterParser.parse(deepNot)).isInstanceOf(FilterException.class);
        String manyNots = "not ".repeat(100_000) + "a.a=1";
        assertThat(p(manyNots)).isEqualTo("a.a = 1");
    }

    @Test
    void render() {
        FilterException e = catchFilter("proc.name = and evt.type=open");
        assertThat(e.position()).isEqualTo(12);
        assertThat(e.render()).isEqualTo("""
                jdig: filter error at position 13: expected a value after '='
                  proc.name = and evt.type=open
                              ^""");
        FilterException end = catchFilter("proc.name=\n");
        assertThat(end.render()).isEqualTo(
                "jdig: filter error at position 12: expected a value after '='\n  proc.name= \n             ^");
    }

    private static FilterException catchFilter(String f) {
        try {
            FilterParser.parse(f);
        } catch (FilterException e) {
            return e;
        }
        throw new AssertionError("no error for " + f);
    }
}
