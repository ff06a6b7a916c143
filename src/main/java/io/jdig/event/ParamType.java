package io.jdig.event;

/** Parameter types of sysdig's event table (PT_*), with their numbers and fixed wire sizes (0 = variable). */
public enum ParamType {
    NONE(0, 0), INT8(1, 1), INT16(2, 2), INT32(3, 4), INT64(4, 8), UINT8(5, 1), UINT16(6, 2), UINT32(7, 4),
    UINT64(8, 8), CHARBUF(9, 0), BYTEBUF(10, 0), ERRNO(11, 8), SOCKADDR(12, 0), SOCKTUPLE(13, 0), FD(14, 8),
    PID(15, 8), FDLIST(16, 0), FSPATH(17, 0), SYSCALLID(18, 2), SIGTYPE(19, 1), RELTIME(20, 8), ABSTIME(21, 8),
    PORT(22, 2), L4PROTO(23, 1), SOCKFAMILY(24, 1), BOOL(25, 4), IPV4ADDR(26, 4), DYN(27, 0), FLAGS8(28, 1),
    FLAGS16(29, 2), FLAGS32(30, 4), UID(31, 4), GID(32, 4), DOUBLE(33, 8), SIGSET(34, 4), CHARBUFARRAY(35, 0),
    CHARBUF_PAIR_ARRAY(36, 0), IPV4NET(37, 0), IPV6ADDR(38, 16), IPV6NET(39, 0), IPADDR(40, 0), IPNET(41, 0),
    MODE(42, 4), FSRELPATH(43, 0), ENUMFLAGS8(44, 1), ENUMFLAGS16(45, 2), ENUMFLAGS32(46, 4), FD32(47, 4),
    PID32(48, 4);

    public final int id;
    public final int size;

    ParamType(int id, int size) {
        this.id = id;
        this.size = size;
    }

    /** True for the types whose value is a number read from a fixed number of bytes. */
    public boolean isNumeric() {
        return size > 0 && this != IPV6ADDR;
    }

    public boolean isSigned() {
        return switch (this) {
            case INT8, INT16, INT32, INT64, ERRNO, FD, PID, FD32, PID32 -> true;
            default -> false;
        };
    }

    public boolean isString() {
        return this == CHARBUF || this == FSPATH || this == FSRELPATH;
    }

    public boolean isFlags() {
        return this == FLAGS8 || this == FLAGS16 || this == FLAGS32 || this == ENUMFLAGS8 || this == ENUMFLAGS16
                || this == ENUMFLAGS32 || this == MODE;
    }
}
