package io.jdig.view;

import io.jdig.event.ParamType;

/** How the table stores, combines and compares the values of one parameter type. */
enum Kind {
    SIGNED, UNSIGNED, DOUBLE, STRING, BYTES, OTHER;

    static Kind of(ParamType t) {
        return switch (t) {
            case INT8, INT16, INT32, INT64, PID, ERRNO, FD -> SIGNED;
            case UINT8, UINT16, UINT32, UINT64, RELTIME, ABSTIME, BOOL, PORT, L4PROTO, SYSCALLID, SIGTYPE, FLAGS8,
                 FLAGS16, FLAGS32, ENUMFLAGS8, ENUMFLAGS16, ENUMFLAGS32, MODE, IPV4ADDR, UID, GID, SIGSET -> UNSIGNED;
            case DOUBLE -> DOUBLE;
            case CHARBUF, FSPATH, FSRELPATH -> STRING;
            case BYTEBUF -> BYTES;
            default -> OTHER;
        };
    }

    /** Bytes the value takes in sysdig's table (for numbers). */
    static int width(ParamType t) {
        return switch (t) {
            case INT8, UINT8, FLAGS8, ENUMFLAGS8, SIGTYPE, L4PROTO -> 1;
            case INT16, UINT16, FLAGS16, ENUMFLAGS16, PORT, SYSCALLID -> 2;
            case INT32, UINT32, FLAGS32, ENUMFLAGS32, MODE, BOOL, IPV4ADDR, SIGSET, UID, GID -> 4;
            default -> 8;
        };
    }

    /** Cuts a number to the width of its type (sign-extended for signed types). */
    static long wrap(ParamType t, long v) {
        int w = width(t);
        if (w == 8) {
            return v;
        }
        int shift = 64 - 8 * w;
        return of(t) == SIGNED ? (v << shift) >> shift : (v << shift) >>> shift;
    }
}
