package io.jdig.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.Prerequisites;
import io.jdig.event.EventBytes;
import io.jdig.event.EventTypes;
import io.jdig.event.meta.InterfaceRecord;
import io.jdig.event.meta.MachineRecord;
import io.jdig.event.meta.ThreadRecord;
import io.jdig.scap.ScapWriter;
import io.jdig.view.cli.Cjdig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Processes view's memory columns (VIRT, RES: thread.vmsize.b, thread.vmrss.b) against csysdig on a trace whose
 * processes have 4 GB of address space or more: sinsp multiplies its 32-bit kB counts in 32 bits, so a JVM's
 * 8.4 GB shows as 444 MB. One process below 4 GB, one above, one far above.
 */
class ProcessMemoryColumnsTest {
    @TempDir
    Path tmp;

    private static ThreadRecord process(long pid, String comm, int vmsizeKb, int vmrssKb) {
        return new ThreadRecord(pid, pid, 1, 0, 0, comm, "/usr/bin/" + comm, "/usr/bin/" + comm, List.of(), "/", 1024, 0,
                0, 0, vmsizeKb, vmrssKb, 0, 0, 0, List.of(), pid, pid, List.of(), "/", -1);
    }

    @Test
    void virtAndResWrapAt4GbAsCsysdigs() throws Exception {
        Prerequisites.require(Prerequisites.onPath("csysdig"), "the reference csysdig is not installed");
        Path trace = tmp.resolve("memory.scap");
        List<ThreadRecord> procs = List.of(process(100, "small", 300_000, 20_000),
                process(200, "jvm", 8_843_536, 164_424), process(300, "huge", 40_000_000, 5_000_000));
        try (ScapWriter w = ScapWriter.create(trace, false)) {
            w.writeSectionHeader();
            w.writeMachine(new MachineRecord(2, 1L << 30, 32768, "synthetic", 0, 0));
            w.writeInterfaces(List.<InterfaceRecord>of());
            w.writeUsers(List.of(), List.of());
            w.writeProcesses(procs, Set.of());
            long ts = 1_700_000_000_000_000_000L;
            for (ThreadRecord p : procs) {
                w.writeEvent(EventBytes.of(ts += 1000, p.tid(), EventTypes.CLOSE_E, 3L), 0, 0, 0);
                w.writeEvent(EventBytes.of(ts += 1000, p.tid(), EventTypes.CLOSE_X, 0L), 0, 0, 0);
            }
        }
        for (String mode : new String[] {"--raw", "-j"}) {
            Path want = tmp.resolve("csysdig.out");
            Process p = new ProcessBuilder("csysdig", "-r", trace.toString(), "-v", "procs", mode)
                    .redirectOutput(want.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("csysdig's exit status").isZero();
            List<String> expected = Files.readAllLines(want);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = new Cjdig(out, new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new String[] {"-r", trace.toString(), "-v", "procs", mode});
            assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(String.join("\n", expected)).as("csysdig lists the three").contains("small", "jvm", "huge");
            assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).as(mode)
                    .containsExactlyElementsOf(expected);
        }
    }
}
