package io.jdig.view;

import io.jdig.chisel.ChiselLocator;

import java.util.ArrayList;
import java.util.List;

/**
 * The views a csysdig session offers: those on the chisel path, with their columns picked by tag ("containers"
 * with -pc, else "default"), without the container-only ones, and without those tagged "nocsysdig" except for
 * JSON output (which is what Sysdig Inspect reads); sorted by name.
 */
public final class ViewCatalog {
    private final List<ViewInfo> views;

    public ViewCatalog(List<ViewInfo> views) {
        this.views = List.copyOf(views);
    }

    public static ViewCatalog load(ChiselLocator locator, boolean containers, boolean json) {
        List<ViewInfo> out = new ArrayList<>();
        for (ViewInfo v : ViewLoader.load(locator)) {
            ViewInfo t = v.withTag(containers ? "containers" : "default");
            if (!t.tags().isEmpty() && t.tags().get(0).equals("Containers")) {
                continue;
            }
            if (!json && t.tags().contains("nocsysdig")) {
                continue;
            }
            out.add(t);
        }
        ViewInfo[] a = out.toArray(ViewInfo[]::new);
        IntroSort.sort(a, a.length, (x, y) -> x.name().compareTo(y.name()) < 0);
        return new ViewCatalog(List.of(a));
    }

    public List<ViewInfo> views() {
        return views;
    }

    /** The view with that id; with none given, the first root view. */
    public ViewInfo select(String id) {
        if (id != null && !id.isEmpty()) {
            for (ViewInfo v : views) {
                if (v.id().equals(id)) {
                    return v;
                }
            }
        } else {
            for (ViewInfo v : views) {
                if (v.isRoot()) {
                    return v;
                }
            }
        }
        throw new ViewException("view " + (id == null ? "" : id) + " not found");
    }

    /** Where Enter on a row of {@code from} leads: its drill-down target, else the first view that applies to the key. */
    public ViewInfo drillTarget(ViewInfo from, String keyField) {
        for (ViewInfo v : views) {
            if (v.id().equals(from.drilldownTarget())) {
                return v;
            }
        }
        for (ViewInfo v : views) {
            if (v.appliesTo().contains(keyField)) {
                return v;
            }
        }
        return null;
    }
}
