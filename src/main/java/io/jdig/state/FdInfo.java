package io.jdig.state;

import java.nio.charset.StandardCharsets;

/**
 * What jdig knows about one open file descriptor: its type, name and, for sockets, addresses and ports.
 * IPv4 addresses are kept as the network-order bytes read as a little-endian int (sysdig's convention), IPv6 ones
 * as 16-byte arrays. Ports are host-order numbers.
 */
public final class FdInfo {
    public static final int L4_UNKNOWN = 0;
    public static final int L4_NA = 1;
    public static final int L4_TCP = 2;
    public static final int L4_UDP = 3;
    public static final int L4_ICMP = 4;
    public static final int L4_RAW = 5;

    public static final int ROLE_NONE = 0;
    public static final int ROLE_CLIENT = 1;
    public static final int ROLE_SERVER = 2;

    public long fd;
    public FdType type = FdType.UNKNOWN;
    private String name = "";
    private byte[] nameBytes = new byte[0];
    public int openFlags;
    public int l4proto;
    public int sip;
    public int dip;
    public byte[] sip6;
    public byte[] dip6;
    public int sport;
    public int dport;
    public int role;
    public long ino;
    public int dev;
    public long unixSource;
    public long unixDest;
    /**
     * For an IPv4 server socket: what sinsp's socket-address union holds after its server fields (ip, port,
     * protocol), byte 7 and bytes 8 to 11 (where its IPv4 view keeps the ports), left there by what the union held
     * before. Should the socket get a tuple (a sendto on a bound UDP socket), sinsp reads them as that view's
     * destination and ports ({@link ServerSocketBytes}).
     */
    public byte serverPad;
    public int serverPorts;
    public boolean closeInProgress;
    public boolean socketConnected;
    public boolean cloned;
    /** The name when the fd was last looked up: parsing an event that changes the name makes them differ. */
    String oldName = "";

    public String name() {
        return name;
    }

    public byte[] nameBytes() {
        return nameBytes;
    }

    public void setName(String n) {
        if (n == null) {
            n = "";
        }
        if (!n.equals(name)) {
            name = n;
            nameBytes = n.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** True when the name differs from the one it had when last looked up. */
    public boolean nameChangedSinceLookup() {
        return name != oldName && !name.equals(oldName);
    }

    public FdInfo copy() {
        FdInfo c = new FdInfo();
        c.fd = fd;
        c.type = type;
        c.name = name;
        c.oldName = oldName;
        c.nameBytes = nameBytes;
        c.openFlags = openFlags;
        c.l4proto = l4proto;
        c.sip = sip;
        c.dip = dip;
        c.sip6 = sip6;
        c.dip6 = dip6;
        c.sport = sport;
        c.dport = dport;
        c.role = role;
        c.ino = ino;
        c.dev = dev;
        c.unixSource = unixSource;
        c.unixDest = unixDest;
        c.socketConnected = socketConnected;
        c.serverPad = serverPad;
        c.serverPorts = serverPorts;
        return c;
    }

    /** The layer-4 protocol as sysdig reports it: unknown ("NA") for sockets whose role is not known yet. */
    public int l4() {
        switch (type) {
            case IPV4_SOCK, IPV6_SOCK -> {
                if (l4proto == L4_RAW) {
                    return L4_RAW;
                }
                return role == ROLE_NONE ? L4_NA : l4proto;
            }
            case IPV4_SERVSOCK, IPV6_SERVSOCK -> {
                return l4proto;
            }
            default -> {
                return L4_NA;
            }
        }
    }

    public boolean isServer() {
        return role == ROLE_SERVER;
    }

    public boolean isClient() {
        return role == ROLE_CLIENT;
    }

    public boolean isIpv4() {
        return type == FdType.IPV4_SOCK || type == FdType.IPV4_SERVSOCK;
    }

    public boolean isIpv6() {
        return type == FdType.IPV6_SOCK || type == FdType.IPV6_SERVSOCK;
    }

    public boolean isUdp() {
        return l4proto == L4_UDP;
    }
}
