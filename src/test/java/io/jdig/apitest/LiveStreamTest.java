package io.jdig.apitest;

import io.jdig.consumer.EventStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Live capture through the API: a workload the test starts is seen with its exact calls, paths and bytes. */
class LiveStreamTest {
    @Test
    void aLiveStreamSeesTheWorkloadsCalls(@TempDir Path dir) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but live capture needs root");
        }
        assumeTrue(root, "live capture needs root");
        Path file = dir.resolve("payload.txt");
        Files.writeString(file, "jdig-api-live-payload\n");
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread workload = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 15; i++) {
                    Thread.sleep(400);
                    new ProcessBuilder("cat", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start().waitFor();
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try (EventStream s = EventStream.openLive()) {
            s.setFilter("proc.name=cat and (evt.type=openat or evt.type=read) and evt.dir=< and fd.name="
                    + file);
            s.setMaxDuration(Duration.ofSeconds(7));
            s.onEvent(e -> seen.add(e.type() + " " + e.getString("fd.name") + " " + e.getLong("evt.rawres", -99)
                    + " " + e.thread().name() + " " + (e.thread().pid() > 0)));
            s.start();
        }
        workload.join();
        assertThat(seen).contains("openat " + file + " 3 cat true",
                "read " + file + " 22 cat true");
    }
}
