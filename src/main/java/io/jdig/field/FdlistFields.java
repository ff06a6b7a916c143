package io.jdig.field;

import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.state.FdInfo;
import io.jdig.state.FdType;
import io.jdig.state.ThreadInfo;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The fdlist.* fields: the fds a poll call names, as comma-separated lists. */
final class FdlistFields {
    private FdlistFields() {
    }

    interface Item {
        /** Appends the item for one fd; false when that fd adds nothing. */
        boolean append(EventContext c, long fd, FdInfo f, FieldValue v);
    }

    static Extractor list(Item item) {
        return (c, v) -> {
            EventView ev = c.ev;
            int t = ev.type();
            int pi;
            if (t == EventTypes.POLL_E || t == EventTypes.PPOLL_E) {
                pi = 0;
            } else if (t == EventTypes.POLL_X || t == EventTypes.PPOLL_X) {
                pi = 1;
            } else {
                return false;
            }
            ThreadInfo th = c.thread();
            if (pi >= ev.paramCount() || th == null || ev.paramLen(pi) < 2) {
                return false;
            }
            byte[] b = ev.buffer();
            int o = ev.paramOffset(pi);
            int end = o + ev.paramLen(pi);
            int n = Short.toUnsignedInt(EventView.u16(b, o));
            int p = o + 2;
            for (int j = 0; j < n && p + 8 <= end; j++, p += 10) {
                long fd = EventView.i64(b, p);
                if (item.append(c, fd, th.fds.get(fd), v)) {
                    v.str.append((byte) ',');
                }
            }
            int len = v.str.length();
            if (len == 0) {
                return false;
            }
            if (v.str.array()[len - 1] == ',') {
                v.str.setLength(len - 1);
            }
            return true;
        };
    }

    static void register() {
        FieldRegistry.beginClass("fdlist", "", "Fields of poll events: the fds they wait on.");
        add("fdlist.nums", CHARBUF, ID, "for poll events, the numbers of the fds in the 'fds' argument, comma "
                + "separated", list((c, fd, f, v) -> {
            v.str.append(fd);
            return true;
        }));
        add("fdlist.names", CHARBUF, NA, "for poll events, the names of the fds in the 'fds' argument, comma "
                + "separated", list((c, fd, f, v) -> {
            v.str.append(f == null || f.name().isEmpty() ? "<NA>".getBytes() : f.nameBytes());
            return true;
        }));
        add("fdlist.cips", CHARBUF, NA, "for poll events, the client IP addresses of the fds in the 'fds' argument, "
                + "comma separated", list((c, fd, f, v) -> {
            if (f == null) {
                return false;
            }
            if (f.type == FdType.IPV4_SOCK) {
                io.jdig.state.NetFormat.appendIpv4(v.str, f.sip);
            } else if (f.type == FdType.IPV6_SOCK) {
                io.jdig.state.NetFormat.appendIpv6(v.str, f.sip6 == null ? new byte[16] : f.sip6, 0);
            } else {
                return false;
            }
            return true;
        }));
        add("fdlist.sips", CHARBUF, NA, "for poll events, the server IP addresses of the fds in the 'fds' argument, "
                + "comma separated", list((c, fd, f, v) -> {
            if (f == null) {
                return false;
            }
            if (f.type == FdType.IPV4_SOCK) {
                io.jdig.state.NetFormat.appendIpv4(v.str, f.dip);
            } else if (f.type == FdType.IPV6_SOCK) {
                io.jdig.state.NetFormat.appendIpv6(v.str, f.dip6 == null ? new byte[16] : f.dip6, 0);
            } else if (f.type == FdType.IPV4_SERVSOCK) {
                io.jdig.state.NetFormat.appendIpv4(v.str, f.sip);
            } else if (f.type == FdType.IPV6_SERVSOCK) {
                // sysdig prints the first 4 bytes of the IPv6 server address as an IPv4 address
                byte[] a = f.sip6 == null ? new byte[16] : f.sip6;
                io.jdig.state.NetFormat.appendIpv4(v.str, io.jdig.state.NetFormat.le32(a, 0));
            } else {
                return false;
            }
            return true;
        }));
        add("fdlist.cports", CHARBUF, DEC, "for poll events, the client ports of the TCP/UDP fds in the 'fds' "
                + "argument, comma separated", list((c, fd, f, v) -> {
            if (f == null || !(f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK)) {
                return false;
            }
            v.str.append(f.sport);
            return true;
        }));
        add("fdlist.sports", CHARBUF, DEC, "for poll events, the server ports of the TCP/UDP fds in the 'fds' "
                + "argument, comma separated", list((c, fd, f, v) -> {
            if (f == null) {
                return false;
            }
            if (f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK) {
                v.str.append(f.dport);
            } else {
                return false;
            }
            return true;
        }));
    }

    static int unused() {
        return EventTypes.GENERIC_E;
    }
}
