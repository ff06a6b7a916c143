package io.jdig.state;

import java.util.Arrays;

/**
 * sinsp keeps a socket's addresses in one union, laid out differently for each kind of socket: an IPv4 tuple
 * (source address at byte 0, destination at 4, ports at 8 and 10, protocol at 12), an IPv4 server (address at 0,
 * port at 4, protocol at 6), IPv6 ones, a unix pair (two 8-byte ends). A kind writes its own fields only, and the
 * rest keeps what was there. This matters when an IPv4 server socket (a bound UDP socket) gets a tuple: sinsp then
 * reads the union as an IPv4 tuple, whose destination is the server's port and protocol followed by the byte
 * after them, and whose ports are whatever bytes 8 to 11 held.
 *
 * <p>When sinsp reads a process's fds from a trace's process list, it fills one union over and over, fd after fd,
 * before copying each: so the bytes a server socket keeps are those of the fds listed before it. An instance
 * follows that for one process's list (the union's bytes before its first fd are not known: zero here).
 */
final class ServerSocketBytes {
    private final byte[] u = new byte[40];

    /** Starts a new process's list. */
    void reset() {
        Arrays.fill(u, (byte) 0);
    }

    /** Writes what sinsp writes into the union for {@code f}, as read from the list, and keeps its bytes if it is an IPv4 server. */
    void read(FdInfo f) {
        switch (f.type) {
            case IPV4_SOCK -> {
                le32(0, f.sip);
                le32(4, f.dip);
                le16(8, f.sport);
                le16(10, f.dport);
                u[12] = (byte) f.l4proto;
            }
            case IPV4_SERVSOCK -> {
                le32(0, f.sip);
                le16(4, f.sport);
                u[6] = (byte) f.l4proto;
                keep(f);
            }
            case IPV6_SOCK -> {
                copy(0, f.sip6);
                copy(16, f.dip6);
                le16(32, f.sport);
                le16(34, f.dport);
                u[36] = (byte) f.l4proto;
            }
            case IPV6_SERVSOCK -> {
                copy(0, f.sip6);
                le16(16, f.sport);
                u[18] = (byte) f.l4proto;
            }
            case UNIX_SOCK -> {
                le64(0, f.unixSource);
                le64(8, f.unixDest);
            }
            default -> {
                // other kinds use no socket fields
            }
        }
    }

    private void keep(FdInfo f) {
        f.serverPad = u[7];
        f.serverPorts = (u[8] & 0xFF) | (u[9] & 0xFF) << 8 | (u[10] & 0xFF) << 16 | (u[11] & 0xFF) << 24;
    }

    /**
     * A bind makes {@code f} an IPv4 server socket: its server fields go over its IPv4 tuple, whose destination's
     * last byte and ports stay behind.
     */
    static void bound(FdInfo f) {
        if (f.type == FdType.IPV4_SOCK) {
            f.serverPad = (byte) (f.dip >>> 24);
            f.serverPorts = (f.sport & 0xFFFF) | (f.dport & 0xFFFF) << 16;
        } else {
            f.serverPad = 0;
            f.serverPorts = 0;
        }
    }

    /**
     * An IPv4 server socket read as an IPv4 tuple, as sinsp does before it sets the tuple an event gives: the
     * destination is the server's port, protocol and the byte after; the ports are what stayed behind.
     */
    static void asTuple(FdInfo f) {
        int port = f.sport & 0xFFFF;
        f.dip = port | (f.l4proto & 0xFF) << 16 | (f.serverPad & 0xFF) << 24;
        f.sport = f.serverPorts & 0xFFFF;
        f.dport = f.serverPorts >>> 16;
    }

    private void le16(int at, int v) {
        u[at] = (byte) v;
        u[at + 1] = (byte) (v >>> 8);
    }

    private void le32(int at, int v) {
        le16(at, v);
        le16(at + 2, v >>> 16);
    }

    private void le64(int at, long v) {
        le32(at, (int) v);
        le32(at + 4, (int) (v >>> 32));
    }

    private void copy(int at, byte[] b) {
        if (b != null) {
            System.arraycopy(b, 0, u, at, Math.min(16, b.length));
        }
    }
}
