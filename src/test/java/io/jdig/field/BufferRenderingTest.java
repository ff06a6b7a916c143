package io.jdig.field;

import io.jdig.event.ByteBuf;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Data buffers in sysdig's renderings, and the C number formats jdig reproduces. */
class BufferRenderingTest {
    private static String render(String data, BufferFormat f, int max) {
        byte[] b = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf out = new ByteBuf();
        Buffers.render(out, b, 0, b.length, f, max, false);
        return out.toString();
    }

    @Test
    void normalTextShowsNonPrintablesAsDotsAndIsCut() {
        assertThat(render("GET / HTTP/1.1\r\nHost: x\r\n", BufferFormat.NORMAL, 80)).isEqualTo("GET / HTTP/1.1..Host: x..");
        assertThat(render("a".repeat(100), BufferFormat.NORMAL, 80)).isEqualTo("a".repeat(77) + "...");
        assertThat(render("a".repeat(100), BufferFormat.NORMAL, 0)).hasSize(100);
    }

    @Test
    void asciiKeepsLineBreaks() {
        assertThat(render("a\r\nb\nc\u0001", BufferFormat.ASCII, 80)).isEqualTo("\na\nb\nc");
    }

    @Test
    void hexRowsOfSixteenBytes() {
        assertThat(render("ABC", BufferFormat.HEX, 80)).isEqualTo("\n\t0x0000: 4142 43\n");
        assertThat(render("ABC", BufferFormat.HEXASCII, 80))
                .isEqualTo("\n\t0x0000: 4142 43" + " ".repeat(30) + "  ABC\n");
    }

    @Test
    void base64WithPadding() {
        assertThat(render("hello", BufferFormat.BASE64, 80)).isEqualTo("aGVsbG8=");
        assertThat(render("hi", BufferFormat.BASE64, 80)).isEqualTo("aGk=");
    }

    @Test
    void cGeneralFormat() {
        assertThat(CFormat.g(0.001)).isEqualTo("0.001");
        assertThat(CFormat.g(1.5)).isEqualTo("1.5");
        assertThat(CFormat.g(1e-5)).isEqualTo("1e-05");
        assertThat(CFormat.g(1234567)).isEqualTo("1.23457e+06");
        assertThat(CFormat.fixed(2.25, 1)).isEqualTo("2.2");
    }
}
