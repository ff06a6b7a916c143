package io.jdig.filter;

import io.jdig.conformance.Shared;
import io.jdig.field.EventContext;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.Source;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two compiled filters run side by side over shared traces must accept exactly the same events. */
final class SameVerdicts {
    private SameVerdicts() {
    }

    /** Events read, and events both accepted. */
    record Counts(int total, int accepted) {
    }

    static Counts check(String what, EventPredicate a, EventPredicate b, String... traces) {
        int total = 0;
        int accepted = 0;
        for (String trace : traces) {
            List<Long> differ = new ArrayList<>();
            int[] counts = new int[2];
            Pipeline.builder().source(new Source.TraceFile(Shared.trace(trace)))
                    .errors(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "jdig: ")
                    .sink((EventContext c) -> {
                        boolean x = a.test(c);
                        if (x != b.test(c)) {
                            differ.add(c.num);
                        }
                        counts[0]++;
                        counts[1] += x ? 1 : 0;
                        return true;
                    }).build().run();
            assertThat(differ).as("%s on %s", what, trace).isEmpty();
            total += counts[0];
            accepted += counts[1];
        }
        return new Counts(total, accepted);
    }
}
