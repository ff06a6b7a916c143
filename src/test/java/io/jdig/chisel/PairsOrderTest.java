package io.jdig.chisel;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.Prerequisites;
import io.jdig.conformance.Shared;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pairs} over tables whose keys are all numbers visits them in LuaJIT's order, which is the same on every
 * run of sysdig (chisels print such tables as they come: wsysdig_summary's ports of a protocol): a constructor of
 * constants grown by a loop, pseudo-random keys, keys removed and added, negative and fractional keys, an array
 * with holes, an array part that shrinks, keys assigned nil. A test chisel prints each order, run by sysdig 0.29.3
 * and by jdig.
 */
class PairsOrderTest {
    @Test
    void numberKeyedTablesIterateAsInLuaJit(@TempDir Path dir) throws Exception {
        Prerequisites.requireSysdig();
        Path chisel = dir.resolve("pairs_order.lua");
        try (InputStream in = PairsOrderTest.class.getResourceAsStream("pairs_order.lua")) {
            Files.copy(in, chisel);
        }
        List<String> args = List.of("-r", Shared.trace("libs__sample").toString(), "-c", chisel.toString());
        Shared.Run theirs = Shared.sysdig(args);
        Shared.Run ours = Shared.jdig(args.toArray(new String[0]));
        assertThat(theirs.out()).as("sysdig ran the test chisel: %s", theirs.err()).hasSize(9);
        Shared.assertSame("pairs order", theirs, ours, Shared.Expect.LINES);
    }
}
