package io.jdig.apitest;

import io.jdig.consumer.EventStream;
import io.jdig.consumer.SystemEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading events through the API allocates nothing per event: callbacks that read a number and a string field
 * allocate no more than callbacks that read nothing (what remains is the state kept for new processes and files).
 */
class AllocationTest {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void readingFieldsAllocatesNothingPerEvent(@TempDir Path dir) throws Exception {
        // a real trace repeated: about 80,000 events, so that the state settles and the JIT has compiled the loop
        Path trace = dir.resolve("repeated.scap");
        Process p = new ProcessBuilder("python3",
                EventStreamTest.shared().resolve("tools/make-bench-trace.py").toString(),
                EventStreamTest.trace("falco__psp_run_as_user_0_container").toString(), trace.toString(), "20")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();

        long[] sink = {0};
        long bare = 0;
        long reading = 0;
        for (int round = 0; round < 4; round++) {
            bare = bytesPerEvent(trace, e -> sink[0]++);
            reading = bytesPerEvent(trace, e -> {
                sink[0] += e.getLong("evt.rawarg.res", 0);
                String name = e.getString("proc.name");
                sink[0] += name.length();
            });
        }
        assertThat(reading - bare).as("bytes per event allocated by reading two fields (bare loop: %d)", bare)
                .isLessThanOrEqualTo(0);
        assertThat(sink[0]).isPositive();
    }

    private static long bytesPerEvent(Path trace, Consumer<SystemEvent> work) throws IOException {
        long tid = Thread.currentThread().threadId();
        long[] st = {0, 0, 0};
        try (EventStream s = EventStream.openFile(trace)) {
            s.setFilter("evt.is_io=true");
            s.onEvent(e -> {
                if (st[0]++ == 1000) {
                    st[1] = BEAN.getThreadAllocatedBytes(tid);
                }
                work.accept(e);
                st[2] = BEAN.getThreadAllocatedBytes(tid);
            });
            s.start();
        }
        assertThat(st[0]).isGreaterThan(5000);
        return (st[2] - st[1]) / (st[0] - 1001);
    }
}
