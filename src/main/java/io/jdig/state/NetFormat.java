package io.jdig.state;

import io.jdig.event.ByteBuf;

/** Renders addresses and tuples the way sysdig names sockets. */
public final class NetFormat {
    private NetFormat() {
    }

    /** An IPv4 address held as network-order bytes read little-endian. */
    public static void appendIpv4(ByteBuf out, int ip) {
        out.append(ip & 0xFF).append((byte) '.').append((ip >>> 8) & 0xFF).append((byte) '.')
                .append((ip >>> 16) & 0xFF).append((byte) '.').append((ip >>> 24) & 0xFF);
    }

    public static String ipv4(int ip) {
        ByteBuf b = new ByteBuf(16);
        appendIpv4(b, ip);
        return b.toString();
    }

    /** Whether the 16 bytes at {@code off} are an IPv4 address as sinsp sees one: IPv4-mapped (::ffff:a.b.c.d), or all zero. */
    public static boolean isV4Mapped(byte[] a, int off) {
        for (int i = 0; i < 10; i++) {
            if (a[off + i] != 0) {
                return false;
            }
        }
        if ((a[off + 10] & 0xFF) == 0xFF && (a[off + 11] & 0xFF) == 0xFF) {
            return true;
        }
        // sinsp takes the all-zero address (::, a socket bound to any address) for IPv4 too
        for (int i = 10; i < 16; i++) {
            if (a[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The i-th 16-bit group of an IPv6 address (network order). */
    private static int word(byte[] a, int off, int i) {
        return (a[off + 2 * i] & 0xFF) << 8 | a[off + 2 * i + 1] & 0xFF;
    }

    /** Text form of an IPv6 address as glibc's inet_ntop writes it. */
    public static void appendIpv6(ByteBuf out, byte[] a, int off) {
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (word(a, off, i) == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase >= 0) {
                if (bestBase < 0 || curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase >= 0 && (bestBase < 0 || curLen > bestLen)) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestBase >= 0 && bestLen < 2) {
            bestBase = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append((byte) ':');
                }
                continue;
            }
            if (i != 0) {
                out.append((byte) ':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && word(a, off, 5) == 0xffff))) {
                out.append(a[off + 12] & 0xFF).append((byte) '.').append(a[off + 13] & 0xFF).append((byte) '.')
                        .append(a[off + 14] & 0xFF).append((byte) '.').append(a[off + 15] & 0xFF);
                return;
            }
            out.appendHex(word(a, off, i), false);
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.append((byte) ':');
        }
    }

    public static String ipv6(byte[] a) {
        ByteBuf b = new ByteBuf(48);
        appendIpv6(b, a, 0);
        return b.toString();
    }

    /** The name sysdig gives a socket from its addresses, or null for types that are named otherwise. */
    public static String socketName(FdInfo f, PortNames ports) {
        ByteBuf b = new ByteBuf(64);
        switch (f.type) {
            case IPV4_SOCK -> {
                if (f.l4proto == FdInfo.L4_TCP || f.l4proto == FdInfo.L4_UDP) {
                    appendIpv4(b, f.sip);
                    b.append((byte) ':');
                    ports.append(b, f.sport, f.l4proto).append("->");
                    appendIpv4(b, f.dip);
                    b.append((byte) ':');
                    ports.append(b, f.dport, f.l4proto);
                } else if (f.l4proto == FdInfo.L4_ICMP || f.l4proto == FdInfo.L4_RAW) {
                    appendIpv4(b, f.sip);
                    b.append("->");
                    appendIpv4(b, f.dip);
                } else {
                    b.append("<unknown>");
                }
            }
            case IPV6_SOCK -> {
                byte[] s = f.sip6 == null ? new byte[16] : f.sip6;
                byte[] d = f.dip6 == null ? new byte[16] : f.dip6;
                if (f.l4proto == FdInfo.L4_TCP || f.l4proto == FdInfo.L4_UDP) {
                    if (isV4Mapped(s, 0) && isV4Mapped(d, 0)) {
                        appendIpv4(b, le32(s, 12));
                        b.append((byte) ':');
                    ports.append(b, f.sport, f.l4proto).append("->");
                        appendIpv4(b, le32(d, 12));
                        b.append((byte) ':');
                    ports.append(b, f.dport, f.l4proto);
                    } else {
                        appendIpv6(b, s, 0);
                        b.append((byte) ':');
                    ports.append(b, f.sport, f.l4proto).append("->");
                        appendIpv6(b, d, 0);
                        b.append((byte) ':');
                    ports.append(b, f.dport, f.l4proto);
                    }
                } else if (f.l4proto == FdInfo.L4_ICMP || f.l4proto == FdInfo.L4_RAW) {
                    appendIpv6(b, s, 0);
                    b.append("->");
                    appendIpv6(b, d, 0);
                } else {
                    b.append("<unknown>");
                }
            }
            case IPV4_SERVSOCK -> {
                appendIpv4(b, f.sip);
                b.append((byte) ':');
                ports.append(b, f.sport, f.l4proto);
            }
            case IPV6_SERVSOCK -> {
                appendIpv6(b, f.sip6 == null ? new byte[16] : f.sip6, 0);
                b.append((byte) ':');
                ports.append(b, f.sport, f.l4proto);
            }
            default -> {
                return null;
            }
        }
        return b.toString();
    }

    public static int le32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }
}
