package io.jdig.chisel;

import java.util.List;

/**
 * What a chisel file declares: the globals sysdig reads at load time.
 * {@code view} is true for csysdig views (a {@code view_info} table and no description); those are not listed.
 */
public record ChiselInfo(String name, String source, String description, String shortDescription, String category,
                         List<ChiselArg> args, boolean hidden, boolean view) {

    public int requiredArgs() {
        return (int) args.stream().filter(a -> !a.optional()).count();
    }

    public int optionalArgs() {
        return (int) args.stream().filter(ChiselArg::optional).count();
    }
}
