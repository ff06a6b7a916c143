package io.jdig.examples;

import io.jdig.consumer.EventStream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The ten (process, connection) pairs that moved the most bytes, read from a trace file or captured live:
 *
 * <pre>
 *   TopConnections TRACE.scap
 *   TopConnections --live SECONDS      (as root)
 * </pre>
 */
public final class TopConnections {
    private record Pair(String process, String connection) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && !(args.length == 2 && args[0].equals("--live"))) {
            System.err.println("usage: TopConnections TRACE | --live SECONDS");
            System.exit(2);
        }
        Map<Pair, Long> bytes = new HashMap<>();
        try (EventStream stream = args[0].equals("--live") ? EventStream.openLive()
                : EventStream.openFile(Path.of(args[0]))) {
            if (args[0].equals("--live")) {
                stream.setMaxDuration(Duration.ofSeconds(Long.parseLong(args[1])));
            }
            stream.setFilter("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)");
            stream.onEvent(e -> {
                long n = e.getLong("evt.rawarg.res", 0);
                if (n > 0) {
                    bytes.merge(new Pair(e.getString("proc.name"), e.getString("fd.name")), n, Long::sum);
                }
            });
            stream.start();
        }
        bytes.entrySet().stream()
                .sorted(Map.Entry.<Pair, Long>comparingByValue().reversed())
                .limit(10)
                .forEach(en -> System.out.printf("%12d  %-16s %s%n", en.getValue(), en.getKey().process(),
                        en.getKey().connection()));
    }
}
