package io.jdig.apitest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API tests stand for a program outside jdig: they may use jdig only through its exported package, and that
 * package is what the module exports, nothing more.
 */
class ApiBoundaryTest {
    @Test
    void apiTestsImportOnlyTheExportedPackage() throws IOException {
        Path dir = Path.of("src/test/java/io/jdig/apitest");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> imports = files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(l -> l.startsWith("import io.jdig.") || l.startsWith("import static io.jdig.")).toList();
            assertThat(imports).isNotEmpty().allMatch(l -> l.matches("import io\\.jdig\\.consumer\\.[A-Z]\\w*;"));
        }
    }

    @Test
    void theModuleExportsOnlyTheApi() throws IOException {
        List<String> exports = Files.readAllLines(Path.of("src/main/java/module-info.java")).stream()
                .map(String::trim).filter(l -> l.startsWith("exports ")).toList();
        assertThat(exports).containsExactly("exports io.jdig.consumer;");
    }

    @Test
    void theApiHasNoPublicMutableFieldsAndNoStaticState() throws IOException {
        Path dir = Path.of("src/main/java/io/jdig/consumer");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                for (String l : Files.readAllLines(f)) {
                    String t = l.trim();
                    assertThat(t).as(f + ": " + t).doesNotMatch("public (?!static final|final|abstract|sealed|record|"
                            + "interface|class|enum).*[^)] *[;=].*");
                    if (t.contains(" static ") && !t.contains("(") && (t.endsWith(";") || t.contains(" = "))) {
                        assertThat(t).as(f + ": static state").contains("final");
                    }
                }
            }
        }
    }
}
