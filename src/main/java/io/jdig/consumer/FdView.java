package io.jdig.consumer;

import io.jdig.state.FdInfo;
import io.jdig.state.FdType;
import io.jdig.state.NetFormat;

/**
 * A file descriptor as the state knows it at the current event: number, type, name, and for sockets the two ends.
 * A read-only view: it follows the state as events are read, so use it during a callback.
 */
public final class FdView {
    private FdInfo f;

    FdView(FdInfo f) {
        this.f = f;
    }

    FdView at(FdInfo info) {
        this.f = info;
        return this;
    }

    /** The descriptor's number ({@code fd.num}). */
    public long number() {
        return f.fd;
    }

    /** Its type as sysdig names it: {@code file}, {@code directory}, {@code ipv4}, {@code ipv6}, {@code unix}... */
    public String type() {
        return f.type.label;
    }

    /** Its name ({@code fd.name}): a path, a connection such as {@code 10.0.0.1:5000->10.0.0.2:80}, ... */
    public String name() {
        return f.name();
    }

    /** Whether this is an IPv4 or IPv6 socket. */
    public boolean isNetwork() {
        return f.type.isIp();
    }

    /** For a socket, whether this end is the server ({@code fd.is_server}). */
    public boolean isServer() {
        return f.isServer() || f.type == FdType.IPV4_SERVSOCK || f.type == FdType.IPV6_SERVSOCK;
    }

    /** The layer-4 protocol of a socket ({@code tcp}, {@code udp}, {@code icmp}, {@code raw}), else null. */
    public String protocol() {
        return switch (f.l4proto) {
            case FdInfo.L4_TCP -> "tcp";
            case FdInfo.L4_UDP -> "udp";
            case FdInfo.L4_ICMP -> "icmp";
            case FdInfo.L4_RAW -> "raw";
            default -> null;
        };
    }

    /** The client's address of a connected socket ({@code fd.cip}), else null. */
    public String clientAddress() {
        return address(true);
    }

    /** The server's address of a socket ({@code fd.sip}), else null. */
    public String serverAddress() {
        return address(false);
    }

    /** The client's port ({@code fd.cport}), or 0. */
    public int clientPort() {
        return f.type.isIp() ? f.sport : 0;
    }

    /** The server's port ({@code fd.sport}), or 0. */
    public int serverPort() {
        return f.type == FdType.IPV4_SERVSOCK || f.type == FdType.IPV6_SERVSOCK ? f.sport
                : f.type.isIp() ? f.dport : 0;
    }

    private String address(boolean client) {
        return switch (f.type) {
            case IPV4_SOCK -> NetFormat.ipv4(client ? f.sip : f.dip);
            case IPV6_SOCK -> {
                byte[] a = client ? f.sip6 : f.dip6;
                yield a == null ? null : NetFormat.ipv6(a);
            }
            case IPV4_SERVSOCK -> client ? null : NetFormat.ipv4(f.sip);
            case IPV6_SERVSOCK -> client || f.sip6 == null ? null : NetFormat.ipv6(f.sip6);
            default -> null;
        };
    }

    @Override
    public String toString() {
        return number() + "(" + type() + " " + name() + ")";
    }
}
