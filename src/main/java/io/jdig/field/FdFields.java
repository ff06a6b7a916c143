package io.jdig.field;

import io.jdig.state.FdInfo;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The fd.* fields: the file descriptor an event uses. */
final class FdFields {
    private FdFields() {
    }

    interface FdExtractor {
        boolean extract(EventContext c, FdInfo f, FieldValue v);
    }

    static Extractor f(FdExtractor x) {
        return (c, v) -> {
            FdInfo f = c.fd();
            return f != null && x.extract(c, f, v);
        };
    }

    static void register() {
        add("fd.num", INT64, ID, "number of the file descriptor", (c, v) -> {
            if (c.thread() == null) {
                return false;
            }
            FdInfo f = c.fd();
            if (f == null) {
                return false;
            }
            v.num = c.thread().lastEventFd;
            return true;
        });
        add("fd.type", CHARBUF, DEC, "type of fd: file, directory, ipv4, ipv6, unix, pipe, event, ...",
                f((c, f, v) -> {
                    v.str.append(f.type.label);
                    return true;
                }));
        add("fd.typechar", CHARBUF, DEC, "type of fd as one letter: f, 4, 6, u, p, e, s, l, i, ...",
                f((c, f, v) -> {
                    v.str.append((byte) f.type.typeChar);
                    return true;
                }));
        add("fd.name", CHARBUF, NA, "name of the fd: the full path of a file, the connection tuple of a socket",
                f((c, f, v) -> {
                    v.str.append(f.nameBytes());
                    return true;
                }));
    }
}
