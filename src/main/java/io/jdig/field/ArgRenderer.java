package io.jdig.field;

import io.jdig.event.ByteBuf;
import io.jdig.event.EventInfo;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.event.FlagTable;
import io.jdig.event.ParamInfo;
import io.jdig.event.ParamType;
import io.jdig.event.PrintFormat;
import io.jdig.event.ValueTables;
import io.jdig.event.meta.GroupRecord;
import io.jdig.event.meta.UserRecord;
import io.jdig.state.FdInfo;
import io.jdig.state.FdType;
import io.jdig.state.ParamText;
import io.jdig.state.Paths;
import io.jdig.state.ThreadInfo;

import java.nio.charset.StandardCharsets;

/** Renders event parameters as sysdig does in evt.info, evt.args and evt.arg.NAME: a value and a resolved form. */
final class ArgRenderer {
    private final EventContext ctx;
    final ByteBuf value = new ByteBuf(256);
    final ByteBuf resolved = new ByteBuf(256);
    private final ByteBuf scratch = new ByteBuf(256);

    ArgRenderer(EventContext ctx) {
        this.ctx = ctx;
    }

    /** evt.info / evt.args: every parameter as {@code name=value(resolved) }, with 0.29's trailing spaces. */
    void appendArgs(ByteBuf out, BufferFormat fmt) {
        EventView ev = ctx.ev;
        int t = ev.type();
        if (t == EventTypes.GENERIC_E || t == EventTypes.GENERIC_X) {
            return;
        }
        EventInfo info = ev.info();
        int n = ev.shownParamCount();
        for (int j = 0; j < n; j++) {
            render(j, fmt);
            out.append(info.params()[j].nameBytes()).append((byte) '=').append(value);
            if (resolved.length() == 0) {
                out.append((byte) ' ');
            } else {
                out.append((byte) '(').append(resolved).append(") ");
            }
        }
    }

