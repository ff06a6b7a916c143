package io.jdig.field;

import java.util.function.Supplier;

/**
 * The width {@code evt.latency.quantized} spreads latencies over: its value is the column, on a screen of that many
 * columns, of the latency's base-10 logarithm (1 ns at the left, 100 s at the right: eleven decades). csysdig uses
 * its terminal's width; in its batch modes there is no terminal and the width is -1, which is what fields compiled
 * outside {@link #with} get. A spectrogram screen compiles its view inside {@link #with} with its own width.
 */
public final class LatencyScale {
    private static final ScopedValue<Integer> WIDTH = ScopedValue.newInstance();

    private LatencyScale() {
    }

    /** The width fields compiled now quantize to. */
    public static int width() {
        return WIDTH.isBound() ? WIDTH.get() : -1;
    }

    /** Runs {@code work} (which compiles the fields) with {@code width} as the quantization width. */
    public static <T> T with(int width, Supplier<T> work) {
        return ScopedValue.where(WIDTH, width).call(work::get);
    }
}
