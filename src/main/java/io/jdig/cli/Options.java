package io.jdig.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * jdig's command line, with sysdig's option letters and meanings. The picocli model is built in code rather than
 * from annotations: reading annotations reflectively cost about a tenth of a second on every start.
 */
public final class Options {
    List<String> readFiles = new ArrayList<>();
    String writeFile;
    String format;
    boolean json;
    boolean ascii;
    boolean hex;
    boolean hexAscii;
    boolean base64;
    String timeType;
    boolean quiet;
    Long numEvents;
    Long maxSeconds;
    Integer snaplen;
    boolean verbose;
    boolean debug;
    boolean summary;
    boolean progress;
    boolean compress;
    Long fileSizeMb;
    Long rotateSeconds;
    Integer fileLimit;
    Long eventLimit;
    boolean displayFilter;
    List<String> chisels = new ArrayList<>();
    String chiselInfo;
    boolean listChisels;
    List<String> chiselPath = new ArrayList<>();
    boolean printContainerData;
    boolean listFields;
    boolean listEvents;
    boolean unbuffered;
    boolean resolvePorts;
    boolean excludeUsers;
    boolean fatfile;
    boolean version;
    boolean help;
    String showFormat;
    List<String> filter = new ArrayList<>();

    /** The argument word of each -c, in order (null when the chisel took none); filled by ChiselArgs. */
    List<String> chiselArgs = new ArrayList<>();

    String filterText() {
        return String.join(" ", filter);
    }

    /** The command line's options, each with where its value goes in {@link Options}. */
    static final class Definition {
        private final CommandSpec spec = CommandSpec.create().name("jdig");
        private final List<Binding> bindings = new ArrayList<>();

        private record Binding(OptionSpec option, BiConsumer<Options, Object> apply) {
        }

        Definition() {
            spec.usageMessage().sortOptions(false).description(
                    "System exploration and troubleshooting: capture, filter, print, save and summarise system calls.");
            declare(this);
            spec.addPositional(PositionalParamSpec.builder().paramLabel("FILTER").type(List.class)
                    .auxiliaryTypes(String.class).arity("0..*")
                    .description("A filter, e.g. proc.name=cat and evt.type=open").build());
        }

        CommandSpec spec() {
            return spec;
        }

        /** The options as given on a parsed command line. */
        Options read(ParseResult r) {
            Options o = new Options();
            for (Binding b : bindings) {
                if (r.hasMatchedOption(b.option())) {
                    b.apply().accept(o, b.option().arity().max() == 0 ? Boolean.TRUE : b.option().getValue());
                }
            }
            List<String> words = r.matchedPositionalValue(0, null);
            if (words != null) {
                o.filter = words;
            }
            return o;
        }

        private void add(OptionSpec option, BiConsumer<Options, Object> apply) {
            spec.addOption(option);
            bindings.add(new Binding(option, apply));
        }

        void flag(String description, Consumer<Options> set, String... names) {
            add(OptionSpec.builder(names).type(boolean.class).description(description).build(), (o, v) -> set.accept(o));
        }

        void hiddenFlag(String description, Consumer<Options> set, String... names) {
            add(OptionSpec.builder(names).type(boolean.class).hidden(true).description(description).build(),
                    (o, v) -> set.accept(o));
        }

        void help(String description, Consumer<Options> set, String... names) {
            add(OptionSpec.builder(names).type(boolean.class).usageHelp(true).description(description).build(),
                    (o, v) -> set.accept(o));
        }

        @SuppressWarnings("unchecked")
        <T> void value(Class<T> type, String label, String description, BiConsumer<Options, T> set, String... names) {
            add(OptionSpec.builder(names).type(type).paramLabel(label).description(description).build(),
                    (o, v) -> set.accept(o, (T) v));
        }

        void hiddenValue(String description, BiConsumer<Options, String> set, String... names) {
            add(OptionSpec.builder(names).type(String.class).hidden(true).description(description).build(),
                    (o, v) -> set.accept(o, (String) v));
        }

        @SuppressWarnings("unchecked")
        void list(String label, String description, BiConsumer<Options, List<String>> set, String... names) {
            add(OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                    .description(description).build(), (o, v) -> set.accept(o, new ArrayList<>((List<String>) v)));
        }
    }

