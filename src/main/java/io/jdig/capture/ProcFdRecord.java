package io.jdig.capture;

/**
 * One open file descriptor from /proc (the fields of sysdig's FDL entry), a snapshot record that
 * {@link ProcSnapshot} turns into the trace's fd records; the live fd state is {@code io.jdig.state.FdInfo}.
 * {@code scapType} is a scap_fd_type (FILE_V2 16, DIRECTORY 2, IPV4_SOCK 3, IPV6_SOCK 4, IPV4_SERVSOCK 5,
 * IPV6_SERVSOCK 6, FIFO 7, UNIX_SOCK 8, EVENT 9, UNSUPPORTED 10, SIGNALFD 11, EVENTPOLL 12, INOTIFY 13, TIMERFD 14,
 * NETLINK 15). Addresses are raw network-order bytes (4 or 16), ports host-order numbers, {@code l4proto} a
 * scap_l4_proto (TCP 2, UDP 3, RAW 5). For unix sockets {@code localAddr}/{@code remoteAddr} hold the kernel socket
 * addresses (source, destination) as 8 little-endian bytes.
 */
public record ProcFdRecord(long fd, long ino, int scapType, int openFlags, String name, byte[] localAddr, int localPort,
                           byte[] remoteAddr, int remotePort, int l4proto, boolean server) {

    public static final int FILE = 1, DIRECTORY = 2, IPV4_SOCK = 3, IPV6_SOCK = 4, IPV4_SERVSOCK = 5,
            IPV6_SERVSOCK = 6, FIFO = 7, UNIX_SOCK = 8, EVENT = 9, UNSUPPORTED = 10, SIGNALFD = 11, EVENTPOLL = 12,
            INOTIFY = 13, TIMERFD = 14, NETLINK = 15, FILE_V2 = 16;
    public static final int L4_UNKNOWN = 0, L4_NA = 1, L4_TCP = 2, L4_UDP = 3, L4_ICMP = 4, L4_RAW = 5;
}
