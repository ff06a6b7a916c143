package io.jdig.chisel;

/** What {@code sysdig.get_machine_info()} returns. */
public record MachineInfo(int numCpus, long memorySizeBytes, long maxPid, String hostname) {}
