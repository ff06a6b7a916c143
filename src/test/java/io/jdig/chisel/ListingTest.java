package io.jdig.chisel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.jdig.Prerequisites;
import org.junit.jupiter.api.Test;

class ListingTest {
    static final String SYSDIG_DIR = Prerequisites.SYSDIG_CHISELS;

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return s;
    }

    @Test
    void listingOfSysdigsChiselsMatchesSysdig() throws Exception {
        Prerequisites.requireSysdig();
        ChiselLocator loc = new ChiselLocator(List.of(SYSDIG_DIR), false);
        String ours = ChiselListing.list(ChiselRuntime.describeAll(loc), true);
        assertThat(ours).isEqualTo(run("sysdig", "-cl"));
    }

    @Test
    void infoOfSysdigsChiselsMatchesSysdig() throws Exception {
        Prerequisites.requireSysdig();
        ChiselLocator loc = new ChiselLocator(List.of(SYSDIG_DIR), false);
        for (String n : List.of("topprocs_net", "spy_logs", "echo_fds", "spy_users", "lsof")) {
            assertThat(ChiselRuntime.infoText(loc, n)).as(n).isEqualTo(run("sysdig", "-i", n));
        }
        assertThatThrownBy(() -> ChiselRuntime.infoText(loc, "table_generator"))
                .hasMessage("chisel table_generator not found - use -cl to list them.");
    }

    @Test
    void listLayoutWrapsLongNamesAndDescriptions() {
        ChiselInfo a = new ChiselInfo("a_very_long_chisel_name", "", "d", "x".repeat(70), "Cat", List.of(), false, false);
        ChiselInfo b = new ChiselInfo("b", "", "d", "short", "Cat", List.of(), false, false);
        ChiselInfo h = new ChiselInfo("h", "", "d", "hidden", "Cat", List.of(), true, false);
        String s = ChiselListing.list(List.of(b, a, h), true);
        assertThat(s).isEqualTo("\nCategory: Cat\n-------------\na_very_long_chisel_name\n                "
                + "x".repeat(63) + "\n                " + "x".repeat(7) + "\nb               short\n"
                + "\nUse the -i flag to get detailed information about a specific chisel\n");
    }
}
