package io.jdig.scap;

import io.jdig.conformance.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.jdig.scap.TraceBytes.cstr;
import static io.jdig.scap.TraceBytes.i64;
import static io.jdig.scap.TraceBytes.u32;
import static org.assertj.core.api.Assertions.assertThat;

/** The trace reader on hand-made files: block kinds, versions and damage. */
class ScapReaderTest {
    private static final long T0 = 1_600_000_000_000_000_000L;

    private static Shared.Run read(Path dir, byte[] bytes, String... extra) throws IOException {
        Path f = dir.resolve("t.scap");
        Files.write(f, bytes);
        String[] args = new String[2 + extra.length];
        args[0] = "-r";
        args[1] = f.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Shared.jdig(args);
    }

    private static TraceBytes withProcess() {
        return new TraceBytes().shb().process(100, 100, 1, "app", "/bin/app", "/home/u/");
    }

    @Test
    void eventsUseTheProcessListAndResolveFds(@TempDir Path dir) throws IOException {
        byte[] t = withProcess()
                .event(T0, 100, 306, i64(-100), cstr("notes.txt"), u32(1), u32(0))
                .event(T0 + 1, 100, 307, i64(5), i64(-100), cstr("notes.txt"), u32(1), u32(0), u32(0))
                .event(T0 + 2, 100, 4, i64(5))
                .bytes();
        Shared.Run r = read(dir, t);
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsExactly(
                "1 12:26:40.000000000 1 app (100) > openat dirfd=-100(AT_FDCWD) name=notes.txt(/home/u/notes.txt) flags=1(O_RDONLY) mode=0 ",
                "2 12:26:40.000000001 1 app (100) < openat fd=5(<f>/home/u/notes.txt) dirfd=-100(AT_FDCWD) name=notes.txt(/home/u/notes.txt) flags=1(O_RDONLY) mode=0 dev=0 ",
                "3 12:26:40.000000002 1 app (100) > close fd=5(<f>/home/u/notes.txt) ");
    }

    @Test
    void unknownBlocksAndUnknownEventTypesAreSkipped(@TempDir Path dir) throws IOException {
        byte[] t = withProcess()
                .block(0x7777, new byte[]{1, 2, 3, 4, 5})
                .event(T0, 100, 4, i64(1))
                .block(0x7778, new byte[12])
                .event(T0 + 1, 100, 9999, i64(1))
                .event(T0 + 2, 100, 5, i64(0))
                .bytes();
        Shared.Run r = read(dir, t);
        assertThat(r.code()).isZero();
        assertThat(r.out()).hasSize(2);
        assertThat(r.out().get(1)).startsWith("2 ").contains("< close res=0");
    }

    @Test
    void v1EventsGetTheirParameterCountFromTheirLength(@TempDir Path dir) throws IOException {
        // an old open exit with 4 parameters where the table now has more
        byte[] t = withProcess()
                .eventV1(T0, 100, 2, cstr("/etc/hosts"), u32(1), u32(0))
                .eventV1(T0 + 1, 100, 3, i64(3), cstr("/etc/hosts"), u32(4097), u32(0))
                .bytes();
        Shared.Run r = read(dir, t);
        assertThat(r.out()).containsExactly(
                "1 12:26:40.000000000 0 app (100) > open name=/etc/hosts flags=1(O_RDONLY) mode=0 ",
                "2 12:26:40.000000001 0 app (100) < open fd=3(<f>/etc/hosts) name=/etc/hosts flags=4097(O_RDONLY|O_CLOEXEC) mode=0 ");
    }

    @Test
    void stateOnlyEventsChangeStateButAreNotShown(@TempDir Path dir) throws IOException {
        byte[] t = withProcess()
                .eventWithFlags(1, T0, 100, 2, cstr("/etc/passwd"), u32(1), u32(0))
                .eventWithFlags(1, T0 + 1, 100, 3, i64(7), cstr("/etc/passwd"), u32(1), u32(0), u32(0))
                .event(T0 + 2, 100, 6, i64(7), u32(10))
                .bytes();
        Shared.Run r = read(dir, t);
        assertThat(r.out()).containsExactly("3 12:26:40.000000002 1 app (100) > read fd=7(<f>/etc/passwd) size=10 ");
    }

    @Test
    void aDamagedBlockIsReportedAfterTheEventsBeforeIt(@TempDir Path dir) throws IOException {
        byte[] good = withProcess().event(T0, 100, 4, i64(1)).event(T0 + 1, 100, 5, i64(0)).bytes();
        byte[] t = java.util.Arrays.copyOf(good, good.length + 8);
        // a block header claiming 4 GB
        t[good.length] = 0x16;
        t[good.length + 1] = 0x02;
        t[good.length + 4] = (byte) 0xF0;
        t[good.length + 5] = (byte) 0xFF;
        t[good.length + 6] = (byte) 0xFF;
        t[good.length + 7] = (byte) 0xFF;
        Shared.Run r = read(dir, t);
        assertThat(r.out()).hasSize(2);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("jdig: " + dir.resolve("t.scap") + ": corrupt file: bad length "
                + "4294967280 for event block 0x216 (at byte " + good.length + ")");
    }

    @Test
    void aFileCutInsideAnEventBlockSaysSo(@TempDir Path dir) throws IOException {
        byte[] good = withProcess().event(T0, 100, 4, i64(1)).event(T0 + 1, 100, 5, i64(0)).bytes();
        byte[] t = java.util.Arrays.copyOf(good, good.length - 10);
        Shared.Run r = read(dir, t);
        assertThat(r.out()).hasSize(1);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("truncated file: event block 0x216 cut short");
    }

    @Test
    void noEventsIsAnError(@TempDir Path dir) throws IOException {
        Shared.Run r = read(dir, withProcess().bytes());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no events in file");
    }
}
