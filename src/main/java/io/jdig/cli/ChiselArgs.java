package io.jdig.cli;

import io.jdig.chisel.ChiselInfo;
import io.jdig.chisel.ChiselLocator;
import io.jdig.chisel.ChiselRuntime;
import io.jdig.filter.FilterCompiler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * sysdig's rule for the word after {@code -c NAME}: it is the chisel's argument string (all arguments in one word,
 * split later on blanks) or the start of the capture filter.
 * <ul>
 * <li>a chisel without arguments takes nothing;</li>
 * <li>a chisel with a required argument takes the next word, whatever it is;</li>
 * <li>a chisel with only optional arguments takes the next word unless there is none, it starts with '-', or the
 *     words from there on form a valid filter; a single argument of type "filter" is always taken.</li>
 * </ul>
 * sysdig tests as the filter everything left on its command line, options included; jdig tests the words that
 * are not options or option values, so that {@code -c spy_users proc.name=bash -r f.scap} reads as the user meant.
 * The words taken are removed from the command line (they must not become the capture filter) and kept, one per
 * {@code -c} in order, for {@link Options#chiselArgs}.
 */
final class ChiselArgs {
    /** The command line without the chisels' words, and each -c's word (null if none). */
    record Split(String[] args, List<String> chiselArgs) {
    }

    private final CommandSpec spec;

    ChiselArgs(CommandSpec spec) {
        this.spec = spec;
    }

    Split split(String[] in) {
        List<String> args = new ArrayList<>(List.of(in));
        List<String> chiselArgs = new ArrayList<>();
        ChiselLocator locator = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            String name = null;
            int next = i + 1;
            if (a.equals("-c") || a.equals("--chisel")) {
                if (i + 1 < args.size()) {
                    name = args.get(i + 1);
                    next = i + 2;
                }
            } else if (a.startsWith("--chisel=")) {
                name = a.substring("--chisel=".length());
            } else if (a.startsWith("-c") && !a.startsWith("--") && a.length() > 2) {
                name = a.substring(2);
            } else {
                i += valueWords(a);
                continue;
            }
            if (name == null) {
                break;
            }
            if (name.equals("l")) {
                i = next - 1;
                continue;
            }
            if (locator == null) {
                locator = Jdig.chiselLocator(chiselPaths(in));
            }
            ChiselLocator loc = locator;
            ChiselInfo info = loc.find(name).map(s -> ChiselRuntime.describe(loc, s)).orElse(null);
            String taken = null;
            if (info != null && !info.args().isEmpty() && next < args.size()) {
                String w = args.get(next);
                boolean take;
                if (info.requiredArgs() > 0) {
                    take = true;
                } else if (w.startsWith("-")) {
                    take = false;
                } else if (info.args().size() == 1 && "filter".equals(info.args().get(0).type())) {
                    take = true;
                } else {
                    take = !isFilter(filterWords(args, next));
                }
                if (take) {
                    taken = w;
                    args.remove(next);
                }
            }
            chiselArgs.add(taken);
            i = next - 1;
        }
        return new Split(args.toArray(new String[0]), chiselArgs);
    }

    /** How many following words an option word consumes as its value (0 or 1). */
    private int valueWords(String a) {
        if (!a.startsWith("-") || a.length() < 2) {
            return 0;
        }
        if (a.startsWith("--")) {
            if (a.contains("=")) {
                return 0;
            }
            OptionSpec o = spec.findOption(a);
            return o != null && takesValue(o) ? 1 : 0;
        }
        // a cluster of short options: flags, then perhaps one that takes the rest or the next word
        for (int k = 1; k < a.length(); k++) {
            OptionSpec o = spec.findOption("-" + a.charAt(k));
            if (o == null) {
                return 0;
            }
            if (takesValue(o)) {
                return k == a.length() - 1 ? 1 : 0;
            }
        }
        return 0;
    }

    private static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0;
    }

    /** The words from {@code from} on that are neither options nor option values. */
    private String filterWords(List<String> args, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && a.length() > 1) {
                i += valueWords(a);
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a);
        }
        return sb.toString();
    }

    private static boolean isFilter(String text) {
        if (text.isBlank()) {
            return false;
        }
        try {
            FilterCompiler.compile(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The --chisel-path values on a command line, read before the command line is parsed. */
    static List<String> chiselPaths(String[] args) {
        List<String> res = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--chisel-path") && i + 1 < args.length) {
                res.add(args[++i]);
            } else if (args[i].startsWith("--chisel-path=")) {
                res.add(args[i].substring("--chisel-path=".length()));
            }
        }
        return res;
    }
}
