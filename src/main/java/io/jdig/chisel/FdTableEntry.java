package io.jdig.chisel;

/**
 * One entry of a thread's fd table for {@code sysdig.get_thread_table()}.
 *
 * @param name     the fd name as {@code fd.name} prints it (sinsp tostring_clean)
 * @param type     the type string ("file", "directory", "ipv4", "ipv6", "unix", "pipe", "event", "signalfd",
 *                 "eventpoll", "inotify", "timerfd", "netlink", ...), as {@code fd.type}
 * @param inet     true for ipv4/ipv6 sockets and server sockets: then the fields below are meaningful
 * @param client   false for server sockets (only sip/sport exist then)
 * @param l4proto  "tcp", "udp", "icmp", "raw" or "&lt;NA&gt;"
 */
public record FdTableEntry(String name, String type, boolean inet, boolean client, String l4proto, boolean isServer,
                     String sip, String cip, int sport, int cport) {
    /** A non-socket fd. */
    public static FdTableEntry plain(String name, String type) {
        return new FdTableEntry(name, type, false, false, null, false, null, null, 0, 0);
    }
}
