package io.jdig.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The comparisons with sysdig where both print nothing, on purpose (the trace has no such activity): listed in
 * expected-empty.txt, one "TRACE OPTIONS" a line, grouped under comments that say why. Any other comparison must
 * print something, so that two empty outputs cannot pass for agreement.
 */
final class ExpectedEmpty {
    private static final Set<String> CASES = load();

    private ExpectedEmpty() {
    }

    static boolean contains(String name) {
        return CASES.contains(name);
    }

    private static Set<String> load() {
        Set<String> s = new HashSet<>();
        try (InputStream in = ExpectedEmpty.class.getResourceAsStream("expected-empty.txt")) {
            if (in == null) {
                return s;
            }
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    s.add(l.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }
}
