package io.jdig.web;

import io.jdig.chisel.ChiselLocator;
import io.jdig.field.RenderSettings;
import io.jdig.filter.FilterException;
import io.jdig.pipeline.Outcome;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.PipelineException;
import io.jdig.pipeline.Source;
import io.jdig.sinks.ChiselSink;
import io.jdig.sinks.Output;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The overview's tiles as the {@code wsysdig_summary} chisel computes them (totals and a timeline per metric),
 * run over the capture through the pipeline. A stand-in until the exploration API answers the summary from its
 * index.
 */
final class ChiselSummary {
    private ChiselSummary() {
    }

    /**
     * The chisel's {@code data} object (JSON) for the events that pass {@code filter}, sampled over
     * {@code durationNs}.
     */
    static String compute(Path trace, String filter, long durationNs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        Output out = new Output(bytes, false);
        Pipeline.Builder b = Pipeline.builder().source(new Source.TraceFile(trace)).errors(err, "")
                .cutShortEnds(true); // up to where the exploration's read stopped
        try {
            if (!filter.isBlank()) {
                b.filter(filter);
            }
            // the chisel's argument: the number of samples (0: its default) and the capture's duration
            String args = "0," + Math.max(1, durationNs);
            b.sink(new ChiselSink(List.of(new ChiselSink.Spec("wsysdig_summary", args)),
                    ChiselLocator.standard(List.of(), System.getenv("JDIG_CHISEL_PATH")), RenderSettings.DEFAULT,
                    false, false, filter, out, err));
        } catch (FilterException e) {
            throw new HttpError(400, e.getMessage(), e.position());
        } catch (PipelineException e) {
            throw new HttpError(500, e.getMessage());
        }
        Outcome o = b.build().run();
        out.flush();
        if (o.exitCode() != 0) {
            throw new HttpError(500, o.error() != null ? o.error() : errors.toString(StandardCharsets.UTF_8).strip());
        }
        return dataOf(bytes.toString(StandardCharsets.UTF_8));
    }

    /** The last slice's {@code data} object out of the chisel's {@code {"slices": [...]}} document. */
    static String dataOf(String doc) {
        int last = doc.lastIndexOf("\"progress\"");
        int data = last < 0 ? -1 : doc.indexOf("\"data\":", last);
        int end = doc.lastIndexOf('}', doc.lastIndexOf(']'));
        if (data < 0 || end < 0) {
            throw new HttpError(500, "the summary chisel printed no data");
        }
        // the slice object closes after the data object
        String body = doc.substring(data + "\"data\":".length(), end).strip();
        return body;
    }
}
