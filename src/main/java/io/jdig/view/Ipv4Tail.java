package io.jdig.view;

import io.jdig.state.FdInfo;
import io.jdig.state.FdType;

/**
 * csysdig keeps 16 bytes for an address column (type IPADDR) even when the address is IPv4: the 4 bytes of the
 * address and the 12 that follow it in sysdig's socket record (the other address, the ports, the protocol,
 * then zeros). It then shows them as an IPv6 address. To print what it prints, the same 16 bytes are rebuilt
 * here from the event's socket.
 */
final class Ipv4Tail {
    private Ipv4Tail() {
    }

    /** The 16 bytes for an IPv4 value {@code ip} of field {@code name} read from socket {@code fd}. */
    static byte[] of(String name, FdInfo fd, int ip) {
        byte[] b = new byte[16];
        if (fd == null) {
            putInt(b, 0, ip);
            return b;
        }
        if (fd.type == FdType.IPV4_SERVSOCK) {
            // the listening socket's record: address, port, protocol
            putInt(b, 0, ip);
            b[4] = (byte) fd.sport;
            b[5] = (byte) (fd.sport >> 8);
            b[6] = (byte) fd.l4proto;
            return b;
        }
        // a connected socket's record: client address, server address, client port, server port, protocol
        byte[] tuple = new byte[13];
        putInt(tuple, 0, fd.sip);
        putInt(tuple, 4, fd.dip);
        tuple[8] = (byte) fd.sport;
        tuple[9] = (byte) (fd.sport >> 8);
        tuple[10] = (byte) fd.dport;
        tuple[11] = (byte) (fd.dport >> 8);
        tuple[12] = (byte) fd.l4proto;
        int from = offset(name, fd, ip);
        System.arraycopy(tuple, from, b, 0, 13 - from);
        return b;
    }

    /** Where in the record the field's address sits: 0 for the client's, 4 for the server's. */
    private static int offset(String name, FdInfo fd, int ip) {
        boolean isSip = ip == fd.sip;
        boolean isDip = ip == fd.dip;
        if (isSip != isDip) {
            return isSip ? 0 : 4;
        }
        return switch (name) {
            case "fd.sip", "fd.sip.name" -> 4;
            case "fd.lip" -> fd.isServer() ? 4 : 0;
            case "fd.rip" -> fd.isServer() ? 0 : 4;
            default -> 0;
        };
    }

    private static void putInt(byte[] b, int o, int v) {
        for (int i = 0; i < 4; i++) {
            b[o + i] = (byte) (v >>> (8 * i));
        }
    }
}
