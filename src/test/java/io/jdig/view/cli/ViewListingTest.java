package io.jdig.view.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.chisel.ChiselLocator;
import io.jdig.view.ViewCatalog;
import io.jdig.view.ViewInfo;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code --list-views}: aligned columns, descriptions wrapped beside them (or under them on a narrow screen). */
class ViewListingTest {
    private static List<ViewInfo> views() {
        return ViewCatalog.load(ChiselLocator.standard(List.of(), null), false, true).views();
    }

    @Test
    void columnsAlignAndDescriptionsWrapWithinTheWidth() {
        List<ViewInfo> views = views();
        String text = ViewListing.format(views, 100);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).matches("ID +NAME +TYPE +DESCRIPTION");
        int nameAt = lines.get(0).indexOf("NAME");
        int descAt = lines.get(0).indexOf("DESCRIPTION");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(lines).noneMatch(l -> l.endsWith(" "));
        ViewInfo procs = views.stream().filter(v -> v.id().equals("procs")).findFirst().orElseThrow();
        String row = lines.stream().filter(l -> l.startsWith("procs ")).findFirst().orElseThrow();
        assertThat(row.indexOf(procs.name())).isEqualTo(nameAt);
        assertThat(row.substring(descAt)).isEqualTo(ViewListing.wrap(procs.description(), 100 - descAt).get(0));
        // continuation lines sit in the description's column
        int i = lines.indexOf(row);
        String joined = row.substring(descAt);
        while (i + 1 < lines.size() && lines.get(i + 1).startsWith(" ".repeat(descAt))) {
            joined += " " + lines.get(++i).substring(descAt);
        }
        assertThat(joined).isEqualTo(procs.description().trim().replaceAll("\\s+", " "));
        assertThat(lines.get(lines.size() - 1)).startsWith(views.size() + " views");
        assertThat(lines.stream().filter(l -> !l.startsWith(" ") && !l.isEmpty()).count())
                .isEqualTo(views.size() + 2L); // the header, each view, the closing line
    }

    @Test
    void aNarrowScreenPutsDescriptionsUnderTheColumns() {
        String text = ViewListing.format(views(), 60);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo(lines.get(0).trim()).doesNotContain("DESCRIPTION");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(lines).anyMatch(l -> l.startsWith("    ") && !l.isBlank());
    }

    @Test
    void wrapKeepsWordsWhole() {
        assertThat(ViewListing.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
        assertThat(ViewListing.wrap("averyveryverylongword x", 5)).containsExactly("averyveryverylongword", "x");
        assertThat(ViewListing.wrap("  ", 10)).isEmpty();
    }
}
