package io.jdig.event.meta;

/**
 * One open file descriptor at the start of a capture. {@code type} is sysdig's scap fd type number; IPv4
 * addresses are raw network-order bytes read as a little-endian int; IPv6 ones are 16-byte arrays. For unix sockets
 * {@code source}/{@code dest} hold the kernel socket addresses.
 */
public record FdRecord(long fd, long ino, int type, int openFlags, String name, int sip4, int dip4, byte[] sip6,
                       byte[] dip6, int sport, int dport, int l4proto, long source, long dest, int dev) {
    public static final int UNKNOWN = 0;
    public static final int FILE = 1;
    public static final int DIRECTORY = 2;
    public static final int IPV4_SOCK = 3;
    public static final int IPV6_SOCK = 4;
    public static final int IPV4_SERVSOCK = 5;
    public static final int IPV6_SERVSOCK = 6;
    public static final int FIFO = 7;
    public static final int UNIX_SOCK = 8;
    public static final int EVENT = 9;
    public static final int UNSUPPORTED = 10;
    public static final int SIGNALFD = 11;
    public static final int EVENTPOLL = 12;
    public static final int INOTIFY = 13;
    public static final int TIMERFD = 14;
    public static final int NETLINK = 15;
    public static final int FILE_V2 = 16;
    public static final int BPF = 17;
    public static final int USERFAULTFD = 18;
    public static final int IOURING = 19;
    public static final int MEMFD = 20;
    public static final int PIDFD = 21;

    public static FdRecord named(long fd, long ino, int type, int openFlags, String name) {
        return new FdRecord(fd, ino, type, openFlags, name, 0, 0, null, null, 0, 0, 0, 0, 0, 0);
    }
}
