package io.jdig.state;

/**
 * Kinds of file descriptor, numbered as sysdig's scap fd types, with the letter and name sysdig 0.29.3 shows
 * ({@code fd.typechar}, {@code fd.type}, the chisels' fd tables).
 */
public enum FdType {
    UNKNOWN(0, 'o', "<NA>"), FILE(1, 'f', "file"), DIRECTORY(2, 'd', "directory"), IPV4_SOCK(3, '4', "ipv4"),
    IPV6_SOCK(4, '6', "ipv6"), IPV4_SERVSOCK(5, '4', "ipv4"), IPV6_SERVSOCK(6, '6', "ipv6"), FIFO(7, 'p', "pipe"),
    UNIX_SOCK(8, 'u', "unix"), EVENT(9, 'e', "event"), UNSUPPORTED(10, 'X', "<NA>"),
    SIGNALFD(11, 's', "signalfd"), EVENTPOLL(12, 'l', "eventpoll"), INOTIFY(13, 'i', "inotify"),
    TIMERFD(14, 't', "timerfd"), NETLINK(15, 'n', "netlink"), FILE_V2(16, 'f', "file"),
    // types of later drivers: sysdig 0.29.3 reads them but has neither a letter nor a name for them
    BPF(17, '?', "<NA>"), USERFAULTFD(18, '?', "<NA>"), IOURING(19, '?', "<NA>"), MEMFD(20, '?', "<NA>"),
    PIDFD(21, '?', "<NA>");

    private static final FdType[] BY_CODE = values();

    public final int code;
    public final char typeChar;
    public final String label;

    FdType(int code, char typeChar, String label) {
        this.code = code;
        this.typeChar = typeChar;
        this.label = label;
    }

    public static FdType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNSUPPORTED;
    }

    public boolean isIp() {
        return this == IPV4_SOCK || this == IPV6_SOCK || this == IPV4_SERVSOCK || this == IPV6_SERVSOCK;
    }

    public boolean isFile() {
        return this == FILE || this == FILE_V2;
    }
}
