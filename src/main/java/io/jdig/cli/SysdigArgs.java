package io.jdig.cli;

import java.util.ArrayList;
import java.util.List;

/** Rewrites the few sysdig spellings that a general option parser reads differently. */
final class SysdigArgs {
    private SysdigArgs() {
    }

    static String[] normalise(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            PrintPreset preset = PrintPreset.ofOption(a);
            if (preset == null && (a.equals("-p") || a.equals("--print")) && i + 1 < args.length) {
                preset = PrintPreset.ofName(args[i + 1]);
                if (preset != null) {
                    i++;
                }
            }
            if (preset != null) {
                out.add("--print-container-data");
                out.add("-p");
                out.add(preset.format());
                continue;
            }
            switch (a) {
                case "-cl", "--list-chisels" -> out.add("--list-chisels");
                case "-lv" -> {
                    out.add("-l");
                    out.add("-v");
                }
                default -> out.add(a);
            }
        }
        return out.toArray(new String[0]);
    }
}
