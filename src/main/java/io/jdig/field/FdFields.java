package io.jdig.field;

import io.jdig.event.ByteBuf;
import io.jdig.event.EventFlags;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.event.ParamType;
import io.jdig.event.meta.InterfaceRecord;
import io.jdig.state.Containers;
import io.jdig.state.FdInfo;
import io.jdig.state.Services;
import io.jdig.state.FdType;
import io.jdig.state.Paths;
import io.jdig.state.ThreadInfo;

import java.util.List;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The fd.* fields: the file descriptor an event uses. */
final class FdFields {
    private FdFields() {
    }

    /** Marks events that neither create, use nor destroy an fd: every fd field is then missing. */
    static final FdInfo NOT_FD_EVENT = new FdInfo();

    /**
     * The fd of the event as sysdig's fd fields find it: {@link #NOT_FD_EVENT} for events without an fd or
     * thread, null when the fd is unknown, else the fd (the event's, or the thread's last used fd).
     */
    /** Whether events of this kind have an fd that the fd fields can describe. */
    static boolean hasFd(io.jdig.event.EventInfo kind) {
        return (kind.flags() & (EventFlags.CREATES_FD | EventFlags.USES_FD | EventFlags.DESTROYS_FD)) != 0;
    }

    static FdInfo fdOf(EventContext c) {
        int flags = c.ev.info().flags();
        if ((flags & (EventFlags.CREATES_FD | EventFlags.USES_FD | EventFlags.DESTROYS_FD)) == 0) {
            return NOT_FD_EVENT;
        }
        ThreadInfo t = c.thread();
        if (t == null) {
            return NOT_FD_EVENT;
        }
        FdInfo f = c.fd();
        if (f == null && t.lastEventFd != -1) {
            f = t.fds.get(t.lastEventFd);
        }
        return f;
    }

    interface FdExtractor {
        boolean extract(EventContext c, FdInfo f, FieldValue v);
    }

    /** A field that needs a known fd. */
    static Extractor f(FdExtractor x) {
        return Extractor.onlyFor(FdFields::hasFd, (c, v) -> {
            FdInfo f = fdOf(c);
            return f != null && f != NOT_FD_EVENT && x.extract(c, f, v);
        });
    }

    /** A field that, when the fd is unknown, falls back to what the creating call names. */
    static Extractor withCreator(FdExtractor known, FdExtractor unknown) {
        return Extractor.onlyFor(FdFields::hasFd, (c, v) -> {
            FdInfo f = fdOf(c);
            if (f == NOT_FD_EVENT) {
                return false;
            }
            if (f == null) {
                return unknown.extract(c, null, v);
            }
            return known.extract(c, f, v);
        });
    }

    static boolean roleNone(FdInfo f) {
        return f.role == FdInfo.ROLE_NONE;
    }

    static boolean isSock(FdInfo f) {
        return f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK;
    }

    /** Puts an IPv4 address (sysdig's little-endian int) into the value as 4 bytes. */
    static boolean ip4(FieldValue v, int ip) {
        v.str.append((byte) ip).append((byte) (ip >>> 8)).append((byte) (ip >>> 16)).append((byte) (ip >>> 24));
        return true;
    }

    static boolean ip6(FieldValue v, byte[] ip) {
        if (ip == null) {
            v.str.append(ZERO16, 0, 16);
        } else {
            v.str.append(ip, 0, 16);
        }
        return true;
    }

    private static final byte[] ZERO16 = new byte[16];

    /** sip (client) when which = 0, dip (server) when 1, of a connected socket. */
    static boolean end(FieldValue v, FdInfo f, boolean server) {
        if (f.type == FdType.IPV4_SOCK) {
            return ip4(v, server ? f.dip : f.sip);
        }
        return ip6(v, server ? f.dip6 : f.sip6);
    }

