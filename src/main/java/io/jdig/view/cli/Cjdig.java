package io.jdig.view.cli;

import io.jdig.chisel.ChiselLocator;
import io.jdig.explore.Exploration;
import io.jdig.explore.ExploreException;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;
import io.jdig.pipeline.Outcome;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.Source;
import io.jdig.state.PortNames;
import io.jdig.state.StateEngine;
import io.jdig.tui.Tui;
import io.jdig.view.BatchRun;
import io.jdig.view.ThreadOrder;
import io.jdig.view.ThreadPass;
import io.jdig.view.ViewCatalog;
import io.jdig.view.ViewException;
import io.jdig.view.ViewInfo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The {@code cjdig} command: csysdig's views, in its batch modes for now ({@code -j}, {@code --raw}), on a trace
 * file or live (as root, without {@code -r}).
 */
public final class Cjdig {
    private final OutputStream stdout;
    private final PrintStream out;
    private final PrintStream err;

    public Cjdig(OutputStream stdout, PrintStream err) {
        this.stdout = stdout;
        this.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        this.err = err;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new Cjdig(new FileOutputStream(FileDescriptor.out), System.err).run(args);
        } catch (OutOfMemoryError e) {
            System.err.println("cjdig: out of memory");
            code = 3;
        } catch (RuntimeException | StackOverflowError e) {
            System.err.println("cjdig: internal error: " + e);
            code = 3;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    public int run(String[] args) {
        CjdigOptions o;
        try {
            o = CjdigOptions.parse(args);
        } catch (CjdigOptions.BadOption e) {
            err.println("cjdig: " + e.getMessage());
            return 1;
        }
        if (o.help) {
            out.print(Usage.TEXT);
            return 0;
        }
        if (o.version) {
            out.println("cjdig version " + io.jdig.cli.Jdig.VERSION);
            return 0;
        }
        if (o.listFields) {
            return new io.jdig.cli.Jdig(stdout, err).run(new String[] {"-l"});
        }
        ChiselLocator locator = ChiselLocator.standard(o.chiselPaths, System.getenv("JDIG_CHISEL_PATH"));
        if (o.listViews) {
            return ViewListing.print(ViewCatalog.load(locator, o.containers, true), out);
        }
        if (o.delayMs <= 0) {
            err.println("cjdig: -d takes a positive number of milliseconds, not " + o.delayMs);
            return 1;
        }
        if (!o.json && !o.raw) {
            return fullScreen(o, locator);
        }
        return batch(o, locator);
    }

    /** The full-screen UI, once what can be checked beforehand is right (a terminal, the file, the view, the filter). */
    private int fullScreen(CjdigOptions o, ChiselLocator locator) {
        java.io.Console console = System.console();
        if (console == null || !console.isTerminal()) {
            err.println("cjdig: the full-screen interface needs a terminal; use -j or --raw for the batch outputs");
            return 1;
        }
        Path trace = o.readFiles.isEmpty() ? null : Path.of(o.readFiles.get(0));
        if (trace != null && (!java.nio.file.Files.isReadable(trace) || java.nio.file.Files.isDirectory(trace))) {
            err.println("cjdig: " + trace + ": no such file or not readable");
            return 1;
        }
        try {
            ViewCatalog.load(locator, o.containers, false).select(o.view);
        } catch (ViewException e) {
            err.println(e.getMessage());
            return 1;
        }
        String filter = o.filter().strip();
        if (!filter.isEmpty()) {
            try {
                FilterCompiler.compile(filter);
            } catch (FilterException e) {
                err.println(e.render().replaceFirst("^jdig: ", "cjdig: "));
                return 1;
            }
        }
        Exploration.Settings settings = new Exploration.Settings(o.chiselPaths, o.containers, false,
                o.resolvePorts ? PortNames.SERVICES : PortNames.NUMBERS);
        Tui.Options options = new Tui.Options(o.view, filter, o.ascii, o.hexAscii, o.delayMs);
        if (trace != null) {
            return Tui.run(trace, settings, options, System.in, stdout, err);
        }
        Exploration live;
        try {
            var lo = Exploration.LiveOptions.DEFAULT.withSampleMs(o.delayMs);
            live = Exploration.live(settings, o.snaplen > 0 ? lo.withSnaplen(o.snaplen) : lo);
        } catch (ExploreException e) {
            err.println("cjdig: " + e.getMessage());
            return 1;
        }
        return Tui.runLive(live, options, System.in, stdout, err);
    }

    private int batch(CjdigOptions o, ChiselLocator locator) {
        try {
            ViewCatalog catalog = ViewCatalog.load(locator, o.containers, o.json);
            ViewInfo view = catalog.select(o.view);
            long limit = o.numEvents == null ? -1 : o.numEvents;
            ViewFeed feed = new ViewFeed(limit);
            boolean live = o.readFiles.isEmpty();
            Source source = live ? new Source.Live(o.snaplen > 0 ? o.snaplen : -1, true)
                    : Source.ofName(o.readFiles.get(0));
            Pipeline.Builder pb = Pipeline.builder().source(source).errors(err, "cjdig: ")
                    .portNames(o.resolvePorts ? PortNames.SERVICES : PortNames.NUMBERS).sink(feed)
                    .cutShortEnds(true);
            if (limit >= 0) {
                pb.maxEvents(limit);
            }
            Pipeline pipeline = pb.build();
            StateEngine state = pipeline.context().state;
            ThreadOrder order = ThreadOrder.follow(state);
            BatchRun run = new BatchRun(catalog, view, o.filter(), o.json ? BatchRun.Mode.JSON : BatchRun.Mode.RAW,
                    o.delayMs * 1_000_000L, live, new ThreadPass(state, order), stdout);
            feed.target(run);
            run.start();
            Outcome outcome = pipeline.run();
            if (outcome.exitCode() != 0) {
                return outcome.exitCode();
            }
            if (outcome.cutShort() != null) {
                // csysdig takes the file as ending there and says nothing; the table is the same, and we say why
                err.println("cjdig: " + outcome.cutShort() + "; the view shows the events before it");
            }
            if (feed.stoppedByLimit()) {
                run.stop();
            }
            return 0;
        } catch (ViewException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            return 0; // output closed
        }
    }
}