    private static void declare(Definition d) {
        d.list("FILE", "Read events from a trace file.", (o, v) -> o.readFiles = v, "-r", "--read", "--readfile");
        d.value(String.class, "FILE", "Write events to a trace file.", (o, v) -> o.writeFile = v, "-w", "--write", "--writefile");
        d.value(String.class, "FORMAT", "Print events with this format (fields prefixed by %%).", (o, v) -> o.format = v, "-p", "--print");
        d.flag("Print events as JSON.", o -> o.json = true, "-j", "--json");
        d.flag("Print only the text of data buffers, keeping line breaks.", o -> o.ascii = true, "-A", "--print-ascii");
        d.flag("Print data buffers in hex.", o -> o.hex = true, "-x", "--print-hex");
        d.flag("Print data buffers in hex and ASCII.", o -> o.hexAscii = true, "-X", "--print-hex-ascii");
        d.flag("Print data buffers in base64.", o -> o.base64 = true, "-b", "--print-base64");
        d.value(String.class, "h|a|r|d|D", "Timestamp type: h human, a absolute, r relative, d latency, D delta.", (o, v) -> o.timeType = v, "-t", "--timetype");
        d.flag("Do not print events.", o -> o.quiet = true, "-q", "--quiet");
        d.value(Long.class, "N", "Stop after N events.", (o, v) -> o.numEvents = v, "-n", "--numevents");
        d.value(Long.class, "SECS", "Stop after SECS seconds of events.", (o, v) -> o.maxSeconds = v, "-M");
        d.value(Integer.class, "LEN", "Bytes of each I/O buffer to capture (default 80).", (o, v) -> o.snaplen = v, "-s", "--snaplen");
        d.flag("Print whole data buffers, and statistics at the end.", o -> o.verbose = true, "-v", "--verbose");
        d.flag("Show internal events as well.", o -> o.debug = true, "-D", "--debug");
        d.flag("Print a table of event counts at the end.", o -> o.summary = true, "-S", "--summary");
        d.flag("Print progress on stderr while reading a file.", o -> o.progress = true, "-P", "--progress");
        d.flag("Compress the trace file written with -w (gzip).", o -> o.compress = true, "-z", "--compress");
        d.value(Long.class, "MB", "Rotate the -w file after MB million bytes.", (o, v) -> o.fileSizeMb = v, "-C", "--file-size");
        d.value(Long.class, "SECS", "Rotate the -w file every SECS seconds.", (o, v) -> o.rotateSeconds = v, "-G", "--seconds");
        d.value(Integer.class, "N", "Keep at most N rotated files.", (o, v) -> o.fileLimit = v, "-W", "--limit");
        d.value(Long.class, "N", "With -w, start a new file every N events.", (o, v) -> o.eventLimit = v, "-e", "--event-limit");
        d.flag("Apply the filter after the state is updated (display filter).", o -> o.displayFilter = true, "-d", "--displayflt");
        d.list("CHISEL", "Run a chisel (repeatable); its arguments follow as one word.", (o, v) -> o.chisels = v, "-c", "--chisel");
        d.value(String.class, "CHISEL", "Describe a chisel and its arguments.", (o, v) -> o.chiselInfo = v, "-i", "--chisel-info");
        d.flag("List the chisels.", o -> o.listChisels = true, "--list-chisels");
        d.list("DIR", "Another directory to look for chisels in.", (o, v) -> o.chiselPath = v, "--chisel-path");
        d.hiddenFlag("Set by -pc/-pcontainer: chisels show container information.", o -> o.printContainerData = true, "--print-container-data");
        d.flag("List the fields usable in filters and formats.", o -> o.listFields = true, "-l", "--list");
        d.flag("List the events jdig knows.", o -> o.listEvents = true, "-L", "--list-events");
        d.flag("Flush the output after every event.", o -> o.unbuffered = true, "--unbuffered");
        d.flag("Resolve port numbers to service names.", o -> o.resolvePorts = true, "-R", "--resolve-ports");
        d.flag("Do not write users and groups to the trace file.", o -> o.excludeUsers = true, "-E", "--exclude-users");
        d.flag("Fatfile mode: keep state events that the filter drops, hidden.", o -> o.fatfile = true, "-F", "--fatfile");
        d.flag("Print the version.", o -> o.version = true, "--version");
        d.hiddenValue("Set by -pp: print this format and stop.", (o, v) -> o.showFormat = v, SysdigArgs.SHOW_FORMAT);
        d.help("Print this help.", o -> o.help = true, "-h", "--help");
    }
}
