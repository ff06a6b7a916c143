package io.jdig.web;

import io.jdig.cli.Jdig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jdig ui}: its first word selects it, its problems are one line and exit 1; the sysdig options are untouched. */
class UiCommandTest {
    private record Result(int rc, String out, String err) {
    }

    private static Result jdig(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new Jdig(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpAndBadArguments() {
        Result h = jdig("ui", "--help");
        assertThat(h.rc()).isZero();
        assertThat(h.out()).startsWith("Usage: jdig ui").contains("--listen ADDR").contains("ssh -L");
        Result port = jdig("ui", "--port", "http");
        assertThat(port.rc()).isEqualTo(1);
        assertThat(port.err()).isEqualTo("jdig ui: invalid port http\n");
        Result missing = jdig("ui", "/nonexistent/trace.scap");
        assertThat(missing.rc()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).endsWith("jdig ui: /nonexistent/trace.scap: no such file or not readable\n")
                .doesNotContain("Exception");
        Result extra = jdig("ui", "--bogus");
        assertThat(extra.rc()).isEqualTo(1);
        assertThat(extra.err()).startsWith("jdig ui: unknown option or extra argument: --bogus");
    }

    @Test
    void theLiveRingsBoundsAreCheckedWithOneLineErrors() {
        assertThat(jdig("ui", "--help").out()).contains("--ring SIZE").contains("--keep SECONDS");
        for (String bad : new String[] {"12", "63M", "lots", "-1G", "", "99999999999G"}) {
            Result r = jdig("ui", "--ring", bad);
            assertThat(r.rc()).as(bad).isEqualTo(1);
            assertThat(r.err()).as(bad).isEqualTo("jdig ui: invalid ring size " + bad + " (at least 64M)\n");
        }
        for (String bad : new String[] {"0", "-5", "soon", "Infinity", "NaN"}) {
            Result r = jdig("ui", "--keep", bad);
            assertThat(r.rc()).as(bad).isEqualTo(1);
            assertThat(r.err()).as(bad).isEqualTo("jdig ui: invalid number of seconds " + bad + "\n");
        }
        assertThat(jdig("ui", "--ring").err()).isEqualTo("jdig ui: --ring needs a value\n");
        // good values pass on to the trace's check (a file that is not there)
        Result ok = jdig("ui", "--ring", "256M", "--keep", "60", "/nonexistent/trace.scap");
        assertThat(ok.err()).endsWith("/nonexistent/trace.scap: no such file or not readable\n");
    }

    @Test
    void uiElsewhereThanFirstIsAFilterAsForSysdig() {
        // "ui" after other options is sysdig's positional filter, not the web UI
        Result r = jdig("-r", "/nonexistent/trace.scap", "ui");
        assertThat(r.rc()).isNotZero();
        assertThat(r.err()).doesNotContain("jdig ui");
    }
}