    /** Renders parameter i into {@link #value} and {@link #resolved}. */
    void render(int i, BufferFormat fmt) {
        value.clear();
        resolved.clear();
        EventView ev = ctx.ev;
        ParamInfo pi = ev.info().params()[i];
        byte[] b = ev.buffer();
        int o = ev.paramOffset(i);
        int len = ev.paramLen(i);
        ParamType type = pi.type();
        PrintFormat pf = pi.format();
        if (type == ParamType.DYN) {
            if (len == 0 || pi.table() == null || !ValueTables.hasDynTable(pi.table())) {
                value.append("INVALID DYNAMIC PARAMETER");
                return;
            }
            ValueTables.DynParam dp = ValueTables.dynParam(pi.table(), b[o] & 0xFF);
            if (dp == null) {
                value.append("INVALID DYNAMIC PARAMETER");
                return;
            }
            type = ParamType.valueOf(dp.type().startsWith("PT_") ? dp.type().substring(3) : dp.type());
            o++;
            len--;
        }
        switch (type) {
            case INT8 -> number(ivalue(b, o, len, 1, true), pf, 8);
            case INT16 -> number(ivalue(b, o, len, 2, true), pf, 16);
            case INT32 -> number(ivalue(b, o, len, 4, true), pf, 32);
            case INT64 -> number(ivalue(b, o, len, 8, true), pf, 64);
            case UINT8 -> number(ivalue(b, o, len, 1, false), pf, 8);
            case UINT16 -> number(ivalue(b, o, len, 2, false), pf, 16);
            case UINT32 -> number((int) ivalue(b, o, len, 4, false), pf, 32);
            case UINT64 -> number(ivalue(b, o, len, 8, false), pf, 64);
            case FD -> fd(ivalue(b, o, len, 8, true));
            case PID -> {
                long pid = ivalue(b, o, len, 8, true);
                value.append(pid);
                ThreadInfo t = ctx.state.lookup(pid);
                if (t != null) {
                    resolved.append(t.commBytes());
                }
            }
            case ERRNO -> {
                long v = ivalue(b, o, len, 8, true);
                value.append(v);
                if (v < 0) {
                    ValueTables.appendErrno(v, resolved);
                }
            }
            case CHARBUF -> appendCString(value, b, o, o + len);
            case FSPATH, FSRELPATH -> path(i, pi, b, o, len);
            case BYTEBUF -> Buffers.render(value, b, o, len, fmt, ctx.maxBufferLen, ctx.json);
            case SOCKADDR -> ParamText.appendSockaddr(value, b, o, len, l4proto(), ctx.state.portNames());
            case SOCKTUPLE -> ParamText.appendSocktuple(value, b, o, len, l4proto(), ctx.state.portNames());
            case FDLIST -> fdlist(b, o, len);
            case SYSCALLID -> {
                int id = Short.toUnsignedInt(EventView.u16(b, o));
                if (id >= ValueTables.syscallCount()) {
                    value.append("<unknown syscall>");
                } else {
                    value.append(id);
                    ValueTables.appendSyscall(id, resolved);
                }
            }
            case SIGTYPE -> {
                int v = len > 0 ? b[o] & 0xFF : 0;
                value.append(v);
                ValueTables.appendSignal(v, resolved);
            }
            case RELTIME -> {
                long v = ivalue(b, o, len, 8, false);
                if (v == -1) {
                    value.append("none");
                } else {
                    value.appendUnsigned(v);
                    resolved.append(CFormat.g(Long.toUnsignedString(v).length() > 18
                            ? Double.parseDouble(Long.toUnsignedString(v)) / 1e9 : v / 1e9)).append((byte) 's');
                }
            }
            case FLAGS8, FLAGS16, FLAGS32, ENUMFLAGS8, ENUMFLAGS16, ENUMFLAGS32 -> {
                int size = switch (type) {
                    case FLAGS8, ENUMFLAGS8 -> 1;
                    case FLAGS16, ENUMFLAGS16 -> 2;
                    default -> 4;
                };
                long v = ivalue(b, o, len, size, false);
                value.appendUnsigned(v & 0xFFFFFFFFL);
                FlagTable ft = pi.table() == null ? null : ValueTables.table(pi.table());
                if (ft != null) {
                    ft.appendResolved(v, resolved);
                }
            }
            case MODE -> {
                long v = ivalue(b, o, len, 4, false);
                number((int) v, pf, 32);
                FlagTable ft = pi.table() == null ? null : ValueTables.table(pi.table());
                if (ft != null) {
                    ft.appendResolved(v, resolved);
                }
            }
            case UID, GID -> {
                long v = ivalue(b, o, len, 4, false);
                if (v != 0xFFFFFFFFL) {
                    value.append((int) v);
                    if (type == ParamType.UID) {
                        UserRecord u = ctx.state.users().user((int) v);
                        resolved.append(u != null ? u.name() : "<NA>");
                    } else {
                        GroupRecord g = ctx.state.users().group((int) v);
                        resolved.append(g != null ? g.name() : "<NA>");
                    }
                } else {
                    value.append("-1");
                    resolved.append("<NONE>");
                }
            }
            case SIGSET -> {
                long v = ivalue(b, o, len, 4, false);
                boolean first = true;
                for (int sig = 0; sig < 32; sig++) {
                    if ((v & (1L << sig)) != 0) {
                        String name = ValueTables.signalName(sig + 1);
                        if (name != null) {
                            if (!first) {
                                value.append((byte) ' ');
                            }
                            value.append(name);
                            first = false;
                        }
                    }
                }
            }
            case ABSTIME, DYN -> value.append("INVALID DYNAMIC PARAMETER");
            case PORT -> value.append(ivalue(b, o, len, 2, false));
            case L4PROTO, SOCKFAMILY -> value.append(ivalue(b, o, len, 1, false));
            case BOOL -> value.append(ivalue(b, o, len, 4, false));
            case IPV4ADDR -> {
                if (len >= 4) {
                    io.jdig.state.NetFormat.appendIpv4(value, EventView.i32(b, o));
                }
            }
            case DOUBLE -> value.append(CFormat.fixed(Double.longBitsToDouble(ivalue(b, o, len, 8, false)), 6));
            case FD32 -> fd(ivalue(b, o, len, 4, true));
            case PID32 -> value.append(ivalue(b, o, len, 4, true));
            default -> value.append("(n.a.)");
        }
    }

    static long ivalue(byte[] b, int o, int len, int size, boolean signed) {
        int n = Math.min(len, size);
        if (n <= 0) {
            return 0;
        }
        return switch (n) {
            case 1 -> signed ? b[o] : b[o] & 0xFF;
            case 2, 3 -> signed ? EventView.u16(b, o) : Short.toUnsignedInt(EventView.u16(b, o));
            case 4, 5, 6, 7 -> signed ? EventView.i32(b, o) : Integer.toUnsignedLong(EventView.i32(b, o));
            default -> EventView.i64(b, o);
        };
    }

