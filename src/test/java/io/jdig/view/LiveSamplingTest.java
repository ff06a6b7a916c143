package io.jdig.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.chisel.ChiselLocator;
import io.jdig.event.EventTypes;
import io.jdig.field.EventContext;
import io.jdig.state.StateEngine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A live view samples at the first event past the end of its interval, as csysdig does, and also when no event
 * comes: the capture's idle moments ({@link ViewSink#tick}) end a sample that is due. Each sample is printed as it
 * is made; the end of a live capture (Ctrl-C, SIGTERM) only closes the output.
 */
class LiveSamplingTest {
    private static final String RULE = "----------------------\n";
    private static final long S = 1_000_000_000L;

    private static BatchRun live(BatchRun.Mode mode, ByteArrayOutputStream out) {
        ViewCatalog catalog = ViewCatalog.load(ChiselLocator.standard(List.of(), null), false, mode == BatchRun.Mode.JSON);
        return new BatchRun(catalog, catalog.select("procs"), "", mode, S, true, null, out);
    }

    /** An event of no thread the state knows (it adds no row): only its time matters here. */
    private static EventContext eventAt(long ts) {
        EventContext c = new EventContext(new StateEngine());
        byte[] e = new byte[26 + 4 + 16];
        for (int i = 0; i < 8; i++) {
            e[i] = (byte) (ts >>> (8 * i));
            e[8 + i] = (byte) (4242L >>> (8 * i));
        }
        e[16] = (byte) e.length;
        e[20] = (byte) EventTypes.PROCINFO_E;
        e[22] = 2;
        e[26] = 8;
        e[28] = 8;
        assertThat(c.ev.wrap(e, 0, 0, 0)).isTrue();
        return c;
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void samplesComeOnTimeWithoutEvents() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchRun run = live(BatchRun.Mode.RAW, out);
        long t0 = 1_700_000_000L * S + 300_000_000L;
        run.start();
        run.tick(t0);
        assertThat(text(out)).as("no sample before the first event").isEmpty();
        run.onEvent(eventAt(t0));
        assertThat(text(out)).as("the first event starts the first (empty) sample").isEqualTo(RULE);
        run.tick(t0 + S / 2);
        assertThat(text(out)).as("the interval is not over").isEqualTo(RULE);
        run.tick(t0 + S);
        assertThat(text(out)).as("the interval ended at the whole second").isEqualTo(RULE.repeat(2));
        run.tick(t0 + S + 1);
        assertThat(text(out)).isEqualTo(RULE.repeat(2));
        run.tick(t0 + 2 * S);
        run.tick(t0 + 3 * S);
        assertThat(text(out)).isEqualTo(RULE.repeat(4));
        run.onEvent(eventAt(t0 + 3 * S + 1)); // within the current interval
        assertThat(text(out)).isEqualTo(RULE.repeat(4));
        run.onEvent(eventAt(t0 + 4 * S)); // past it: a sample, at the event, as csysdig makes it
        assertThat(text(out)).isEqualTo(RULE.repeat(5));
        run.onEnd(eventAt(t0 + 4 * S));
        assertThat(text(out)).as("stopping prints nothing more in text mode").isEqualTo(RULE.repeat(5));
    }

    @Test
    void jsonSamplesFollowEachOtherAndTheEndClosesTheOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchRun run = live(BatchRun.Mode.JSON, out);
        long t0 = 1_700_000_000L * S;
        run.start();
        run.onEvent(eventAt(t0 + 1));
        run.tick(t0 + S + 1);
        run.tick(t0 + 2 * S + 1);
        run.onEnd(eventAt(t0 + 2 * S + 1));
        run.stop(); // a second stop (the -n path) adds nothing
        List<String> lines = text(out).lines().toList();
        assertThat(lines.get(0)).isEqualTo("{\"slices\": [");
        assertThat(lines.get(1)).isEqualTo("{\"progress\": 0},");
        assertThat(lines.subList(2, 5)).allMatch(l -> l.startsWith("{\"progress\": 100, \"count\": 0, \"info\": {"));
        assertThat(lines).hasSize(6).last().isEqualTo("]}");
    }
}
