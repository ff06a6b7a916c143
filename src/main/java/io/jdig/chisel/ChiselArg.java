package io.jdig.chisel;

/** One entry of a chisel's {@code args} table. */
public record ChiselArg(String name, String type, String description, boolean optional) {}
