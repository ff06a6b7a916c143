package io.jdig.cli;

import java.util.ArrayList;
import java.util.List;

/** Rewrites the few sysdig spellings that a general option parser reads differently. */
final class SysdigArgs {
    private SysdigArgs() {
    }

    static String[] normalise(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "-cl", "--list-chisels" -> out.add("--list-chisels");
                case "-pc", "-pcontainer" -> {
                    out.add("--print-container-data");
                    out.add("-p");
                    out.add("*%evt.num %evt.outputtime %evt.cpu %container.name (%container.id) %proc.name "
                            + "(%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info");
                }
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
