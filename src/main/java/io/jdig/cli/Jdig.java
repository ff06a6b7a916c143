package io.jdig.cli;

import io.jdig.chisel.ChiselException;
import io.jdig.chisel.ChiselListing;
import io.jdig.chisel.ChiselLocator;
import io.jdig.chisel.ChiselRuntime;
import io.jdig.field.BufferFormat;
import io.jdig.field.RenderSettings;
import io.jdig.field.TimeMode;
import io.jdig.filter.FilterException;
import io.jdig.format.EventFormatter;
import io.jdig.format.FormatException;
import io.jdig.pipeline.Outcome;
import io.jdig.pipeline.Pipeline;
import io.jdig.pipeline.PipelineException;
import io.jdig.pipeline.Source;
import io.jdig.scap.CycleWriter;
import io.jdig.sinks.ChiselSink;
import io.jdig.state.PortNames;
import io.jdig.sinks.EventCounts;
import io.jdig.sinks.EventPrinter;
import io.jdig.sinks.Output;
import io.jdig.sinks.TraceWriterSink;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The {@code jdig} command: turns sysdig's command-line options into the settings and sinks of one pipeline run. */
public final class Jdig {
    public static final String VERSION = "0.1.0";

    static {
        // jdig builds its command line in code: picocli need not look for Groovy on the class path at every start
        System.setProperty("picocli.disable.closures", "true");
        // jdig's options are strings, numbers and flags: picocli need not look up, by reflection at every start,
        // the converters it keeps for date, time, SQL and path types
        System.setProperty("picocli.converters.excludes", "java\\.(sql|time|nio\\.file)\\..*");
    }
    private final java.io.OutputStream stdout;
    private final PrintStream out;
    private final PrintStream err;
    /** The copy of a trace read from standard input, for the runs that chisels ask for after the first. */
    private StdinSpool stdinSpool;

    /** jdig writing to the process's standard output and error. */
    public Jdig() {
        this(new java.io.FileOutputStream(java.io.FileDescriptor.out), System.err);
    }

