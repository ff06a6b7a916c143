package io.jdig.view.cli;

import io.jdig.view.ViewCatalog;
import io.jdig.view.ViewInfo;

import java.io.PrintStream;

/** {@code --list-views}: every view's id, name and type, then its description. */
final class ViewListing {
    private ViewListing() {
    }

    static int print(ViewCatalog catalog, PrintStream out) {
        for (ViewInfo v : catalog.views()) {
            out.printf("%-24s %-22s %s%n", v.id(), v.name(), v.type().name().toLowerCase(java.util.Locale.ROOT));
            if (!v.description().isEmpty()) {
                out.println("    " + v.description());
            }
        }
        return 0;
    }
}
