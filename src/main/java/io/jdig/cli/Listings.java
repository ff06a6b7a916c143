package io.jdig.cli;

import io.jdig.event.EventInfo;
import io.jdig.event.EventTable;
import io.jdig.event.ParamInfo;
import io.jdig.event.ParamType;
import io.jdig.field.FieldDef;
import io.jdig.field.FieldRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** -l and -L: the fields and the events jdig knows, laid out as sysdig 0.29 lays them out. */
final class Listings {
    /** Where descriptions start, and the width they wrap at (sysdig's layout). */
    static final int RIGHT = 30;
    static final int WIDTH = 120;

    private Listings() {
    }

    static int fields(PrintStream out, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        for (FieldRegistry.FieldClass fc : FieldRegistry.classes()) {
            if (fc.hidden()) {
                continue;
            }
            sb.append("-------------------------------\n");
            pad(sb, "Field Class:");
            sb.append(fc.name());
            if (!fc.shortDesc().isEmpty()) {
                sb.append(" (").append(fc.shortDesc()).append(')');
            }
            sb.append('\n');
            if (!fc.description().isEmpty()) {
                pad(sb, "Description:");
                wrap(sb, fc.description());
                sb.append('\n');
            }
            sb.append('\n');
            for (FieldDef d : fc.fields()) {
                if (d.has(FieldDef.PRINT_ONLY) || d.has(FieldDef.TABLE_ONLY)) {
                    continue;
                }
                if (d.name().length() > RIGHT) {
                    sb.append(d.name()).append('\n');
                    pad(sb, " ");
                } else {
                    pad(sb, d.name());
                }
                String desc = d.description();
                if (d.has(FieldDef.FILTER_ONLY)) {
                    desc = "(FILTER ONLY) " + desc;
                }
                if (verbose) {
                    desc = "(Type: " + typeName(d.type()) + ") " + desc;
                }
                wrap(sb, desc);
                sb.append('\n');
            }
            // each class is printed followed by an empty line, as sysdig does
            sb.append('\n');
        }
        out.print(sb);
        return 0;
    }

    private static void pad(StringBuilder sb, String s) {
        sb.append(s);
        for (int i = s.length(); i < RIGHT; i++) {
            sb.append(' ');
        }
    }

    /** Words separated by blanks, each followed by a space, wrapped to the right block. */
    private static void wrap(StringBuilder sb, String text) {
        int len = 0;
        for (String w : text.trim().split("\\s+")) {
            int wl = w.length() + 1;
            if (len + wl <= WIDTH - RIGHT) {
                len += wl;
            } else {
                sb.append('\n');
                pad(sb, " ");
                len = wl;
            }
            sb.append(w).append(' ');
        }
    }

    /** The type names sysdig prints in listings. */
    static String typeName(ParamType t) {
        return switch (t) {
            case DYN -> "DYNAMIC";
            case NONE, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, CHARBUF, BYTEBUF, ERRNO, SOCKADDR,
                 SOCKTUPLE, FD, PID, FDLIST, FSPATH, SYSCALLID, SIGTYPE, RELTIME, ABSTIME, PORT, L4PROTO, SOCKFAMILY,
                 BOOL, IPV4ADDR, IPADDR, IPNET, FLAGS8, FLAGS16, FLAGS32, MODE, UID, GID, SIGSET, IPV4NET, DOUBLE,
                 CHARBUFARRAY, CHARBUF_PAIR_ARRAY, FSRELPATH -> t.name();
            default -> "<NA>";
        };
    }

    static int events(PrintStream out) {
        StringBuilder sb = new StringBuilder();
        try (InputStream in = Listings.class.getResourceAsStream("events029.tsv")) {
            if (in == null) {
                throw new IllegalStateException("events029.tsv missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] c = line.split("\t");
                int id = Integer.parseInt(c[0]);
                int n = Integer.parseInt(c[1]);
                EventInfo e = EventTable.get(id);
                if (!c[2].equals("1") || e == null) {
                    continue;
                }
                sb.append(e.isEnter() ? "> " : "< ").append(e.name()).append('(');
                ParamInfo[] ps = e.params();
                for (int i = 0; i < n && i < ps.length; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append(typeName(ps[i].type())).append(' ').append(ps[i].name());
                }
                sb.append(")\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.print(sb);
        return 0;
    }
}