    /** Whether an IPv4 address belongs to this machine (or the thread's container), as sysdig decides it. */
    static boolean isLocal4(EventContext c, int addr, ThreadInfo t) {
        if (t != null && !t.containerId.isEmpty()) {
            Containers.Info ci = c.state.containers().get(t.containerId);
            if (ci != null) {
                int cip = ci.ip4();
                if (cip != 0) {
                    if (cip == addr) {
                        return true;
                    }
                } else {
                    for (Containers.Info other : c.state.containers().all().values()) {
                        if (other.ip4() == addr) {
                            return true;
                        }
                    }
                }
            }
        }
        List<InterfaceRecord> itfs = c.state.interfaces();
        for (int i = 0; i < itfs.size(); i++) {
            InterfaceRecord r = itfs.get(i);
            if ((r.type() == InterfaceRecord.IPV4 || r.type() == InterfaceRecord.IPV4_NOLINKSPEED)
                    && r.addr4() == addr) {
                return true;
            }
        }
        return false;
    }

    static boolean isLocal6(EventContext c, byte[] addr, ThreadInfo t) {
        if (t != null && !t.containerId.isEmpty()) {
            return false;
        }
        if (addr == null) {
            addr = ZERO16;
        }
        List<InterfaceRecord> itfs = c.state.interfaces();
        for (int i = 0; i < itfs.size(); i++) {
            InterfaceRecord r = itfs.get(i);
            if ((r.type() == InterfaceRecord.IPV6 || r.type() == InterfaceRecord.IPV6_NOLINKSPEED)
                    && r.addr6() != null && java.util.Arrays.equals(r.addr6(), 0, 8, addr, 0, 8)) {
                return true;
            }
        }
        return false;
    }

    /** For a connected socket: whether its client end (sip) is on this machine. */
    static boolean clientIsLocal(EventContext c, FdInfo f) {
        ThreadInfo t = c.thread();
        return f.type == FdType.IPV4_SOCK ? isLocal4(c, f.sip, t) : isLocal6(c, f.sip6, t);
    }

    // ---- fd name from the call that creates it (for failed creations) ----------------------------------

