package io.jdig.bench;

import io.jdig.explore.Exploration;
import io.jdig.explore.Summary;
import io.jdig.explore.TimeRange;
import io.jdig.explore.ViewQuery;
import io.jdig.explore.ViewResult;

import java.nio.file.Files;
import java.nio.file.Path;
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
        TimeRange all = x.span();
        TimeRange half = new TimeRange(all.fromNs(), all.fromNs() + (all.toNs() - all.fromNs()) / 2);
        ViewQuery procs = ViewQuery.of("procs");
        ViewResult top = click("view procs", "-v procs", () -> x.view(procs));
        String pid = top.rows().get(0).key();
        ViewQuery down = x.drillDown(procs, pid);
        click("drill procs > " + pid, "-v " + down.viewId() + " proc.pid=" + pid, () -> x.view(down));
        click("back to procs", "-v procs", () -> x.view(down.back()));
        ViewResult files = click("view files", "-v files", () -> x.view(ViewQuery.of("files")));
        String file = files.rows().get(0).key();
        ViewQuery fdown = x.drillDown(ViewQuery.of("files"), file);
        click("drill files > " + file, "-v " + fdown.viewId() + " fd.name=" + file, () -> x.view(fdown));
        click("view connections", "-v connections", () -> x.view(ViewQuery.of("connections")));
        click("procs over the first half", "-v procs evt.rawtime<=" + half.toNs(), () -> x.view(procs.withRange(half)));
        click("procs sorted by column 3", "-v procs", () -> x.view(procs.sortedBy(3, null)));
        click("view syscalls", "-v syscalls", () -> x.view(ViewQuery.of("syscalls")));
        click("dig of process " + pid + " (1000 events)", "-v dig proc.pid=" + pid,
                () -> x.dig(x.selectionFilter(down), TimeRange.ALL, 1000));
        ViewResult second = x.view(procs);
        String pid2 = second.rows().get(Math.min(20, second.rows().size() - 1)).key();
        click("drill procs > " + pid2 + " (row 21)", "-v threads proc.pid=" + pid2,
                () -> x.view(x.drillDown(procs, pid2)));
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

    private static <T> T click(String what, String csysdig, Supplier<T> run) {
        long a = System.nanoTime();
        T r = run.get();
        line("click", System.nanoTime() - a, what, csysdig);
        return r;
    }

    private static void line(String step, long ns, String what, String csysdig) {
        System.out.printf(Locale.ROOT, "%s\t%.0f\t%s\t%s%n", step, ns / 1e6, what, csysdig);
        System.out.flush();
    }

}