    /** A number printed with the C conversions sysdig's event formatter uses for its size and format. */
    private void number(long v, PrintFormat pf, int bits) {
        long masked = bits == 64 ? v : v & ((1L << bits) - 1);
        switch (pf) {
            case OCT -> {
                if (masked == 0) {
                    value.append((byte) '0');
                } else {
                    value.append((byte) '0').appendOctal(masked);
                }
            }
            case HEX -> value.appendHex(masked, true);
            case PADDED_DEC -> {
                if (v < 0) {
                    value.append((byte) '-').appendPadded(-v, 8);
                } else {
                    value.appendPadded(v, 9);
                }
            }
            default -> value.append(v);
        }
    }

    private void fd(long fd) {
        value.append(fd);
        ThreadInfo t = ctx.thread();
        if (t == null) {
            return;
        }
        if (fd >= 0) {
            FdInfo f = t.fds.get(fd);
            if (f != null) {
                resolved.append((byte) '<').append((byte) f.type.typeChar);
                if (f.type.isIp()) {
                    switch (f.l4()) {
                        case FdInfo.L4_TCP -> resolved.append((byte) 't');
                        case FdInfo.L4_UDP -> resolved.append((byte) 'u');
                        case FdInfo.L4_ICMP -> resolved.append((byte) 'i');
                        case FdInfo.L4_RAW -> resolved.append((byte) 'r');
                        default -> {
                        }
                    }
                }
                resolved.append((byte) '>');
                byte[] nb = f.nameBytes();
                ParamText.appendSanitized(resolved, nb, 0, nb.length);
            }
        } else if (fd == -100) {
            resolved.append("AT_FDCWD");
        } else {
            ValueTables.appendErrno(fd, resolved);
        }
    }

    /** The protocol of the event's fd, for naming ports (-R). */
    private int l4proto() {
        FdInfo f = ctx.state.fd();
        return f == null ? FdInfo.L4_UNKNOWN : f.l4proto;
    }

    private static void appendCString(ByteBuf out, byte[] b, int o, int end) {
        int e = o;
        while (e < end && b[e] != 0) {
            e++;
        }
        out.append(b, o, e - o);
    }

    private void path(int i, ParamInfo pi, byte[] b, int o, int len) {
        ParamText.appendSanitized(value, b, o, o + len);
        ThreadInfo t = ctx.thread();
        if (t == null || len == 0) {
            return;
        }
        if (len >= 4 && b[o] == '<' && b[o + 1] == 'N' && b[o + 2] == 'A' && b[o + 3] == '>') {
            return;
        }
        int e = o;
        while (e < o + len && b[e] != 0) {
            e++;
        }
        if (e > o && b[o] == '/') {
            return; // absolute: nothing to resolve
        }
        String base = baseDir(pi, t);
        String rel = new String(b, o, e - o, StandardCharsets.UTF_8);
        resolved.append(Paths.concatenate(base, rel, true));
    }

    private String baseDir(ParamInfo pi, ThreadInfo t) {
        String cwd = cwd(t);
        if (pi.type() != ParamType.FSRELPATH || pi.dirfdIndex() < 0) {
            return cwd;
        }
        EventView ev = ctx.ev;
        int di = pi.dirfdIndex();
        if (di >= ev.paramCount() || ev.info().params()[di].type() != ParamType.FD) {
            return cwd;
        }
        long dirfd = ev.paramAsLong(di, true);
        if (dirfd == -100) {
            return cwd;
        }
        FdInfo f = t.fds.get(dirfd);
        if (f == null || f.name().isEmpty()) {
            return "";
        }
        return f.name() + "/";
    }

    String cwd(ThreadInfo t) {
        ThreadInfo main = t.isMain() ? t : ctx.state.lookup(t.pid);
        return main != null ? main.cwd : t.cwd;
    }

    private void fdlist(byte[] b, int o, int len) {
        ThreadInfo t = ctx.thread();
        if (t == null || len < 2) {
            return;
        }
        int n = Short.toUnsignedInt(EventView.u16(b, o));
        int p = o + 2;
        for (int j = 0; j < n && p + 10 <= o + len; j++) {
            long fd = EventView.i64(b, p);
            FdInfo f = t.fds.get(fd);
            char tc = f != null ? f.type.typeChar : '?';
            value.appendUnsigned(fd).append((byte) ':').append((byte) tc)
                    .appendHex(EventView.u16(b, p + 8) & 0xFFFFFFFFL, false);
            if (j < n - 1) {
                value.append((byte) ' ');
            }
            p += 10;
        }
    }

}
