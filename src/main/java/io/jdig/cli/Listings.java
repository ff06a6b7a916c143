package io.jdig.cli;

import io.jdig.event.EventInfo;
import io.jdig.event.EventTable;
import io.jdig.event.ParamInfo;
import io.jdig.field.FieldDef;
import io.jdig.field.FieldRegistry;

import java.io.PrintStream;

/** -l and -L: the fields and the events jdig knows. */
final class Listings {
    private Listings() {
    }

    static int fields(PrintStream out, boolean verbose) {
        String cls = null;
        for (FieldDef d : FieldRegistry.all()) {
            if (d.has(FieldDef.HIDDEN)) {
                continue;
            }
            if (!d.fieldClass().equals(cls)) {
                cls = d.fieldClass();
                out.println();
                out.println("----------------------");
                out.println("Field Class: " + cls);
                out.println();
            }
            String name = d.name() + (d.argSyntax() == FieldDef.ArgSyntax.NONE ? "" : "[ARG]");
            out.printf("%-24s %s%n", name, d.description());
        }
        return 0;
    }

    static int events(PrintStream out) {
        for (EventInfo e : EventTable.all()) {
            if (e.has(io.jdig.event.EventFlags.UNUSED) || e.has(io.jdig.event.EventFlags.OLD_VERSION)) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(e.isEnter() ? "> " : "< ").append(e.name()).append('(');
            ParamInfo[] ps = e.params();
            for (int i = 0; i < ps.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(ps[i].type().name()).append(' ').append(ps[i].name());
            }
            sb.append(')');
            out.println(sb);
        }
        return 0;
    }
}