    /** Appends the name a creating call gives its fd; false for enter events (no value). */
    static boolean creatorName(EventContext c, FieldValue v) {
        EventView ev = c.ev;
        if (ev.isEnter()) {
            return false;
        }
        int t = ev.type();
        switch (t) {
            case EventTypes.OPEN_X, EventTypes.ACCEPT_X, EventTypes.ACCEPT_5_X, EventTypes.ACCEPT4_X,
                 EventTypes.ACCEPT4_5_X, EventTypes.CREAT_X, EventTypes.CONNECT_X -> {
                if (ev.shownParamCount() < 2) {
                    return true;
                }
                c.args.render(1, c.bufferFormat);
                v.str.append(c.args.resolved.length() > 0 ? c.args.resolved : c.args.value);
                return true;
            }
            case EventTypes.OPENAT_X, EventTypes.OPENAT_2_X, EventTypes.OPENAT2_X -> {
                byte[] b;
                int no;
                int nlen;
                long dirfd;
                if (t == EventTypes.OPENAT_X) {
                    ThreadInfo th = c.thread();
                    if (th == null || th.lastEnterLen == 0) {
                        return false;
                    }
                    EventView enter = c.scratchView;
                    if (!enter.wrap(th.lastEnter, 0, th.lastEnterCpu, 0) || enter.type() != EventTypes.OPENAT_E
                            || enter.paramCount() < 2) {
                        return false;
                    }
                    b = enter.buffer();
                    no = enter.paramOffset(1);
                    nlen = enter.stringLen(1);
                    dirfd = enter.paramAsLong(0, true);
                } else {
                    b = ev.buffer();
                    no = ev.paramOffset(2);
                    nlen = ev.stringLen(2);
                    dirfd = ev.paramAsLong(1, true);
                }
                // the directory (as the state engine resolves it) goes first, then the name joins it as sysdig
                // joins paths
                int start = v.str.length();
                v.str.append(c.state.dirfdBase(c.thread(), nlen > 0 && b[no] == '/', dirfd));
                Paths.appendJoined(v.str, start, b, no, nlen, nlen > 0);
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    static char creatorTypeChar(int type) {
        return switch (type & ~1) {
            case EventTypes.OPEN_E, EventTypes.OPENAT_E, EventTypes.OPENAT_2_E, EventTypes.OPENAT2_E,
                 EventTypes.CREAT_E -> 'f';
            case EventTypes.SOCKET_E, EventTypes.ACCEPT_E, EventTypes.ACCEPT_5_E, EventTypes.ACCEPT4_E,
                 EventTypes.ACCEPT4_5_E -> '4';
            case EventTypes.PIPE_E -> 'p';
            case EventTypes.EVENTFD_E -> 'e';
            case EventTypes.SIGNALFD_E -> 's';
            case EventTypes.TIMERFD_CREATE_E -> 't';
            case EventTypes.INOTIFY_INIT_E -> 'i';
            default -> 'o';
        };
    }

    static void directoryOf(ByteBuf s) {
        directoryOf(s, 0);
    }

    /** Cuts the path that starts at {@code start} to its directory, as sysdig does. */
    static void directoryOf(ByteBuf s, int start) {
        byte[] a = s.array();
        int n = s.length();
        int pos = -1;
        for (int i = n - 1; i >= start; i--) {
            if (a[i] == '/') {
                pos = i;
                break;
            }
        }
        if (pos > start) {
            if (pos < n - 1) {
                s.setLength(pos);
            }
        } else {
            s.setLength(start);
            s.append((byte) '/');
        }
    }

    static void filenameOf(ByteBuf s) {
        byte[] a = s.array();
        int n = s.length();
        int pos = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (a[i] == '/') {
                pos = i;
                break;
            }
        }
        if (pos >= 0) {
            if (pos < n - 1) {
                System.arraycopy(a, pos + 1, a, 0, n - pos - 1);
                s.setLength(n - pos - 1);
            }
        } else {
            s.clear();
            s.append((byte) '/');
        }
    }

    private static void appendContainerPrefix(EventContext c, FieldValue v) {
        ThreadInfo t = c.thread();
        v.str.append(t == null ? "" : t.containerId).append((byte) ':');
    }

    static void register() {
        FieldRegistry.beginClass("fd", "", "The file descriptor an event uses: files, sockets, pipes and the rest. "
                + "Set for every system call with an fd among its arguments.");
        add("fd.num", INT64, ID, "number of the file descriptor", (c, v) -> {
            FdInfo f = fdOf(c);
            if (f == NOT_FD_EVENT) {
                return false;
            }
            v.num = c.thread().lastEventFd;
            return true;
        });
        add("fd.type", CHARBUF, DEC, "type of fd: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, "
                + "eventpoll, inotify, timerfd, netlink...", f((c, f, v) -> {
            v.str.append(f.type.label);
            return true;
        }));
        add("fd.typechar", CHARBUF, DEC, "type of fd as one letter: f file, 4 IPv4 socket, 6 IPv6 socket, u unix "
                + "socket, p pipe, e eventfd, s signalfd, l eventpoll, i inotify, o unknown...", withCreator(
                (c, f, v) -> {
                    v.str.append((byte) f.type.typeChar);
                    return true;
                }, (c, f, v) -> {
                    v.str.append((byte) creatorTypeChar(c.ev.type()));
                    return true;
                }));
        sanitized("fd.name", "name of the fd: the full path of a file, the connection tuple of a socket",
                withCreator((c, f, v) -> {
                    if (c.ev.type() == EventTypes.CONNECT_X && c.ev.paramAsLong(0, true) < 0) {
                        return creatorName(c, v);
                    }
                    v.str.append(f.nameBytes());
                    return true;
                }, (c, f, v) -> creatorName(c, v)));
        sanitized("fd.directory", "for files, the directory that holds the file", withCreator((c, f, v) -> {
            if (!(f.type.isFile() || f.type == FdType.DIRECTORY)) {
                return false;
            }
            v.str.append(f.nameBytes());
            if (f.type.isFile()) {
                directoryOf(v.str);
            }
            return true;
        }, (c, f, v) -> {
            if (!creatorName(c, v)) {
                return false;
            }
            directoryOf(v.str);
            return true;
        }));
        sanitized("fd.filename", "for files, the name of the file without its directory", withCreator(
                (c, f, v) -> {
                    if (!f.type.isFile()) {
                        return false;
                    }
                    v.str.append(f.nameBytes());
                    filenameOf(v.str);
                    return true;
                }, (c, f, v) -> false));
        add(new FieldDef("fd.ip", IPADDR, NA, FieldDef.FILTER_ONLY, "matches the IP address of either end of the "
                + "fd (client or server)", FieldDef.ArgSyntax.NONE, (d, a) -> new EitherEnd(d, a, EitherEnd.IP)));
        add("fd.cip", IPADDR, NA, "IP address of the client end", f((c, f, v) -> clientIp(f, v)));
        add("fd.sip", IPADDR, NA, "IP address of the server end", f((c, f, v) -> serverIp(f, v)));
        add("fd.lip", IPADDR, NA, "IP address of the local end", f((c, f, v) -> localRemoteIp(c, f, v, true)));
        add("fd.rip", IPADDR, NA, "IP address of the remote end", f((c, f, v) -> localRemoteIp(c, f, v, false)));
        add(new FieldDef("fd.port", PORT, DEC, FieldDef.FILTER_ONLY, "matches the port of either end of the fd "
                + "(client or server)", FieldDef.ArgSyntax.NONE, (d, a) -> new EitherEnd(d, a, EitherEnd.PORT)));
        add("fd.cport", PORT, DEC, "for TCP/UDP sockets, the client port", f((c, f, v) -> {
            if (roleNone(f)) {
                return false;
            }
            if (isSock(f)) {
                v.num = f.sport;
                return true;
            }
            // sysdig falls through to the client protocol here and yields an empty string read as a port
            v.num = 0;
            return true;
        }));
        add("fd.sport", PORT, DEC, "for TCP/UDP sockets, the server port", f((c, f, v) -> {
            switch (f.type) {
                case IPV4_SOCK, IPV6_SOCK -> {
                    if (roleNone(f)) {
                        return false;
                    }
                    v.num = f.dport;
                }
                case IPV4_SERVSOCK, IPV6_SERVSOCK -> v.num = f.sport;
                default -> {
                    return false;
                }
            }
            return true;
        }));
        add("fd.lport", PORT, DEC, "for TCP/UDP sockets, the local port", f((c, f, v) -> localRemotePort(c, f, v,
                true)));
        add("fd.rport", PORT, DEC, "for TCP/UDP sockets, the remote port", f((c, f, v) -> localRemotePort(c, f, v,
                false)));
        add("fd.l4proto", CHARBUF, NA, "IP protocol of a socket: tcp, udp, icmp or raw", f((c, f, v) -> {
            v.str.append(switch (f.l4()) {
                case FdInfo.L4_TCP -> "tcp";
                case FdInfo.L4_UDP -> "udp";
                case FdInfo.L4_ICMP -> "icmp";
                case FdInfo.L4_RAW -> "raw";
                default -> "<NA>";
            });
            return true;
        }));
        add("fd.sockfamily", CHARBUF, NA, "socket family: ip or unix", f((c, f, v) -> {
            if (f.type.isIp()) {
                v.str.append("ip");
            } else if (f.type == FdType.UNIX_SOCK) {
                v.str.append("unix");
            } else {
                return false;
            }
            return true;
        }));
        add("fd.is_server", BOOL, NA, "true if the process that owns the fd is the server end of the connection",
                f((c, f, v) -> {
                    ThreadInfo t = c.thread();
                    v.num = switch (f.type) {
                        case IPV4_SERVSOCK, IPV6_SERVSOCK -> 1;
                        case IPV4_SOCK -> isLocal4(c, f.dip, t) ? 1 : 0;
                        case IPV6_SOCK -> isLocal6(c, f.dip6, t) ? 1 : 0;
                        default -> 0;
                    };
                    return true;
                }));
        add("fd.uid", CHARBUF, NA, "an id for the fd unique in the capture: the thread id followed by the fd number",
                (c, v) -> {
                    int t = c.ev.type();
                    if (t == EventTypes.CONTAINER_JSON_E || t == EventTypes.CONTAINER_JSON_2_E) {
                        return false;
                    }
                    FdInfo f = fdOf(c);
                    if (f == NOT_FD_EVENT) {
                        return false;
                    }
                    ThreadInfo th = c.thread();
                    v.str.append(th.tid).append(th.lastEventFd);
                    return true;
                });
        sanitized("fd.containername", "container id and fd name joined by ':', to tell apart the same name in "
                + "different containers", withCreator((c, f, v) -> {
            appendContainerPrefix(c, v);
            if (c.ev.type() == EventTypes.CONNECT_X && c.ev.paramAsLong(0, true) < 0) {
                return creatorName(c, v);
            }
            v.str.append(f.nameBytes());
            return true;
        }, (c, f, v) -> {
            appendContainerPrefix(c, v);
            return creatorName(c, v);
        }));
        sanitized("fd.containerdirectory", "container id and directory joined by ':'", withCreator(
                (c, f, v) -> {
                    if (!(f.type.isFile() || f.type == FdType.DIRECTORY)) {
                        return false;
                    }
                    appendContainerPrefix(c, v);
                    int start = v.str.length();
                    v.str.append(f.nameBytes());
                    if (f.type.isFile()) {
                        directoryOf(v.str, start);
                    }
                    return true;
                }, (c, f, v) -> {
                    appendContainerPrefix(c, v);
                    int start = v.str.length();
                    if (!creatorName(c, v)) {
                        return false;
                    }
                    directoryOf(v.str, start);
                    return true;
                }));
        add(new FieldDef("fd.proto", PORT, NA, FieldDef.FILTER_ONLY, "matches the protocol (port) of either end of "
                + "the fd", FieldDef.ArgSyntax.NONE, (d, a) -> new EitherEnd(d, a, EitherEnd.PORT)));
        add("fd.cproto", CHARBUF, NA, "for TCP/UDP sockets, the client protocol (the port number unless -R)",
                f((c, f, v) -> {
                    if (roleNone(f)) {
                        return false;
                    }
                    if (isSock(f)) {
                        c.state.portNames().append(v.str, f.sport, f.l4proto);
                    }
                    return true;
                }));
        add("fd.sproto", CHARBUF, NA, "for TCP/UDP sockets, the server protocol (the port number unless -R)",
                f((c, f, v) -> {
                    switch (f.type) {
                        case IPV4_SOCK, IPV6_SOCK -> {
                            if (roleNone(f)) {
                                return false;
                            }
                            c.state.portNames().append(v.str, f.dport, f.l4proto);
                        }
                        case IPV4_SERVSOCK, IPV6_SERVSOCK -> {
                            // sysdig leaves the string empty for server sockets
                        }
                        default -> {
                            return false;
                        }
                    }
                    return true;
                }));
        add("fd.lproto", CHARBUF, NA, "for TCP/UDP sockets, the local protocol (the port number unless -R)",
                f((c, f, v) -> {
                    if (!localRemotePort(c, f, v, true)) {
                        return false;
                    }
                    c.state.portNames().append(v.str, (int) v.num, f.l4proto);
                    return true;
                }));
        add("fd.rproto", CHARBUF, NA, "for TCP/UDP sockets, the remote protocol (the port number unless -R)",
                f((c, f, v) -> {
                    if (!localRemotePort(c, f, v, false)) {
                        return false;
                    }
                    c.state.portNames().append(v.str, (int) v.num, f.l4proto);
                    return true;
                }));
        add(new FieldDef("fd.net", IPNET, NA, FieldDef.FILTER_ONLY, "matches the IP network of either end of the fd",
                FieldDef.ArgSyntax.NONE, (d, a) -> new EitherEnd(d, a, EitherEnd.NET)));
        add(new FieldDef("fd.cnet", IPNET, NA, FieldDef.FILTER_ONLY, "matches the IP network of the client end",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, f((c, f, v) -> clientIp(f, v)))));
        add(new FieldDef("fd.snet", IPNET, NA, FieldDef.FILTER_ONLY, "matches the IP network of the server end",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, f((c, f, v) -> serverIp(f, v)))));
        add(new FieldDef("fd.lnet", IPNET, NA, FieldDef.FILTER_ONLY, "matches the IP network of the local end",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, f((c, f, v) -> localRemoteIp(c, f, v, true)))));
        add(new FieldDef("fd.rnet", IPNET, NA, FieldDef.FILTER_ONLY, "matches the IP network of the remote end",
                FieldDef.ArgSyntax.NONE, (d, a) -> new Field(d, a, f((c, f, v) -> localRemoteIp(c, f, v, false)))));
        add("fd.connected", BOOL, NA, "for TCP/UDP sockets, true once the socket is connected", f((c, f, v) -> {
            v.num = f.socketConnected ? 1 : 0;
            return true;
        }));
        add("fd.name_changed", BOOL, NA, "true when the event changed the name of its fd (e.g. a UDP socket whose "
                + "tuple changed)", f((c, f, v) -> {
            v.num = c.state.fdNameChanged() ? 1 : 0;
            return true;
        }));
        add(new FieldDef("fd.cip.name", CHARBUF, NA, 0, "domain name of the client IP address (from DNS lookups seen "
                + "live; not in trace files)", FieldDef.ArgSyntax.NONE, (d, a) -> new DomainName(d, a)));
        add(new FieldDef("fd.sip.name", CHARBUF, NA, 0, "domain name of the server IP address",
                FieldDef.ArgSyntax.NONE, (d, a) -> new DomainName(d, a)));
        add(new FieldDef("fd.lip.name", CHARBUF, NA, 0, "domain name of the local IP address",
                FieldDef.ArgSyntax.NONE, (d, a) -> new DomainName(d, a)));
        add(new FieldDef("fd.rip.name", CHARBUF, NA, 0, "domain name of the remote IP address",
                FieldDef.ArgSyntax.NONE, (d, a) -> new DomainName(d, a)));
        add("fd.dev", INT32, HEX, "device number (major and minor) of the file's device", f((c, f, v) -> {
            v.num = f.dev;
            return true;
        }));
        add("fd.dev.major", INT32, DEC, "major number of the file's device", f((c, f, v) -> {
            v.num = (f.dev & 0xfff00) >>> 8;
            return true;
        }));
        add("fd.dev.minor", INT32, DEC, "minor number of the file's device", f((c, f, v) -> {
            v.num = (f.dev & 0xff) | ((f.dev >>> 12) & 0xfff00);
            return true;
        }));
    }

    /**
     * A string field that sysdig cleans for printing (non-printable bytes removed) but compares unchanged in
     * filters.
     */
    static final class Sanitized extends Field {
        Sanitized(FieldDef def, String arg, Extractor ex) {
            super(def, arg, ex);
        }

        @Override
        public boolean extract(EventContext c) {
            if (!super.extract(c)) {
                return false;
            }
            ByteBuf s = value.str;
            byte[] a = s.array();
            int n = s.length();
            int w = 0;
            for (int i = 0; i < n; i++) {
                byte b = a[i];
                if (b >= 0x20 && b <= 0x7e) {
                    a[w++] = b;
                }
            }
            s.setLength(w);
            return true;
        }

        @Override
        public boolean extractForFilter(EventContext c) {
            value.str.clear();
            return extractor.extract(c, value);
        }

        @Override
        public boolean absentFor(io.jdig.event.EventInfo kind) {
            return extractor.absentFor(kind);
        }
    }

    private static void sanitized(String name, String desc, Extractor ex) {
        add(new FieldDef(name, CHARBUF, NA, 0, desc, FieldDef.ArgSyntax.NONE, (d, a) -> new Sanitized(d, a, ex)));
    }

    static boolean clientIp(FdInfo f, FieldValue v) {
        if (roleNone(f)) {
            return false;
        }
        if (f.type == FdType.IPV4_SOCK) {
            return ip4(v, f.sip);
        } else if (f.type == FdType.IPV6_SOCK) {
            return ip6(v, f.sip6);
        }
        return false;
    }

    static boolean serverIp(FdInfo f, FieldValue v) {
        if (roleNone(f)) {
            return false;
        }
        return switch (f.type) {
            case IPV4_SOCK -> ip4(v, f.dip);
            case IPV4_SERVSOCK -> ip4(v, f.sip);
            case IPV6_SOCK -> ip6(v, f.dip6);
            case IPV6_SERVSOCK -> ip6(v, f.sip6);
            default -> false;
        };
    }

    static boolean localRemoteIp(EventContext c, FdInfo f, FieldValue v, boolean local) {
        if (!isSock(f) || roleNone(f)) {
            return false;
        }
        boolean clientLocal = clientIsLocal(c, f);
        return end(v, f, clientLocal != local);
    }

    static boolean localRemotePort(EventContext c, FdInfo f, FieldValue v, boolean local) {
        if (!isSock(f) || roleNone(f)) {
            return false;
        }
        boolean clientLocal = clientIsLocal(c, f);
        v.num = (clientLocal == local) ? f.sport : f.dport;
        return true;
    }

    /**
     * fd.ip, fd.port, fd.proto and fd.net: match either end of a connected socket, or the address of a server
     * socket. In filters, '!=' means that no end matches.
     */
    static final class EitherEnd extends Field {
        static final int IP = 0;
        static final int PORT = 1;
        static final int NET = 2;
        final int kind;

        EitherEnd(FieldDef def, String arg, int kind) {
            super(def, arg, null);
            this.kind = kind;
        }

        @Override
        public boolean extract(EventContext c) {
            return extractAtForFilter(c, 0);
        }

        @Override
        public boolean extractForFilter(EventContext c) {
            return extractAtForFilter(c, 0);
        }

        @Override
        public boolean extractAtForFilter(EventContext c, int i) {
            value.str.clear();
            FdInfo f = fdOf(c);
            if (f == null || f == NOT_FD_EVENT || i > 1) {
                return false;
            }
            boolean server = f.type == FdType.IPV4_SERVSOCK || f.type == FdType.IPV6_SERVSOCK;
            if (server && i > 0 && kind != PORT) {
                return false;
            }
            if (kind == PORT) {
                switch (f.type) {
                    case IPV4_SOCK, IPV6_SOCK -> value.num = i == 0 ? f.sport : f.dport;
                    case IPV4_SERVSOCK, IPV6_SERVSOCK -> value.num = f.sport;
                    default -> {
                        return false;
                    }
                }
                return true;
            }
            return switch (f.type) {
                case IPV4_SOCK -> ip4(value, i == 0 ? f.sip : f.dip);
                case IPV6_SOCK -> ip6(value, i == 0 ? f.sip6 : f.dip6);
                case IPV4_SERVSOCK -> ip4(value, f.sip);
                case IPV6_SERVSOCK -> ip6(value, f.sip6);
                default -> false;
            };
        }

        @Override
        public boolean isMultiValued() {
            return true;
        }

        @Override
        public boolean notEqualMeansNone() {
            return true;
        }
    }

    /** fd.*ip.name: names come from DNS lookups jdig does not see in trace files, so they never have a value. */
    static final class DomainName extends Field implements FieldKinds.DomainName {
        DomainName(FieldDef def, String arg) {
            super(def, arg, (c, v) -> false);
        }

        /** For '!=': sysdig answers true for connected sockets, whose names it cannot match. */
        @Override
        public boolean connectedSocket(EventContext c) {
            FdInfo f = fdOf(c);
            return f != null && f != NOT_FD_EVENT && isSock(f) && !roleNone(f);
        }
    }

    static ParamType unused() {
        return ParamType.NONE;
    }
}
