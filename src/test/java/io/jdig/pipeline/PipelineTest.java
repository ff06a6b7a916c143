package io.jdig.pipeline;

import io.jdig.conformance.Shared;
import io.jdig.field.EventContext;
import io.jdig.field.RenderSettings;
import io.jdig.format.EventFormatter;
import io.jdig.scap.CycleWriter;
import io.jdig.sinks.EventCounts;
import io.jdig.sinks.EventPrinter;
import io.jdig.sinks.Output;
import io.jdig.sinks.TraceWriterSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One run feeding several sinks at once, each seeing what it would see alone. */
class PipelineTest {
    private static Pipeline.Builder reading(Path trace) {
        return Pipeline.builder().source(new Source.TraceFile(trace))
                .errors(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "jdig: ");
    }

    @Test
    void printerWriterCountsAndACallbackInOneRun(@TempDir Path dir) throws Exception {
        Path trace = Shared.trace("libs__curl_google");
        Path written = dir.resolve("out.scap");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Output out = new Output(printed, false);
        List<Long> numbers = new ArrayList<>();
        Outcome o = reading(trace)
                .sink(new TraceWriterSink(new CycleWriter.Config(written.toString(), 0, 0, 0, 0, false, false), false))
                .sink(EventPrinter.text(EventFormatter.compile(EventFormatter.DEFAULT), RenderSettings.DEFAULT, false,
                        true, out))
                .sink(new EventCounts(out))
                .sink((EventContext c) -> numbers.add(c.num) || true)
                .build().run();
        assertThat(o.exitCode()).isZero();
        assertThat(o.error()).isNull();
        List<String> lines = Shared.lines(printed.toByteArray());
        List<String> expected = Shared.expected("libs__curl_google", "default");
        // the default lines, then the -S table
        assertThat(lines.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(lines.get(expected.size())).startsWith("----");
        assertThat(numbers).hasSize((int) o.matched());

        // the file written in the same run prints the same lines (numbered alike: the same events)
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Outcome o2 = reading(written).sink(EventPrinter.text(EventFormatter.compile(EventFormatter.DEFAULT),
                RenderSettings.DEFAULT, false, true, new Output(again, false))).build().run();
        assertThat(o2.exitCode()).isZero();
        assertThat(Shared.lines(again.toByteArray())).containsExactlyElementsOf(expected);
    }

    @Test
    void limitsAndStopsEndTheRunForEverySink() {
        Path trace = Shared.trace("libs__curl_google");
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        Outcome o = reading(trace).maxEvents(25).sink(c -> a.add(c.num) || true).sink(c -> b.add(c.num) || true)
                .build().run();
        assertThat(o.matched()).isEqualTo(25);
        assertThat(a).hasSize(25).isEqualTo(b);

        List<Long> c = new ArrayList<>();
        Outcome stopped = reading(trace).sink(ctx -> c.add(ctx.num) && c.size() < 10).build().run();
        assertThat(c).hasSize(10);
        assertThat(stopped.exitCode()).isZero();
    }

    @Test
    void aSinksFailureIsReportedOnceWithItsStatus() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Outcome o = Pipeline.builder().source(new Source.TraceFile(Shared.trace("libs__curl_google")))
                .errors(new PrintStream(err, true, StandardCharsets.UTF_8), "jdig: ")
                .sink(c -> {
                    throw new PipelineException("the sink gave up", 3);
                }).build().run();
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("jdig: the sink gave up\n");
    }

    @Test
    void missingAndDamagedSourcesSayWhichAndWhere(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Outcome o = Pipeline.builder().source(new Source.TraceFile(dir.resolve("none.scap")))
                .errors(new PrintStream(err, true, StandardCharsets.UTF_8), "jdig: ").sink(c -> true).build().run();
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("jdig: " + dir.resolve("none.scap")
                + ": no such file\n");
        assertThat(CommandWords.split("around \"/tmp/my file.scap\" 'a b' c\\ d"))
                .containsExactly("around", "/tmp/my file.scap", "a b", "c d");
    }
}
