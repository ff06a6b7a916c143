package io.jdig.capture;

import java.util.Map;
import java.util.TreeMap;

/**
 * Debugging aid: captures for N seconds (default 5) and prints how many events of each type arrived, with the
 * driver's counters. {@code java -cp jdig.jar io.jdig.capture.CaptureSmoke [seconds] [snaplen]}
 */
public final class CaptureSmoke {
    private CaptureSmoke() {}

    public static void main(String[] args) throws Exception {
        double secs = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int snaplen = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        long t0 = System.nanoTime();
        try (LiveEventSource src = LiveEventSource.open(LiveEventSource.Options.defaults().withSnaplen(snaplen))) {
            long t1 = System.nanoTime();
            System.out.printf("attached (%s, %d CPUs) in %.0f ms%n", src.flavour().label(), src.cpus(), (t1 - t0) / 1e6);
            Thread stopper = Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep((long) (secs * 1000));
                } catch (InterruptedException e) {
                    return;
                }
                src.stop();
            });
            long[] perType = new long[512];
            long n = 0, bytes = 0;
            byte[] b = src.buffer();
            while (src.next()) {
                int type = (b[20] & 0xff) | (b[21] & 0xff) << 8;
                int len = (b[16] & 0xff) | (b[17] & 0xff) << 8 | (b[18] & 0xff) << 16;
                perType[type & 511]++;
                n++;
                bytes += len;
            }
            double el = (System.nanoTime() - t1) / 1e9;
            Map<String, Long> rows = new TreeMap<>();
            for (int t = 0; t < perType.length; t++) {
                if (perType[t] > 0) {
                    rows.put(String.format("%3d %s %s", t, SyscallTable.eventName(t), (t & 1) == 0 ? ">" : "<"), perType[t]);
                }
            }
            rows.forEach((k, v) -> System.out.printf("%-28s %10d%n", k, v));
            long drops = 0;
            for (long d : src.dropsPerCpu()) {
                drops += d;
            }
            long rf = 0;
            for (long d : src.readFailuresPerCpu()) {
                rf += d;
            }
            System.out.printf("events=%d (%.0f/s) bytes=%d seen=%d drops=%d readfail=%d%n", n, n / el, bytes,
                    src.eventsSeen(), drops, rf);
        }
    }
}
