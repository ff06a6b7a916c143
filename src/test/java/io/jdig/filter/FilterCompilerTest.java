package io.jdig.filter;

import io.jdig.cli.Jdig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compiler: every operator against sysdig 0.29's answers on a real trace (the counts are what sysdig 0.29.3
 * printed for {@code -p %evt.num FILTER} on libs__curl_google.scap), precedence, and errors with positions.
 */
class FilterCompilerTest {
    static final Path TRACE = Path.of("..", "shared", "traces", "libs__curl_google.scap").toAbsolutePath();

    static int count(String filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new Jdig(out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"-r", TRACE.toString(), "-p", "%evt.num", filter});
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return (int) out.toString(StandardCharsets.UTF_8).lines().count();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '\t', textBlock = """
            proc.name=curl	1221
            proc.name==curl	1221
            proc.name!=curl	0
            evt.cpu<1	1221
            evt.cpu<=1	1221
            evt.cpu>0	0
            evt.cpu>=1	0
            fd.name contains google	0
            fd.name icontains GOOGLE	0
            fd.name startswith /usr	194
            fd.name endswith .so	0
            fd.name glob /etc/*	60
            fd.name pmatch (/etc)	60
            evt.type in (read, write)	110
            proc.name exists	1221
            fd.cip exists	20
            evt.failed=false	1178
            fd.ip=127.0.0.1	0
            fd.ip!=127.0.0.1	31
            fd.net=127.0.0.0/8	0
            fd.port=53	9
            fd.port!=53	22
            fd.sport in (53, 80)	20
            proc.aname=bash	1221
            proc.aname!=bash	1221
            proc.apid=3200	1221
            evt.buffer contains HTTP	2
            evt.buffer startswith GET	1
            evt.rawarg.res<0	42
            evt.arg.fd=3	0
            evt.type.is.read=1	100
            fd.l4proto=udp	9
            fd.rport=53	9
            proc.name<curl	0
            proc.name>curl	0
            evt.res!=SUCCESS	43
            fd.sip=2a00:1450:4007:816::2004	0
            fd.proto=http	11
            evt.is_open_read=true	48
            evt.count.error=1	43
            fd.cnet=0.0.0.0/0	0
            """)
    void operatorsMatchSysdig(String filter, int expected) {
        io.jdig.Prerequisites.require(Files.exists(TRACE), TRACE + " is missing (the shared material)");
        assertThat(count(filter)).isEqualTo(expected);
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        io.jdig.Prerequisites.require(Files.exists(TRACE), TRACE + " is missing (the shared material)");
        String a = "evt.type=open";
        String b = "evt.type=read";
        String c = "fd.name startswith /usr";
        assertThat(count(a + " or " + b + " and " + c)).isEqualTo(count(a + " or (" + b + " and " + c + ")"));
        assertThat(count("not " + a + " and " + c)).isEqualTo(count("(not " + a + ") and " + c));
        assertThat(count("not (" + a + " or " + b + ")")).isEqualTo(count("not " + a + " and not " + b));
    }

    @Test
    void precedenceInTheTree() {
        Expr e = FilterParser.parse("a.b=1 or c.d=2 and not e.f=3");
        assertThat(e).isInstanceOf(Expr.Or.class);
        Expr.Or or = (Expr.Or) e;
        assertThat(or.children().get(1)).isInstanceOf(Expr.And.class);
        assertThat(((Expr.And) or.children().get(1)).children().get(1)).isInstanceOf(Expr.Not.class);
    }

    private static FilterException error(String filter) {
        try {
            FilterCompiler.compile(filter);
        } catch (FilterException e) {
            return e;
        }
        throw new AssertionError("no error for " + filter);
    }

    @Test
    void unknownFieldSuggestsClosestNames() {
        FilterException e = error("proc.nme=bash");
        assertThat(e.position()).isZero();
        assertThat(e.reason()).contains("unknown field 'proc.nme'").contains("proc.name");
        assertThat(e.render()).contains("\n  proc.nme=bash\n  ^");
    }

    @Test
    void operatorsAFieldTypeDoesNotSupport() {
        assertThat(error("evt.cpu contains 1").reason()).contains("cannot be used with numeric field");
        assertThat(error("evt.failed glob t*").reason()).contains("boolean");
        assertThat(error("fd.ip contains 1.2.3.4").reason()).contains("address field");
        assertThat(error("fd.net startswith 10.0.0.0/8").reason()).contains("network field");
        assertThat(error("evt.buffer icontains x").reason()).contains("buffer field");
        assertThat(error("evt.cpu pmatch (/a)").reason()).contains("pmatch");
        assertThat(error("fd.port exists").reason()).contains("=, != or in");
        assertThat(error("proc.fdusage=1").reason()).contains("DOUBLE");
    }

    @Test
    void badValuesPointAtTheValue() {
        FilterException e = error("evt.failed=yes");
        assertThat(e.reason()).contains("boolean");
        assertThat(e.position()).isEqualTo("evt.failed=".length());
        assertThat(error("evt.cpu=0x1").reason()).contains("not a valid number");
        assertThat(error("fd.ip=1.2.3").reason()).contains("IPv4");
        assertThat(error("fd.net=10.0.0.0").reason()).contains("prefix");
        assertThat(error("fd.net=10.0.0.0/33").reason()).contains("netmask");
        assertThat(error("fd.sport=nosuchservice").reason()).contains("unrecognized protocol");
        assertThat(error("evt.type.is.nosuchevent=1").reason()).contains("unknown event type");
        assertThat(error("evt.arg.nosucharg=1").reason()).contains("unknown event argument");
        assertThat(error("evt.around[123]>1").reason()).contains("'='");
        assertThat(error("evt.outputtime=1").reason()).contains("printed");
    }

    @Test
    void numbersAreTruncatedToTheFieldType() {
        io.jdig.Prerequisites.require(Files.exists(TRACE), TRACE + " is missing (the shared material)");
        // evt.cpu is a 16-bit signed number: 65536 is 0, as in sysdig
        assertThat(count("evt.cpu=65536")).isEqualTo(count("evt.cpu=0"));
        assertThat(count("evt.cpu=-1")).isZero();
    }

    @Test
    void parserErrorsAreFilterExceptions() {
        assertThatThrownBy(() -> FilterCompiler.compile("proc.name=")).isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> FilterCompiler.compile("(proc.name=a")).isInstanceOf(FilterException.class);
    }
}
