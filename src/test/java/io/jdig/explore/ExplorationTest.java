package io.jdig.explore;

import io.jdig.cli.Jdig;
import io.jdig.conformance.Shared;
import io.jdig.view.cli.Cjdig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exploration API answers as cjdig's batch output and jdig's printer do on the same capture. */
class ExplorationTest {
    @ParameterizedTest
    @CsvSource({"libs__sample,procs", "libs__sample,files", "libs__curl_google,connections",
            "falco__cat_write,syscalls", "libs__curl_google,sports", "libs__sample,procs_errors"})
    void aViewShowsTheTableCjdigPrints(String name, String view) {
        Path t = Shared.trace(name);
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            ViewResult r = x.view(ViewQuery.of(view));
            assertThat(CjdigRaw.rows(r)).isEqualTo(CjdigRaw.lastTable("-r", t.toString(), "-v", view, "--raw"));
            assertThat(r.columns()).isNotEmpty();
        }
    }

    @Test
    void drillingDownFiltersByTheSelectedKeyAndBackReturns() {
        Path t = Shared.trace("libs__sample");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            ViewQuery top = ViewQuery.of("procs");
            ViewResult procs = x.view(top);
            int opened = 0;
            for (ViewResult.Row row : procs.rows()) {
                ViewQuery down = x.drillDown(top, row.key());
                assertThat(down).isNotNull();
                assertThat(down.path()).containsExactly(new Selection("procs", row.key()));
                assertThat(x.selectionFilter(down)).endsWith("proc.pid=" + row.key());
                assertThat(down.back()).isEqualTo(top);
                // the selection's events are those a filter on its key selects
                List<String> dig = x.dig(x.selectionFilter(down), TimeRange.ALL, 100_000);
                assertThat(dig).isEqualTo(printed(t.toString(), x.selectionFilter(down)));
                if (!dig.isEmpty()) {
                    ViewResult threads = x.view(down);
                    assertThat(threads.rows()).isNotEmpty();
                    assertThat(threads.filter()).contains("proc.pid=" + row.key() + ")");
                    if (++opened == 3) {
                        break;
                    }
                }
            }
            assertThat(opened).isEqualTo(3);
        }
    }

    @Test
    void aTimeRangeSelectsAsAFilterOnRawtime() {
        Path t = Shared.trace("libs__sample");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            TimeRange all = x.span();
            long mid = all.fromNs() + (all.toNs() - all.fromNs()) / 2;
            TimeRange half = new TimeRange(all.fromNs(), mid);
            List<String> dig = x.dig("", half, 1_000_000);
            assertThat(dig).isEqualTo(printed(t.toString(), "evt.rawtime<=" + mid));
            assertThat(dig.size()).isLessThan((int) x.events());
        }
    }

    @Test
    void echoGivesTheBytesOfEachIoEvent() {
        Path t = Shared.trace("libs__curl_google");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            List<EchoChunk> echo = x.echo("proc.name=curl", TimeRange.ALL, 10_000);
            List<String> expected = printed(t.toString(), "-p", "%evt.num %fd.name %evt.is_io_write",
                    "proc.name=curl and evt.is_io=true and evt.dir=<");
            List<String> got = echo.stream().map(e -> e.num() + " " + e.fdName() + " " + e.write()).toList();
            assertThat(got).isEqualTo(expected);
            assertThat(echo).anyMatch(e -> new String(e.data(), StandardCharsets.ISO_8859_1).contains("ELF"));
        }
    }

    @Test
    void aBadFilterSaysWhere() {
        Path t = Shared.trace("libs__sample");
        try (Exploration x = Exploration.open(t, Exploration.Settings.DEFAULT)) {
            assertThatThrownBy(() -> x.view(ViewQuery.of("procs").withFilter("proc.name=")))
                    .isInstanceOf(ExploreException.class).hasMessageContaining("position");
            assertThatThrownBy(() -> x.view(ViewQuery.of("nosuchview"))).isInstanceOf(ExploreException.class)
                    .hasMessageContaining("nosuchview");
        }
    }

    private static List<String> printed(String trace, String... args) {
        List<String> a = new ArrayList<>(List.of("-r", trace));
        a.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new Jdig(out, new PrintStream(new ByteArrayOutputStream())).run(a.toArray(String[]::new));
        assertThat(rc).isZero();
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }
}
