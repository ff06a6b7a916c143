package io.jdig.capture;

import java.util.List;

/** Users, groups, machine and network interfaces, as sysdig's UL, MI and IL blocks carry them. */
public final class SystemInfo {
    private SystemInfo() {}

    public record User(int uid, int gid, String name, String home, String shell) {}

    public record Group(int gid, String name) {}

    /** cpus online, total memory in bytes, hostname. */
    public record Machine(int cpus, long memoryBytes, String hostname) {}

    /** One address of an interface: family 2 (IPv4) or 10 (IPv6), raw network-order bytes. */
    public record InterfaceAddress(int family, byte[] address, byte[] netmask, byte[] broadcast) {}

    public record NetInterface(String name, List<InterfaceAddress> addresses) {}
}
