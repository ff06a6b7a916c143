package io.jdig.cli;

import io.jdig.field.BufferFormat;
import io.jdig.field.EventContext;
import io.jdig.field.TimeMode;
import io.jdig.filter.EventPredicate;
import io.jdig.filter.FilterCompiler;
import io.jdig.filter.FilterException;
import io.jdig.format.EventFormatter;
import io.jdig.format.FormatException;
import io.jdig.scap.ScapFormatException;
import io.jdig.scap.ScapReader;
import io.jdig.state.StateEngine;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Wires the parts of jdig together for one command line. */
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
        Options.Definition definition = new Options.Definition();
        CommandLine cl = new CommandLine(definition.spec());
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setOverwrittenOptionsAllowed(true);
        Options o;
        try {
            ChiselArgs.Split split = new ChiselArgs(cl.getCommandSpec()).split(SysdigArgs.normalise(args));
            o = definition.read(cl.parseArgs(split.args()));
            o.chiselArgs = split.chiselArgs();
        } catch (CommandLine.ParameterException e) {
            err.println("jdig: " + e.getMessage());
            return 1;
        }
        io.jdig.state.Services.resolve(o.resolvePorts);
        if (o.help) {
            cl.usage(out);
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
                return Chisels.list(o, out);
            }
            if (o.chiselInfo != null) {
                return Chisels.info(o, out);
            }
            if (o.readFiles.isEmpty()) {
                return Live.run(o);
            }
            return readFiles(o);
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

    static EventPredicate compileFilter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FilterCompiler.compile(text);
        } catch (FilterException e) {
            throw new UsageException(e.render().substring("jdig: ".length()));
        }
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

    static void configure(EventContext c, Options o) {
        c.bufferFormat = bufferFormat(o);
        c.timeMode = timeMode(o);
        c.json = o.json;
        // sysdig cuts printed buffers at 80 characters unless -v is given or chisels run
        c.maxBufferLen = o.verbose || !o.chisels.isEmpty() ? 0 : 80;
    }

    private int readFiles(Options o) {
        StateEngine state = new StateEngine();
        EventLoop loop = new EventLoop(state);
        configure(loop.context(), o);
        EventPredicate filter = compileFilter(o.filterText());
        Output out = new Output(stdout, o.unbuffered || o.json);
        if (!o.chisels.isEmpty()) {
            int rc = Chisels.runOnFiles(o, state, loop, filter, out, err);
            if (o.nextRunArgs != null) {
                // a chisel asked for a follow-up run (around: write the events near its matches), as sysdig
                // does: the new command line is split at spaces and run like a fresh one
                return run(java.util.Arrays.stream(o.nextRunArgs.split(" ")).filter(a -> !a.isEmpty())
                        .toArray(String[]::new));
            }
            return rc;
        }
        if (o.writeFile != null) {
            return Writer.runOnFiles(o, state, loop, filter);
        }
        boolean tty = System.console() != null && System.console().isTerminal();
        // a quiet run prints nothing: its default format need not be compiled (a given one still is, for its errors)
        EventFormatter formatter = o.quiet && o.format == null ? null : formatter(o, tty);
        loop.printer(formatter, o.json, out).filter(filter, o.displayFilter).quiet(o.quiet).debug(o.debug);
        if (o.numEvents != null) {
            loop.limit(o.numEvents);
        }
        if (o.maxSeconds != null) {
            loop.duration(o.maxSeconds * 1_000_000_000L);
        }
        Summary summary = o.summary ? new Summary() : null;
        loop.summary(summary);
        int rc = 0;
        long started = System.nanoTime();
        try {
            for (String f : o.readFiles) {
                rc = readOne(f, state, loop, o, out);
                if (rc != 0 || loop.stopped()) {
                    break;
                }
            }
        } finally {
            try {
                out.flush();
            } catch (UncheckedIOException e) {
                // stdout closed (e.g. piped into head): nothing more to say
            }
        }
        if (summary != null) {
            summary.print(this.out);
        }
        if (o.verbose) {
            double secs = (System.nanoTime() - started) / 1e9;
            err.printf(java.util.Locale.ROOT, "Driver Events:0%nDriver Drops:0%nSuppressed by Comm:0%n"
                    + "Elapsed time: %.3f, Captured Events: %d, %.2f eps%n", secs, loop.matched(),
                    secs > 0 ? loop.matched() / secs : 0.0);
        }
        return rc;
    }

    private int readOne(String file, StateEngine state, EventLoop loop, Options o, Output out) {
        Path p = Path.of(file);
        if (Files.isDirectory(p)) {
            err.println("jdig: " + file + ": is a directory, not a trace file");
            return 1;
        }
        Progress progress = o.progress ? new Progress(p) : null;
        try (ScapReader r = ScapReader.open(p, state)) {
            r.readHeader();
            if (progress != null) {
                loop.consumer(null);
            }
            loop.newSection();
            loop.run(progress != null ? progress.wrap(r) : r);
            out.endOfCapture(o);
            if (progress != null) {
                progress.done();
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("jdig: " + file + ": no such file");
            return 1;
        } catch (ScapFormatException e) {
            flushQuietly(out);
            err.println("jdig: " + file + ": " + e.getMessage() + " (at byte " + e.offset() + ")");
            return 1;
        } catch (UncheckedIOException e) {
            return 0; // output closed
        } catch (IOException e) {
            flushQuietly(out);
            err.println("jdig: " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static void flushQuietly(Output out) {
        try {
            out.flush();
        } catch (UncheckedIOException e) {
            // output closed
        }
    }
}
