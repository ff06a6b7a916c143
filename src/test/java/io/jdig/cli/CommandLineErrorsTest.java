package io.jdig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.Prerequisites;
import io.jdig.conformance.Shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's answers to mistakes and damaged files: one line on stderr that says what is wrong and where
 * (a filter's caret line under it), exit status 1, no stack trace; and what was read before the damage printed.
 */
class CommandLineErrorsTest {
    @TempDir
    Path tmp;

    private static String trace() {
        return Prerequisites.shared("traces", "libs__sample.scap").toString();
    }

    /** A failed run: status 1, the message as its first line, no Java stack trace. */
    private static List<String> fails(Shared.Run r) {
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("jdig: ").doesNotContain("Exception").doesNotContain("\tat ");
        return r.err().lines().toList();
    }

    @Test
    void aBadFilterSaysWhereWithACaret() {
        Shared.Run r = Shared.jdig("-r", trace(), "evt.type=open and");
        List<String> err = fails(r);
        assertThat(r.out()).isEmpty();
        assertThat(err).hasSize(3);
        assertThat(err.get(0)).isEqualTo("jdig: filter error at position 18: expected a blank or '(' after 'and'");
        assertThat(err.get(2)).isEqualTo(" ".repeat(2 + 17) + "^");
        assertThat(fails(Shared.jdig("-r", trace(), "proc.name = = x")).get(0))
                .isEqualTo("jdig: filter error at position 13: expected a value after '=' but found '='");
    }

    @Test
    void anUnknownChiselIsOneLine() {
        assertThat(fails(Shared.jdig("-r", trace(), "-c", "nosuchchisel")))
                .containsExactly("jdig: can't open file nosuchchisel: no chisel named 'nosuchchisel'");
    }

    @Test
    void aChiselWithTooFewOrTooManyArgumentsIsOneLine() {
        assertThat(fails(Shared.jdig("-r", trace(), "-c", "fdbytes_by")))
                .containsExactly("jdig: missing arguments for chisel fdbytes_by");
        // more words than the chisel takes: sysdig reads them as a chisel's name, and so does jdig
        assertThat(fails(Shared.jdig("-r", trace(), "-c", "spy_port 1 2"))).containsExactly(
                "jdig: can't open file spy_port 1 2: no chisel named 'spy_port 1 2' (did you mean spy_port?)");
    }

    @Test
    void aLuaErrorGivesFileLineAndEvent() throws IOException {
        Path lua = tmp.resolve("broken.lua");
        Files.writeString(lua, """
                description = "fails on its first event"
                short_description = "fails"
                category = "test"
                args = {}
                function on_init() return true end
                function on_event()
                  local x = nil
                  return x.y
                end
                """);
        assertThat(fails(Shared.jdig("-r", trace(), "-c", lua.toString()))).containsExactly("jdig: " + lua
                + " chisel error: " + lua + ":8: attempt to index ? (a nil value) (event 1)");
    }

    private Path gzipped() throws IOException {
        Path gz = tmp.resolve("sample.scap.gz");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(Files.readAllBytes(Path.of(trace())));
        }
        Files.write(gz, b.toByteArray());
        return gz;
    }

    @Test
    void aTruncatedGzipSaysWhereItEnds() throws IOException {
        byte[] gz = Files.readAllBytes(gzipped());
        Path cut = tmp.resolve("cut.scap.gz");
        Files.write(cut, java.util.Arrays.copyOf(gz, gz.length * 9 / 10));
        Shared.Run r = Shared.jdig("-r", cut.toString());
        List<String> err = fails(r);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("jdig: " + cut + ": truncated file: ").contains("(at byte ");
        // the events before the cut are printed
        assertThat(r.out()).isNotEmpty();
    }

    @Test
    void aCorruptGzipIsOneLine() throws IOException {
        byte[] gz = Files.readAllBytes(gzipped());
        for (int at : new int[] {12, gz.length / 3, gz.length - 6}) {
            byte[] bad = gz.clone();
            bad[at] ^= (byte) 0xFF;
            Path p = tmp.resolve("bad" + at + ".scap.gz");
            Files.write(p, bad);
            List<String> err = fails(Shared.jdig("-r", p.toString(), "-q"));
            assertThat(err).as("flipped byte %d", at).hasSize(1);
            assertThat(err.get(0)).startsWith("jdig: " + p + ": ");
        }
    }

    @Test
    void concatenatedGzipMembersReadAsOneStreamLikeSysdig() throws IOException, InterruptedException {
        byte[] gz = Files.readAllBytes(gzipped());
        Path two = tmp.resolve("two.scap.gz");
        Files.write(two, gz);
        Files.write(two, gz, java.nio.file.StandardOpenOption.APPEND);
        Shared.Run once = Shared.jdig("-r", trace());
        Shared.Run r = Shared.jdig("-r", two.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).hasSize(2 * once.out().size());
        Prerequisites.requireSysdig();
        Shared.assertSame("-r " + two, Shared.sysdig(List.of("-r", two.toString())), r, Shared.Expect.LINES);
    }

    @Test
    void theRealLauncherAnswersOneLineAndStatusOne() throws Exception {
        Path launcher = Path.of("jdig").toAbsolutePath();
        Prerequisites.require(Files.isExecutable(launcher), "the ./jdig launcher is not in the working directory");
        Process p = new ProcessBuilder(launcher.toString(), "-r", trace(), "evt.type=").redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(1);
        // the launcher says so when it first builds the jar (sources newer than the jar): not part of the answer
        err = err.replaceFirst("^jdig: building \\(first run or sources changed\\)\\.\\.\\.\n", "");
        assertThat(err).startsWith("jdig: filter error at position 10: ").doesNotContain("Exception");
    }
}
