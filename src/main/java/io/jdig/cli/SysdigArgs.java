package io.jdig.cli;

import java.util.ArrayList;
import java.util.List;

/** Rewrites the few sysdig spellings that a general option parser reads differently. */
final class SysdigArgs {
    /** The hidden option that {@code -pp} becomes: print this format and stop. */
    static final String SHOW_FORMAT = "--show-format";

    private SysdigArgs() {
    }

    static String[] normalise(String[] args) {
        return normalise(args, Jdig.defaultFormatText(false));
    }

    /**
     * The command line with sysdig's spellings rewritten. {@code defaultFormat} is the format in force before any
     * {@code -p}: sysdig reads its options in order, and {@code -pp} prints the format in force at that point
     * (the default, or what an earlier {@code -p} set) and ends the run there, so the words after it are dropped.
     */
    static String[] normalise(String[] args, String defaultFormat) {
        List<String> out = new ArrayList<>();
        String format = defaultFormat;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = printValue(a);
            boolean separate = value == null && (a.equals("-p") || a.equals("--print")) && i + 1 < args.length;
            if (separate) {
                value = args[i + 1];
            }
            if (value == null) {
                switch (a) {
                    case "-cl", "--list-chisels" -> out.add("--list-chisels");
                    case "-lv" -> {
                        out.add("-l");
                        out.add("-v");
                    }
                    default -> out.add(a);
                }
                continue;
            }
            if (separate) {
                i++;
            }
            if (value.equals("p")) {
                out.add(SHOW_FORMAT);
                out.add(format);
                break;
            }
            PrintPreset preset = PrintPreset.ofName(value);
            if (preset != null) {
                out.add("--print-container-data");
                format = preset.format();
            } else {
                format = value;
            }
            out.add("-p");
            out.add(format);
        }
        return out.toArray(new String[0]);
    }

    /** The value of a -p given in the same word ({@code -pk}, {@code --print=mesos}), or null. */
    private static String printValue(String word) {
        if (word.startsWith("--print=")) {
            return word.substring("--print=".length());
        }
        if (word.startsWith("-p") && !word.startsWith("--") && word.length() > 2) {
            return word.substring(2);
        }
        return null;
    }
}
