package io.jdig.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** jdig's command line, with sysdig's option letters and meanings. */
@Command(name = "jdig", sortOptions = false,
        description = "System exploration and troubleshooting: capture, filter, print, save and summarise system calls.")
public final class Options {
    @Option(names = {"-r", "--read", "--readfile"}, paramLabel = "FILE", description = "Read events from a trace file.")
    List<String> readFiles = new ArrayList<>();

    @Option(names = {"-w", "--write", "--writefile"}, paramLabel = "FILE", description = "Write events to a trace file.")
    String writeFile;

    @Option(names = {"-p", "--print"}, paramLabel = "FORMAT", description = "Print events with this format (fields prefixed by %%).")
    String format;

    @Option(names = {"-j", "--json"}, description = "Print events as JSON.")
    boolean json;

    @Option(names = {"-A", "--print-ascii"}, description = "Print only the text of data buffers, keeping line breaks.")
    boolean ascii;

    @Option(names = {"-x", "--print-hex"}, description = "Print data buffers in hex.")
    boolean hex;

    @Option(names = {"-X", "--print-hex-ascii"}, description = "Print data buffers in hex and ASCII.")
    boolean hexAscii;

    @Option(names = {"-b", "--print-base64"}, description = "Print data buffers in base64.")
    boolean base64;

    @Option(names = {"-t", "--timetype"}, paramLabel = "h|a|r|d|D", description = "Timestamp type: h human, a absolute, r relative, d latency, D delta.")
    String timeType;

    @Option(names = {"-q", "--quiet"}, description = "Do not print events.")
    boolean quiet;

    @Option(names = {"-n", "--numevents"}, paramLabel = "N", description = "Stop after N events.")
    Long numEvents;

    @Option(names = {"-M"}, paramLabel = "SECS", description = "Stop after SECS seconds of events.")
    Long maxSeconds;

    @Option(names = {"-s", "--snaplen"}, paramLabel = "LEN", description = "Bytes of each I/O buffer to capture (default 80).")
    Integer snaplen;

    @Option(names = {"-v", "--verbose"}, description = "Print whole data buffers, and statistics at the end.")
    boolean verbose;

    @Option(names = {"-D", "--debug"}, description = "Show internal events as well.")
    boolean debug;

    @Option(names = {"-S", "--summary"}, description = "Print a table of event counts at the end.")
    boolean summary;

    @Option(names = {"-P", "--progress"}, description = "Print progress on stderr while reading a file.")
    boolean progress;

    @Option(names = {"-z", "--compress"}, description = "Compress the trace file written with -w (gzip).")
    boolean compress;

    @Option(names = {"-C", "--file-size"}, paramLabel = "MB", description = "Rotate the -w file after MB million bytes.")
    Long fileSizeMb;

    @Option(names = {"-G", "--seconds"}, paramLabel = "SECS", description = "Rotate the -w file every SECS seconds.")
    Long rotateSeconds;

    @Option(names = {"-W", "--limit"}, paramLabel = "N", description = "Keep at most N rotated files.")
    Integer fileLimit;

    @Option(names = {"-e", "--event-limit"}, paramLabel = "N", description = "With -w, start a new file every N events.")
    Long eventLimit;

    @Option(names = {"-d", "--displayflt"}, description = "Apply the filter after the state is updated (display filter).")
    boolean displayFilter;

    @Option(names = {"-c", "--chisel"}, paramLabel = "CHISEL", description = "Run a chisel (repeatable); its arguments follow as one word.")
    List<String> chisels = new ArrayList<>();

    @Option(names = {"-i", "--chisel-info"}, paramLabel = "CHISEL", description = "Describe a chisel and its arguments.")
    String chiselInfo;

    @Option(names = {"--list-chisels"}, description = "List the chisels.")
    boolean listChisels;

    @Option(names = {"--chisel-path"}, paramLabel = "DIR", description = "Another directory to look for chisels in.")
    List<String> chiselPath = new ArrayList<>();

    @Option(names = {"--print-container-data"}, hidden = true,
            description = "Set by -pc/-pcontainer: chisels show container information.")
    boolean printContainerData;

    /** The argument word of each -c, in order (null when the chisel took none); filled by SysdigArgs. */
    List<String> chiselArgs = new ArrayList<>();

    @Option(names = {"-l", "--list"}, description = "List the fields usable in filters and formats.")
    boolean listFields;

    @Option(names = {"-L", "--list-events"}, description = "List the events jdig knows.")
    boolean listEvents;

    @Option(names = {"--unbuffered"}, description = "Flush the output after every event.")
    boolean unbuffered;

    @Option(names = {"-R", "--resolve-ports"}, description = "Resolve port numbers to service names.")
    boolean resolvePorts;

    @Option(names = {"-E", "--exclude-users"}, description = "Do not write users and groups to the trace file.")
    boolean excludeUsers;

    @Option(names = {"-F", "--fatfile"}, description = "Fatfile mode: keep state events that the filter drops, hidden.")
    boolean fatfile;

    @Option(names = {"--version"}, description = "Print the version.")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this help.")
    boolean help;

    @Parameters(paramLabel = "FILTER", description = "A filter, e.g. proc.name=cat and evt.type=open")
    List<String> filter = new ArrayList<>();

    String filterText() {
        return String.join(" ", filter);
    }
}
