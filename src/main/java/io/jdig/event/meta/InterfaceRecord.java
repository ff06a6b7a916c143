package io.jdig.event.meta;

/**
 * A network interface address. IPv4 addresses are the raw network-order bytes read as a little-endian int (as
 * sysdig stores them); for IPv6 the 16-byte arrays are set instead.
 */
public record InterfaceRecord(int type, String name, int addr4, int netmask4, int bcast4, byte[] addr6,
                              byte[] netmask6, byte[] bcast6, long linkSpeed) {
    public static final int IPV4 = 1;
    public static final int IPV6 = 2;
    public static final int IPV4_NOLINKSPEED = 3;
    public static final int IPV6_NOLINKSPEED = 4;

    public boolean isV6() {
        return type == IPV6 || type == IPV6_NOLINKSPEED;
    }
}
