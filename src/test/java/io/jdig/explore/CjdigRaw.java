package io.jdig.explore;

import io.jdig.view.cli.Cjdig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the explorations are compared with: the tables {@code cjdig --raw} prints, and a result in the same shape. */
final class CjdigRaw {
    private static final String RULE = "----------------------";

    private CjdigRaw() {
    }

    /** The last table {@code cjdig ARGS} prints (it must succeed), a line per row, runs of spaces as one. */
    static List<String> lastTable(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new Cjdig(out, new PrintStream(new ByteArrayOutputStream())).run(args);
        assertThat(rc).isZero();
        List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
        int end = lines.lastIndexOf(RULE);
        if (end < 0) {
            return List.of();
        }
        int start = lines.subList(0, end).lastIndexOf(RULE) + 1;
        List<String> rows = new ArrayList<>();
        for (String l : lines.subList(start, end)) {
            rows.add(l.strip().replaceAll(" +", " "));
        }
        return rows;
    }

    /** A view's rows in the same shape. */
    static List<String> rows(ViewResult r) {
        List<String> rows = new ArrayList<>();
        for (ViewResult.Row row : r.rows()) {
            rows.add(String.join(" ", row.cells()).strip().replaceAll(" +", " "));
        }
        return rows;
    }
}
