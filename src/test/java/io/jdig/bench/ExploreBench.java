package io.jdig.bench;

import io.jdig.explore.Exploration;
import io.jdig.explore.Summary;
import io.jdig.explore.TimeRange;
import io.jdig.explore.ViewQuery;
import io.jdig.explore.ViewResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The web UI's way of working on a big trace, timed: the first read (to the overview), then ten clicks (view
 * switches, drill-downs, back, a time range, a sort, dig), each answered by the exploration API; then the memory the
 * process used. Run by bench/explore.sh, which times csysdig for the same clicks beside it.
 *
 * <p>Prints one line per step: {@code step<TAB>milliseconds<TAB>what<TAB>csysdig-equivalent-arguments}.
 */
public final class ExploreBench {
    private ExploreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path trace = Path.of(args[0]);
        boolean waitWarm = args.length > 1 && args[1].equals("--after-warm");
        long t0 = System.nanoTime();
        double[] last = {0};
        Exploration x = Exploration.open(trace, Exploration.Settings.DEFAULT, f -> last[0] = f);
        long open = System.nanoTime() - t0;
        Summary s = x.summary();
        line("overview", open, "first read, " + x.events() + " events, " + s.metrics().size() + " tiles, syscalls "
                + s.metric("syscallCount").total(), "-c wsysdig_summary");
        if (waitWarm) {
            long w = System.nanoTime();
            x.awaitWarm();
            line("warm", System.nanoTime() - w, "background replays of all views", "");
        }
        List<Object[]> clicks = new ArrayList<>();
        ViewQuery procs = ViewQuery.of("procs");
        TimeRange all = x.span();
        TimeRange half = new TimeRange(all.fromNs(), all.fromNs() + (all.toNs() - all.fromNs()) / 2);
        clicks.add(new Object[] {"view procs", (Supplier<Object>) () -> x.view(procs), "-v procs"});
        clicks.add(new Object[] {"view files", (Supplier<Object>) () -> x.view(ViewQuery.of("files")), "-v files"});
        clicks.add(new Object[] {"view connections", (Supplier<Object>) () -> x.view(ViewQuery.of("connections")),
                "-v connections"});
        String pid = x.view(procs).rows().get(0).key();
        ViewQuery down = x.drillDown(procs, pid);
        clicks.add(new Object[] {"drill procs > " + pid, (Supplier<Object>) () -> x.view(down),
                "-v " + down.viewId() + " proc.pid=" + pid});
        clicks.add(new Object[] {"back to procs", (Supplier<Object>) () -> x.view(down.back()), "-v procs"});
        clicks.add(new Object[] {"view syscalls", (Supplier<Object>) () -> x.view(ViewQuery.of("syscalls")),
                "-v syscalls"});
        clicks.add(new Object[] {"procs, first half of the time", (Supplier<Object>) () -> x.view(procs.withRange(half)),
                "-v procs " + half.asFilter().replace(" ", "_")});
        ViewResult files = x.view(ViewQuery.of("files"));
        String file = files.rows().isEmpty() ? "" : files.rows().get(0).key();
        ViewQuery fdown = x.drillDown(ViewQuery.of("files"), file);
        clicks.add(new Object[] {"drill files > " + file, (Supplier<Object>) () -> x.view(fdown),
                "-v " + fdown.viewId() + " fd.name=" + file});
        clicks.add(new Object[] {"dig of that process (1000 events)",
                (Supplier<Object>) () -> x.dig(x.selectionFilter(down), TimeRange.ALL, 1000),
                "-v dig proc.pid=" + pid});
        clicks.add(new Object[] {"procs sorted by column 3", (Supplier<Object>) () -> x.view(procs.sortedBy(3, null)),
                "-v procs"});
        for (Object[] c : clicks) {
            @SuppressWarnings("unchecked")
            Supplier<Object> run = (Supplier<Object>) c[1];
            long a = System.nanoTime();
            run.get();
            line("click", System.nanoTime() - a, (String) c[0], (String) c[2]);
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap-used-mb\t%d%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM") || l.startsWith("RssAnon") || l.startsWith("RssFile") || l.startsWith("RssShmem")) {
                System.out.println(l.replaceAll("\\s+", " "));
            }
        }
        x.close();
    }

    private static void line(String step, long ns, String what, String csysdig) {
        System.out.printf(Locale.ROOT, "%s\t%.0f\t%s\t%s%n", step, ns / 1e6, what, csysdig);
        System.out.flush();
    }

    static void unused() throws IOException {
    }
}