    /** jdig writing to the given streams (for running it inside another program, such as the tests). */
    public Jdig(java.io.OutputStream stdout, PrintStream err) {
        this.stdout = stdout;
        this.out = new PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8);
        this.err = err;
    }

    public int run(String[] args) {
        if (args.length > 0 && args[0].equals("ui")) {
            // the web UI: a first word no sysdig option or filter starts with
            return UiCommand.run(List.of(args).subList(1, args.length), out, err);
        }
        Options.Definition definition = new Options.Definition();
        CommandLine cl = new CommandLine(definition.spec());
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setOverwrittenOptionsAllowed(true);
        Options o;
        try {
            ChiselArgs.Split split = new ChiselArgs(cl.getCommandSpec()).split(SysdigArgs.normalise(args, defaultFormatText(isTerminal())));
            o = definition.read(cl.parseArgs(split.args()));
            o.chiselArgs = split.chiselArgs();
        } catch (CommandLine.ParameterException e) {
            err.println("jdig: " + e.getMessage());
            return 1;
        }
        if (o.help) {
            cl.usage(out);
            return 0;
        }
        if (o.showFormat != null) {
            out.println(o.showFormat);
            return 0;
        }
        if (o.version) {
            out.println("jdig version " + VERSION);
            return 0;
        }
        for (String f : o.filter) {
            if (f.startsWith("-") && f.length() > 1 && !Character.isDigit(f.charAt(1))) {
                err.println("jdig: unknown option " + f);
                return 1;
            }
        }
        try {
            if (o.listFields) {
                return Listings.fields(out, o.verbose);
            }
            if (o.listEvents) {
                return Listings.events(out);
            }
            if (o.listChisels || o.chisels.contains("l") && o.chisels.size() == 1 && o.readFiles.isEmpty()) {
                return listChisels(o);
            }
            if (o.chiselInfo != null) {
                return chiselInfo(o);
            }
            return capture(o);
        } catch (UsageException e) {
            err.println("jdig: " + e.getMessage());
            return e.code;
        }
    }

    /** A problem with how jdig was called: one line on stderr and an exit code. */
    public static final class UsageException extends RuntimeException {
        final int code;

        public UsageException(String message) {
            this(message, 1);
        }

        public UsageException(String message, int code) {
            super(message);
            this.code = code;
        }
    }

    static BufferFormat bufferFormat(Options o) {
        int n = (o.ascii ? 1 : 0) + (o.hex ? 1 : 0) + (o.hexAscii ? 1 : 0) + (o.base64 ? 1 : 0);
        if (n > 1) {
            throw new UsageException("you cannot specify more than one output format");
        }
        return o.ascii ? BufferFormat.ASCII : o.hex ? BufferFormat.HEX : o.hexAscii ? BufferFormat.HEXASCII
                : o.base64 ? BufferFormat.BASE64 : BufferFormat.NORMAL;
    }

    static TimeMode timeMode(Options o) {
        if (o.timeType == null) {
            return TimeMode.HUMAN;
        }
        return switch (o.timeType) {
            case "h" -> TimeMode.HUMAN;
            case "a" -> TimeMode.ABSOLUTE;
            case "r" -> TimeMode.RELATIVE;
            case "d" -> TimeMode.LATENCY;
            case "D" -> TimeMode.DELTA;
            default -> throw new UsageException("invalid modifier for flag -t");
        };
    }

    static EventFormatter formatter(Options o, boolean tty) {
        String f = o.format;
        if (f == null) {
            f = tty && !o.json ? EventFormatter.DEFAULT_TTY : EventFormatter.DEFAULT;
        } else {
            f = unescape(f);
        }
        try {
            return EventFormatter.compile(f);
        } catch (FormatException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The default format as sysdig shows it for {@code -pp}: as it would be typed, with {@code \\e} for the
     * escape character of the terminal's colours.
     */
    static String defaultFormatText(boolean tty) {
        return tty ? EventFormatter.DEFAULT_TTY.replace("\u001b", "\\e") : EventFormatter.DEFAULT;
    }

    /** The escapes sysdig accepts in -p formats. */
    static String unescape(String f) {
        if (f.indexOf('\\') < 0) {
            return f;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\\' && i + 1 < f.length()) {
                char n = f.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'e' -> sb.append('\u001b');
                    case '\\' -> sb.append('\\');
                    default -> sb.append('\\').append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The chisel search path: see {@link ChiselLocator#standard(List, String)}. */
    static ChiselLocator chiselLocator(List<String> chiselPaths) {
        return ChiselLocator.standard(chiselPaths, System.getenv("JDIG_CHISEL_PATH"));
    }

    private static RenderSettings render(Options o) {
        // sysdig cuts printed buffers at 80 characters unless -v is given
        return new RenderSettings(bufferFormat(o), timeMode(o), o.json, o.verbose ? 0 : 80);
    }

    private static boolean isTerminal() {
        var con = System.console();
        return con != null && con.isTerminal();
    }

    /** Reads trace files or captures live, into the sinks the options ask for. */
    private int capture(Options o) {
        boolean live = o.readFiles.isEmpty();
        // this run starts the copy of standard input (and removes it when it and its next runs are done)
        boolean spooling = stdinSpool == null && o.readFiles.contains("-") && !o.chisels.isEmpty();
        RenderSettings render = render(o);
        Pipeline.Builder b = Pipeline.builder().errors(err, "jdig: ");
        try {
            b.filter(o.filterText());
        } catch (FilterException e) {
            throw new UsageException(e.render().substring("jdig: ".length()));
        }
        b.displayFilter(o.displayFilter).progress(o.progress && !live).verbose(o.verbose)
                .portNames(o.resolvePorts ? PortNames.SERVICES : PortNames.NUMBERS);
        if (o.numEvents != null) {
            b.maxEvents(o.numEvents);
        }
        if (o.maxSeconds != null) {
            b.maxDuration(o.maxSeconds * 1_000_000_000L);
        }
        if (live) {
            int snaplen = o.snaplen != null ? o.snaplen : -1;
            if (o.snaplen != null && snaplen < 0) {
                throw new UsageException("invalid snaplen " + snaplen);
            }
            b.source(new Source.Live(snaplen, !o.excludeUsers));
        } else {
            for (String f : o.readFiles) {
                b.source(f.equals("-") && stdinSpool != null ? new Source.TraceFile(stdinSpool.complete(), "-")
                        : Source.ofName(f));
            }
            if (spooling) {
                // a chisel may ask for another run over the same trace (wsysdig_summary does): keep a copy
                stdinSpool = StdinSpool.start(System.in);
                b.stdin(stdinSpool.reader());
            }
        }
        Output output = new Output(stdout, o.unbuffered || o.json);
        if (o.writeFile != null) {
            b.sink(new TraceWriterSink(writerConfig(o, live), o.fatfile));
        }
        if (!o.chisels.isEmpty()) {
            List<ChiselSink.Spec> specs = new ArrayList<>();
            for (int i = 0; i < o.chisels.size(); i++) {
                specs.add(new ChiselSink.Spec(o.chisels.get(i), i < o.chiselArgs.size() ? o.chiselArgs.get(i) : null));
            }
            try {
                b.sink(new ChiselSink(specs, chiselLocator(o.chiselPath), render, o.printContainerData, o.debug,
                        o.filterText(), output, err));
            } catch (PipelineException e) {
                throw new UsageException(e.getMessage());
            }
        } else {
            if (o.summary) {
                b.sink(new EventCounts(output));
            }
            // with -w, events are printed only when a format or JSON is asked for
            boolean print = !o.quiet && (o.writeFile == null || o.format != null || o.json);
            // a run that prints nothing need not compile its default format (a given one still is, for its errors)
            EventFormatter formatter = !print && o.format == null ? null : formatter(o, isTerminal());
            if (print) {
                boolean reset = o.format == null || o.printContainerData;
                b.sink(o.json ? EventPrinter.json(formatter, render, o.debug, reset, output)
                        : EventPrinter.text(formatter, render, o.debug, reset, output));
            }
        }
        try {
            Outcome outcome = b.build().run();
            if (!outcome.nextRun().isEmpty()) {
                // a chisel asked for a follow-up run (around: write the events near its matches), as sysdig does
                return run(outcome.nextRun().toArray(new String[0]));
            }
            return outcome.exitCode();
        } finally {
            if (spooling && stdinSpool != null) {
                stdinSpool.close();
                stdinSpool = null;
            }
        }
    }

    /** -w and its rotation options. */
    private static CycleWriter.Config writerConfig(Options o, boolean live) {
        long c = o.fileSizeMb == null ? 0 : o.fileSizeMb;
        long g = o.rotateSeconds == null ? 0 : o.rotateSeconds;
        int w = o.fileLimit == null ? 0 : o.fileLimit;
        long e = o.eventLimit == null ? 0 : o.eventLimit;
        if (o.fileSizeMb != null && c <= 0) {
            throw new UsageException("invalid file size");
        }
        if (o.rotateSeconds != null && g <= 0) {
            throw new UsageException("invalid duration");
        }
        if (o.fileLimit != null && w <= 0) {
            throw new UsageException("invalid file limit");
        }
        if (o.eventLimit != null && e <= 0) {
            throw new UsageException("invalid event limit");
        }
        return new CycleWriter.Config(o.writeFile, c, g, w, e, o.compress, live);
    }

    /** -cl: the chisels found along the chisel path. */
    private int listChisels(Options o) {
        out.print(ChiselListing.list(ChiselRuntime.describeAll(chiselLocator(o.chiselPath)), true));
        out.flush();
        return 0;
    }

    /** -i NAME: a chisel's description and arguments. */
    private int chiselInfo(Options o) {
        try {
            out.print(ChiselRuntime.infoText(chiselLocator(o.chiselPath), o.chiselInfo));
            out.flush();
            return 0;
        } catch (ChiselException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
