package io.jdig.event.meta;

/** The machine a capture was taken on. */
public record MachineRecord(int numCpus, long memoryBytes, long maxPid, String hostname, long bootTs, long flags) {
}
