package io.jdig.state;

import io.jdig.event.ByteBuf;
import io.jdig.event.EventView;

/** Text of address parameters (sockaddr, socket tuple) as sysdig renders them. */
public final class ParamText {
    private ParamText() {
    }

    public static String sockaddr(byte[] b, int o, int len, int l4proto, PortNames ports) {
        ByteBuf out = new ByteBuf(64);
        appendSockaddr(out, b, o, len, l4proto, ports);
        return out.toString();
    }

    public static String socktuple(byte[] b, int o, int len, int l4proto, PortNames ports) {
        ByteBuf out = new ByteBuf(64);
        appendSocktuple(out, b, o, len, l4proto, ports);
        return out.toString();
    }

    /** Appends a string's bytes up to its NUL, leaving out the non-printable ones (as sysdig's sanitising does). */
    public static void appendSanitized(ByteBuf out, byte[] b, int o, int end) {
        for (int i = o; i < end; i++) {
            byte c = b[i];
            if (c == 0) {
                return;
            }
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            }
        }
    }

    public static void appendSockaddr(ByteBuf out, byte[] b, int o, int len, int l4proto, PortNames ports) {
        if (len == 0) {
            out.append("NULL");
            return;
        }
        int fam = b[o];
        if (fam == 1) {
            appendSanitized(out, b, o + 1, o + len);
        } else if (fam == 2) {
            if (len == 7) {
                NetFormat.appendIpv4(out, EventView.i32(b, o + 1));
                out.append((byte) ':');
                ports.append(out, Short.toUnsignedInt(EventView.u16(b, o + 5)), l4proto);
            } else {
                out.append("INVALID IPv4");
            }
        } else if (fam == 10) {
            if (len == 19) {
                NetFormat.appendIpv6(out, b, o + 1);
                out.append((byte) ':');
                ports.append(out, Short.toUnsignedInt(EventView.u16(b, o + 17)), l4proto);
            } else {
                out.append("INVALID IPv6");
            }
        } else {
            out.append("family ").append(fam);
        }
    }

    public static void appendSocktuple(ByteBuf out, byte[] b, int o, int len, int l4proto, PortNames ports) {
        if (len == 0) {
            out.append("NULL");
            return;
        }
        int fam = b[o];
        if (fam == 2) {
            if (len == 13) {
                NetFormat.appendIpv4(out, EventView.i32(b, o + 1));
                out.append((byte) ':');
                ports.append(out, Short.toUnsignedInt(EventView.u16(b, o + 5)), l4proto).append("->");
                NetFormat.appendIpv4(out, EventView.i32(b, o + 7));
                out.append((byte) ':');
                ports.append(out, Short.toUnsignedInt(EventView.u16(b, o + 11)), l4proto);
            } else {
                out.append("INVALID IPv4");
            }
        } else if (fam == 10) {
            if (len == 37) {
                int sport = Short.toUnsignedInt(EventView.u16(b, o + 17));
                int dport = Short.toUnsignedInt(EventView.u16(b, o + 35));
                if (NetFormat.isV4Mapped(b, o + 1) && NetFormat.isV4Mapped(b, o + 19)) {
                    NetFormat.appendIpv4(out, EventView.i32(b, o + 13));
                    out.append((byte) ':');
                    ports.append(out, sport, l4proto).append("->");
                    NetFormat.appendIpv4(out, EventView.i32(b, o + 31));
                    out.append((byte) ':');
                    ports.append(out, dport, l4proto);
                } else {
                    NetFormat.appendIpv6(out, b, o + 1);
                    out.append((byte) ':');
                    ports.append(out, sport, l4proto).append("->");
                    NetFormat.appendIpv6(out, b, o + 19);
                    out.append((byte) ':');
                    ports.append(out, dport, l4proto);
                }
            } else {
                out.append("INVALID IPv6");
            }
        } else if (fam == 1) {
            if (len >= 17) {
                out.appendHex(EventView.i64(b, o + 1), false).append("->").appendHex(EventView.i64(b, o + 9), false)
                        .append((byte) ' ');
                appendSanitized(out, b, o + 17, o + len);
            }
        } else {
            out.append("family ").append(fam);
        }
    }
}
