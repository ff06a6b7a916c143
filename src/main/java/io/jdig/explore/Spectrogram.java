package io.jdig.explore;

import java.util.List;

/**
 * A latency spectrogram (csysdig's F12): for each refresh interval of capture time, how many system calls (or
 * spans) ended with a latency in each bucket. A bucket is a column of a screen {@link #width} columns wide on which
 * latencies are laid out on a log10 scale of nanoseconds, 1 ns at the left edge and 100 s at the right (eleven
 * decades), as the view's key {@code evt.latency.quantized} numbers them.
 *
 * @param viewId     the spectrogram view run
 * @param filter     the complete filter it ran with
 * @param width      the number of buckets the latency axis was quantized to (-1: csysdig's batch modes)
 * @param intervalNs the capture time each sample covers
 * @param samples    the samples, oldest first
 */
public record Spectrogram(String viewId, String filter, int width, long intervalNs, List<Sample> samples) {
    public Spectrogram {
        samples = List.copyOf(samples);
    }

    /**
     * One sample: the time it was made (the first event past its interval, or the capture's end), the end of the
     * interval it closed (csysdig's flush time: a multiple of the interval, which is how the sample's row is dated
     * when a region is selected), and its buckets in the order the view's table sorts them.
     */
    public record Sample(long ts, long endNs, List<Bucket> buckets) {
        public Sample {
            buckets = List.copyOf(buckets);
        }

        /** The count of bucket {@code key}, 0 when it has none. */
        public long count(long key) {
            for (Bucket b : buckets) {
                if (b.key() == key) {
                    return b.count();
                }
            }
            return 0;
        }
    }

    /** A bucket: its position on the latency axis and its count. */
    public record Bucket(long key, long count) {
    }

    /** The lowest latency, in nanoseconds, that falls in column {@code x} of a screen {@code width} wide. */
    public static long latencyAt(int x, int width) {
        return (long) Math.pow(10, (double) x * 11 / width);
    }

    /** The field a selection bounds the latency with: the spans' duration in the tracers' spectrogram. */
    String latencyField() {
        return "spectro_traces".equals(viewId) ? "span.duration" : "evt.latency";
    }

    /**
     * The least latency, in nanoseconds, whose bucket is drawn at column {@code x} or right of it: the view's key
     * {@code evt.latency.quantized} is the column of the latency's logarithm plus one, so column {@code x} holds
     * the latencies from 10^((x-1)*11/width) up to, not including, 10^(x*11/width). No call lasts less than 1 ns.
     */
    public static long leastLatencyFrom(int x, int width) {
        return Math.max(1, (long) Math.ceil(Math.pow(10, (double) (x - 1) * 11 / width)));
    }

    /**
     * The filter of the events in a region of the spectrogram, in the form csysdig builds it: the time from the
     * start of the first sample's interval to the end of the last one's (both included), and the latencies of the
     * buckets drawn in its columns. (csysdig takes its latency bounds from the column numbers themselves, which
     * gives the buckets one column right of those selected; here they are the selected ones.) Samples and columns
     * may be given in either order.
     *
     * @param sampleA a sample's index in {@link #samples}, one row of the region
     * @param sampleB another sample's index, the region's other row
     * @param colA    a column of the region (a latency bucket)
     * @param colB    the region's other column
     * @throws IndexOutOfBoundsException when a sample index is not one of the samples
     */
    public String selectionFilter(int sampleA, int sampleB, int colA, int colB) {
        Sample first = samples.get(Math.min(sampleA, sampleB));
        Sample last = samples.get(Math.max(sampleA, sampleB));
        int w = width > 0 ? width : 1;
        long lowest = leastLatencyFrom(Math.max(0, Math.min(colA, colB)), w);
        long above = leastLatencyFrom(Math.max(colA, colB) + 1, w);
        String f = latencyField();
        return "(evt.rawtime>=" + Long.toUnsignedString(first.endNs() - intervalNs) + " and evt.rawtime<="
                + Long.toUnsignedString(last.endNs()) + ") and (" + f + ">=" + lowest + " and " + f + "<" + above
                + ")";
    }
}
