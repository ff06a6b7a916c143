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
    private final PrintStream err;
    /** Where events and listings go; null means the process's standard output (unbuffered file descriptor). */
    private final java.io.OutputStream stdout;

    public Jdig() {
        this(null, System.err);
    }

    /** An instance that prints to {@code stdout} and {@code err} instead of the process's streams (tests, tools). */
    public Jdig(java.io.OutputStream stdout, PrintStream err) {
        this.stdout = stdout;
        this.err = err;
    }

    private PrintStream out() {
        return stdout == null ? System.out : new PrintStream(stdout, true);
    }

    public int run(String[] args) {
        Options o = new Options();
        CommandLine cl = new CommandLine(o);
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setOverwrittenOptionsAllowed(true);
        try {
            cl.parseArgs(SysdigArgs.normalise(args));
        } catch (CommandLine.ParameterException e) {
            err.println("jdig: " + e.getMessage());
            return 1;
        }
        if (o.help) {
            cl.usage(out());
            return 0;
        }
        if (o.version) {
            out().println("jdig version " + VERSION);
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
                PrintStream p = out();
                int rc = Listings.fields(p, o.verbose);
                p.flush();
                return rc;
            }
            if (o.listEvents) {
                PrintStream p = out();
                int rc = Listings.events(p);
                p.flush();
                return rc;
            }
            if (o.listChisels || o.chisels.contains("l") && o.chisels.size() == 1 && o.readFiles.isEmpty()) {
                return Chisels.list(o);
            }
            if (o.chiselInfo != null) {
                return Chisels.info(o);
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
        c.maxBufferLen = o.verbose ? 0 : 80;
    }

    private int readFiles(Options o) {
        StateEngine state = new StateEngine();
        EventLoop loop = new EventLoop(state);
        configure(loop.context(), o);
        EventPredicate filter = compileFilter(o.filterText());
        Output out = stdout == null ? new Output(o.unbuffered || o.json) : new Output(stdout, false);
        if (!o.chisels.isEmpty()) {
            return Chisels.runOnFiles(o, state, loop, filter, out);
        }
        if (o.writeFile != null) {
            return Writer.runOnFiles(o, state, loop, filter);
        }
        boolean tty = System.console() != null && System.console().isTerminal();
        loop.printer(formatter(o, tty), o.json, out).filter(filter, o.displayFilter).quiet(o.quiet).debug(o.debug);
        if (o.numEvents != null) {
            loop.limit(o.numEvents);
        }
        if (o.maxSeconds != null) {
            loop.duration(o.maxSeconds * 1_000_000_000L);
        }
        Summary summary = o.summary ? new Summary() : null;
        loop.summary(summary);
        int rc = 0;
        try {
            for (String f : o.readFiles) {
                rc = readOne(f, state, loop, o);
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
            PrintStream p = out();
            summary.print(p);
            p.flush();
        }
        return rc;
    }

    private int readOne(String file, StateEngine state, EventLoop loop, Options o) {
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
            if (progress != null) {
                progress.done();
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("jdig: " + file + ": no such file");
            return 1;
        } catch (ScapFormatException e) {
            loopOutFlush(loop);
            err.println("jdig: " + file + ": " + e.getMessage() + " (at byte " + e.offset() + ")");
            return 1;
        } catch (UncheckedIOException e) {
            return 0; // output closed
        } catch (IOException e) {
            loopOutFlush(loop);
            err.println("jdig: " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static void loopOutFlush(EventLoop loop) {
        // the printer's output is flushed by the caller
    }
}
