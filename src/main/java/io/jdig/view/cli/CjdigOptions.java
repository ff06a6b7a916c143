package io.jdig.view.cli;

import java.util.ArrayList;
import java.util.List;

/** csysdig's command line: options first or anywhere, the remaining words are the filter. */
final class CjdigOptions {
    final List<String> readFiles = new ArrayList<>();
    String view;
    long delayMs = 2000;
    boolean json;
    boolean raw;
    Long numEvents;
    boolean containers;
    boolean resolvePorts;
    int snaplen;
    boolean ascii;
    boolean hexAscii;
    boolean listFields;
    boolean listViews;
    boolean help;
    boolean version;
    final List<String> chiselPaths = new ArrayList<>();
    final List<String> filterWords = new ArrayList<>();

    /** A word of the command line that csysdig would refuse. */
    static final class BadOption extends Exception {
        BadOption(String message) {
            super(message);
        }
    }

    static CjdigOptions parse(String[] args) throws BadOption {
        CjdigOptions o = new CjdigOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!o.filterWords.isEmpty() || !a.startsWith("-") || a.equals("-")) {
                o.filterWords.add(a);
                continue;
            }
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "-r", "--read" -> o.readFiles.add(value != null ? value : need(args, ++i, a));
                case "-v", "--view" -> o.view = value != null ? value : need(args, ++i, a);
                case "-d", "--delay" -> o.delayMs = number(value != null ? value : need(args, ++i, a), a);
                case "-j", "--json" -> o.json = true;
                case "--raw" -> o.raw = true;
                case "-n", "--numevents" -> o.numEvents = number(value != null ? value : need(args, ++i, a), a);
                case "-pc", "-pcontainer" -> o.containers = true;
                case "-R" -> o.resolvePorts = true;
                case "-s", "--snaplen" -> o.snaplen = (int) number(value != null ? value : need(args, ++i, a), a);
                case "-A", "--print-ascii" -> o.ascii = true;
                case "-X", "--print-hex-ascii" -> o.hexAscii = true;
                case "-l", "--list" -> o.listFields = true;
                case "--list-views" -> o.listViews = true;
                case "--chisel-path" -> o.chiselPaths.add(value != null ? value : need(args, ++i, a));
                case "-h", "--help" -> o.help = true;
                case "--version" -> o.version = true;
                default -> {
                    // short options stuck to their value (-rFILE, -vprocs, -n100, -d500)
                    if (a.length() > 2 && !a.startsWith("--") && "rvdns".indexOf(a.charAt(1)) >= 0) {
                        String v = a.substring(2);
                        switch (a.charAt(1)) {
                            case 'r' -> o.readFiles.add(v);
                            case 'v' -> o.view = v;
                            case 'd' -> o.delayMs = number(v, a);
                            case 'n' -> o.numEvents = number(v, a);
                            default -> o.snaplen = (int) number(v, a);
                        }
                    } else {
                        throw new BadOption("unknown option " + a);
                    }
                }
            }
        }
        return o;
    }

    private static String need(String[] args, int i, String opt) throws BadOption {
        if (i >= args.length) {
            throw new BadOption("option " + opt + " needs a value");
        }
        return args[i];
    }

    private static long number(String s, String opt) throws BadOption {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new BadOption("option " + opt + " takes a number, not '" + s + "'");
        }
    }

    /** The filter as csysdig builds it: every word followed by a space. */
    String filter() {
        StringBuilder sb = new StringBuilder();
        for (String w : filterWords) {
            sb.append(w).append(' ');
        }
        return sb.toString();
    }
}
