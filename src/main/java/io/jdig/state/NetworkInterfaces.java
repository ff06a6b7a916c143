package io.jdig.state;

import io.jdig.event.meta.InterfaceRecord;

import java.util.Arrays;
import java.util.List;

/**
 * Fills in the local address of a socket whose tuple lacks it, from the machine's interfaces, as sysdig does
 * (exact match, then same subnet, then the first non-loopback interface).
 */
final class NetworkInterfaces {
    private static final int LOOPBACK = 0x0100007f;
    private static final byte[] LOOPBACK6 = new byte[16];
    private static final byte[] ZERO16 = new byte[16];

    static {
        LOOPBACK6[15] = 1;
    }

    private NetworkInterfaces() {
    }

    static void inferAddresses(FdInfo f, List<InterfaceRecord> itfs) {
        if (f.type == FdType.IPV4_SOCK) {
            if (f.sip != 0 && f.dip != 0) {
                return;
            }
            if (f.sip == 0) {
                int n = infer4(f.dip, itfs);
                if (n == f.dip && f.sport == f.dport) {
                    return;
                }
                f.sip = n;
            } else {
                int n = infer4(f.sip, itfs);
                if (n == f.sip && f.sport == f.dport) {
                    return;
                }
                f.dip = n;
            }
        } else if (f.type == FdType.IPV6_SOCK) {
            byte[] s = f.sip6 == null ? ZERO16 : f.sip6;
            byte[] d = f.dip6 == null ? ZERO16 : f.dip6;
            boolean sEmpty = Arrays.equals(s, ZERO16);
            boolean dEmpty = Arrays.equals(d, ZERO16);
            if (!sEmpty && !dEmpty) {
                return;
            }
            if (sEmpty) {
                byte[] n = infer6(d, itfs);
                if (Arrays.equals(n, d) && f.sport == f.dport) {
                    return;
                }
                f.sip6 = n;
            } else {
                byte[] n = infer6(s, itfs);
                if (Arrays.equals(n, s) && f.sport == f.dport) {
                    return;
                }
                f.dip6 = n;
            }
        }
    }

    private static int infer4(int dest, List<InterfaceRecord> itfs) {
        for (InterfaceRecord i : itfs) {
            if (!i.isV6() && i.addr4() == dest) {
                return i.addr4();
            }
        }
        for (InterfaceRecord i : itfs) {
            if (!i.isV6() && (i.addr4() & i.netmask4()) == (dest & i.netmask4())) {
                return i.addr4();
            }
        }
        for (InterfaceRecord i : itfs) {
            if (!i.isV6() && i.addr4() != LOOPBACK) {
                return i.addr4();
            }
        }
        return 0;
    }

    private static byte[] infer6(byte[] dest, List<InterfaceRecord> itfs) {
        for (InterfaceRecord i : itfs) {
            if (i.isV6() && Arrays.equals(i.addr6(), dest)) {
                return i.addr6().clone();
            }
        }
        for (InterfaceRecord i : itfs) {
            if (i.isV6() && Arrays.equals(i.addr6(), 0, 8, dest, 0, 8)) {
                return i.addr6().clone();
            }
        }
        for (InterfaceRecord i : itfs) {
            if (i.isV6() && !Arrays.equals(i.addr6(), LOOPBACK6)) {
                return i.addr6().clone();
            }
        }
        return new byte[16];
    }
}
