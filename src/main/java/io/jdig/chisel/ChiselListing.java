package io.jdig.chisel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code -cl} and {@code -i NAME} texts, laid out as sysdig prints them. */
public final class ChiselListing {
    private static final int DESCRIPTION_TEXT_START = 16;
    private static final int CONSOLE_LINE_LEN = 79;

    private ChiselListing() {}

    /** sysdig -cl: chisels grouped by category, hidden ones and views left out. */
    public static String list(List<ChiselInfo> chisels, boolean verbose) {
        List<ChiselInfo> l = new ArrayList<>();
        for (ChiselInfo c : chisels) if (!c.hidden() && !c.view()) l.add(c);
        l.sort(Comparator.comparing(ChiselInfo::category, ChiselListing::byteCompare)
                .thenComparing(ChiselInfo::name, ChiselListing::byteCompare));
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (ChiselInfo c : l) {
            if (!c.category().equals(last)) {
                String full = "Category: " + c.category();
                sb.append('\n').append(full).append('\n').append("-".repeat(full.length())).append('\n');
                last = c.category();
            }
            sb.append(c.name());
            int namelen = c.name().length();
            if (namelen >= DESCRIPTION_TEXT_START) {
                sb.append('\n');
                namelen = 0;
            }
            sb.append(" ".repeat(DESCRIPTION_TEXT_START - namelen));
            String d = c.shortDescription();
            for (int i = 0; i < d.length(); i++) {
                if (i % (CONSOLE_LINE_LEN - DESCRIPTION_TEXT_START) == 0 && i != 0) {
                    sb.append('\n').append(" ".repeat(DESCRIPTION_TEXT_START));
                }
                sb.append(d.charAt(i));
            }
            sb.append('\n');
        }
        if (verbose) sb.append("\nUse the -i flag to get detailed information about a specific chisel\n");
        return sb.toString();
    }

    /** sysdig -i NAME. */
    public static String info(ChiselInfo c) {
        StringBuilder sb = new StringBuilder();
        sb.append(list(List.of(new ChiselInfo(c.name(), c.source(), c.description(), c.shortDescription(),
                c.category(), c.args(), false, false)), false));
        sb.append('\n');
        String d = c.description();
        for (int i = 0; i < d.length(); i++) {
            if (i % CONSOLE_LINE_LEN == 0 && i != 0) sb.append('\n');
            sb.append(d.charAt(i));
        }
        sb.append('\n');
        StringBuilder a = new StringBuilder("Args:\n");
        if (!c.args().isEmpty()) {
            for (ChiselArg arg : c.args()) {
                a.append('[').append(arg.type()).append("] ").append(arg.name()).append(" - ")
                        .append(arg.description()).append('\n');
            }
        } else {
            a.append("(None)");
        }
        int linepos = 0;
        for (int i = 0; i < a.length(); i++, linepos++) {
            char ch = a.charAt(i);
            if (ch == '\n') {
                linepos = -1;
            } else if (linepos % (CONSOLE_LINE_LEN - DESCRIPTION_TEXT_START) == 0 && linepos != 0) {
                sb.append('\n').append(" ".repeat(DESCRIPTION_TEXT_START));
            }
            sb.append(ch);
        }
        sb.append('\n');
        return sb.toString();
    }

    private static int byteCompare(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
