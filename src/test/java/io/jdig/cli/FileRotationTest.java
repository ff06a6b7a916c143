package io.jdig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.Prerequisites;
import io.jdig.conformance.Shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -r IN -w OUT} with rotation ({@code -C}, {@code -G}, {@code -W}, {@code -e}) and gzip ({@code -z}): the
 * files sysdig would name, each a whole trace that jdig and sysdig read alike, together holding the events of the
 * input; every file owner-only (0600).
 */
class FileRotationTest {
    /** (no %evt.num: each file numbers its events from 1) */
    private static final String FMT = "*%evt.rawtime %evt.type %evt.dir %thread.tid %proc.name %fd.name";

    @TempDir
    Path tmp;

    private static String trace() {
        return Prerequisites.shared("traces", "libs__sample.scap").toString();
    }

    /** The files of dir, by name. */
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertOwnerOnly(Path file) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("mode of %s", file)
                .isEqualTo("rw-------");
    }

    private static void write(String... args) {
        List<String> all = new ArrayList<>(List.of("-r", trace()));
        all.addAll(List.of(args));
        Shared.Run r = Shared.jdig(all.toArray(new String[0]));
        assertThat(r.code()).as("%s: %s", all, r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    /** Every file read by jdig (and, when installed, by sysdig alike); the events, file after file. */
    private static List<String> readAll(Path dir, List<String> files) throws Exception {
        List<String> events = new ArrayList<>();
        for (String f : files) {
            Path p = dir.resolve(f);
            assertOwnerOnly(p);
            Shared.Run mine = Shared.jdig("-r", p.toString(), "-p", FMT);
            assertThat(mine.code()).as("%s: %s", f, mine.err()).isZero();
            assertThat(mine.out()).as("%s holds events", f).isNotEmpty();
            if (Prerequisites.sysdigInstalled()) {
                Shared.assertSame(f, Shared.sysdig(List.of("-r", p.toString(), "-p", FMT)), mine, Shared.Expect.LINES);
            }
            events.addAll(mine.out());
        }
        return events;
    }

    private static List<String> original() {
        return Shared.jdig("-r", trace(), "-p", FMT).out();
    }

    @Test
    void plainAndGzippedFilesAreOwnerOnly() throws Exception {
        Path plain = tmp.resolve("plain.scap");
        Path gz = tmp.resolve("gz.scap.gz");
        write("-w", plain.toString());
        write("-w", gz.toString(), "-z");
        byte[] head = Files.readAllBytes(gz);
        assertThat(head[0] & 0xFF).isEqualTo(0x1f);
        assertThat(head[1] & 0xFF).isEqualTo(0x8b);
        assertThat(readAll(tmp, List.of("plain.scap"))).isEqualTo(original());
        assertThat(readAll(tmp, List.of("gz.scap.gz"))).isEqualTo(original());
    }

    @Test
    void anExistingWorldReadableFileLosesItsWiderMode() throws Exception {
        Path old = tmp.resolve("old.scap");
        Files.writeString(old, "previous contents");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        write("-w", old.toString());
        assertThat(readAll(tmp, List.of("old.scap"))).isEqualTo(original());
    }

    @Test
    void everyNEventsANewFileNamedWithItsIndex() throws Exception {
        write("-w", tmp.resolve("e.scap").toString(), "-e", "100");
        List<String> files = names(tmp);
        assertThat(files).containsExactly("e.scap0", "e.scap1", "e.scap2", "e.scap3", "e.scap4");
        assertThat(readAll(tmp, files)).isEqualTo(original());
    }

    @Test
    void aRingOfFilesKeepsTheLastOnes() throws Exception {
        write("-w", tmp.resolve("w.scap").toString(), "-e", "100", "-W", "2");
        List<String> files = names(tmp);
        assertThat(files).containsExactly("w.scap0", "w.scap1");
        List<String> all = original();
        List<String> kept = readAll(tmp, List.of("w.scap1", "w.scap0"));
        // the ring wrapped: the newest events are at the end of the input
        assertThat(all).endsWith(kept.subList(kept.size() - 10, kept.size()).toArray(new String[0]));
    }

    @Test
    void bySizeTheIndexIsPaddedToTheRingsDigits() throws Exception {
        // -C counts megabytes (10^6 bytes): the sample's events forty times over (1.5 MB) make two files
        Path in = Files.createDirectories(tmp.resolve("in")).resolve("big.scap");
        RepeatedTrace.write(Path.of(trace()), in, 40);
        List<String> args = new ArrayList<>(List.of("-r", in.toString()));
        args.addAll(List.of("-w", tmp.resolve("c.scap").toString(), "-C", "1", "-W", "10"));
        Shared.Run r = Shared.jdig(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> files = names(tmp).stream().filter(n -> !n.equals("in")).toList();
        assertThat(files).containsExactly("c.scap00", "c.scap01");
        assertThat(Files.size(tmp.resolve("c.scap00"))).isBetween(1_000_000L, 1_200_000L);
        for (String f : files) {
            assertOwnerOnly(tmp.resolve(f));
            Shared.Run back = Shared.jdig("-r", tmp.resolve(f).toString(), "-q");
            assertThat(back.code()).as("%s: %s", f, back.err()).isZero();
        }
    }

    @Test
    void gzippedRotatedFilesAreOwnerOnlyAndRead() throws Exception {
        write("-w", tmp.resolve("z.scap.gz").toString(), "-z", "-e", "200");
        List<String> files = names(tmp);
        assertThat(files).containsExactly("z.scap.gz0", "z.scap.gz1", "z.scap.gz2");
        assertThat(readAll(tmp, files)).isEqualTo(original());
    }

    @Test
    void byEventTimeWithAStrftimeName() throws Exception {
        // libs__sample spans about a second and a half of event time: two files of one second each
        write("-w", tmp.resolve("g-%s.scap").toString(), "-G", "1");
        List<String> files = names(tmp);
        assertThat(files).hasSizeGreaterThanOrEqualTo(2).allMatch(n -> n.matches("g-\\d+\\.scap"));
        assertThat(readAll(tmp, files)).isEqualTo(original());
    }

    @Test
    void theSameFilesAsSysdigWrites() throws Exception {
        Prerequisites.requireSysdig();
        Path mine = Files.createDirectories(tmp.resolve("jdig"));
        Path theirs = Files.createDirectories(tmp.resolve("sysdig"));
        write("-w", mine.resolve("x.scap").toString(), "-e", "150", "-W", "3");
        Shared.sysdigOk(List.of("-r", trace(), "-w", theirs.resolve("x.scap").toString(), "-e", "150", "-W", "3"));
        assertThat(names(mine)).isEqualTo(names(theirs));
        for (String f : names(theirs)) {
            // (sysdig 0.29 cannot read back every file it writes: both are read by jdig)
            assertThat(Shared.jdig("-r", mine.resolve(f).toString(), "-p", FMT).out()).as(f)
                    .isNotEmpty().isEqualTo(Shared.jdig("-r", theirs.resolve(f).toString(), "-p", FMT).out());
        }
    }
}
