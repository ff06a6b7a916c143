package io.jdig.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sizes as {@code jdig ui --ring} takes them: bytes, or K, M, G in powers of 1024. */
class UiSizeTest {
    @Test
    void sizesWithAndWithoutAUnit() {
        assertThat(UiCommand.sizeOf("1048576")).isEqualTo(1L << 20);
        assertThat(UiCommand.sizeOf("64M")).isEqualTo(64L << 20);
        assertThat(UiCommand.sizeOf("64m")).isEqualTo(64L << 20);
        assertThat(UiCommand.sizeOf("2G")).isEqualTo(2L << 30);
        assertThat(UiCommand.sizeOf("512k")).isEqualTo(512L << 10);
        assertThat(UiCommand.sizeOf("")).isEqualTo(-1);
        assertThat(UiCommand.sizeOf("M")).isEqualTo(-1);
        assertThat(UiCommand.sizeOf("1.5G")).isEqualTo(-1);
        assertThat(UiCommand.sizeOf("-1G")).isEqualTo(-1);
        assertThat(UiCommand.sizeOf("99999999999G")).isEqualTo(-1);
    }
}
