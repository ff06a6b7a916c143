package io.jdig.capture;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshot of the system state a live capture starts from: threads with their file descriptors (sockets resolved
 * through the process's /proc/net tables by inode), users, groups, machine and interfaces. Every read tolerates
 * processes vanishing mid-scan. Threads of one process share its fd table, so fds are listed on the main thread
 * only (sysdig does the same: the fd table belongs to the process).
 */
public final class ProcScanner {
    private static final int MAX_BLOB = 4096; // args/env/cgroups limit, as sysdig

    private final Path proc;
    /** socket tables by network namespace inode */
    private final Map<String, Map<Long, ProcFdRecord>> socketsByNetns = new HashMap<>();

    public ProcScanner() {
        this(Path.of("/proc"));
    }

    public ProcScanner(Path proc) {
        this.proc = proc;
    }

    /** All threads of all processes. */
    public List<ProcThreadRecord> scan() {
        List<ProcThreadRecord> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!isNumber(n)) {
                    continue;
                }
                long pid = Long.parseLong(n);
                out.addAll(scanProcess(pid));
            }
        } catch (IOException e) {
            // return what we have
        }
        out.sort((a, b) -> Long.compare(a.tid(), b.tid()));
        return out;
    }

    /** The threads of one process (empty when it is gone). */
    public List<ProcThreadRecord> scanProcess(long pid) {
        Path pdir = proc.resolve(Long.toString(pid));
        List<String> argv = splitNul(readBytes(pdir.resolve("cmdline")), Integer.MAX_VALUE);
        List<String> env = splitNul(readBytes(pdir.resolve("environ")), MAX_BLOB);
        String exepath = readLink(pdir.resolve("exe"));
        String cwd = readLink(pdir.resolve("cwd"));
        if (!cwd.isEmpty() && !cwd.endsWith("/")) {
            cwd = cwd + "/";
        }
        String root = readLink(pdir.resolve("root"));
        long fdlimit = fdLimit(pdir);
        List<String> cgroups = cgroups(pdir);
        int loginuid = (int) parseLongOr(readString(pdir.resolve("loginuid")).trim(), -1);
        List<ProcFdRecord> fds = fds(pdir);
        List<ProcThreadRecord> out = new ArrayList<>();
        List<Long> tids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pdir.resolve("task"))) {
            for (Path t : ds) {
                if (isNumber(t.getFileName().toString())) {
                    tids.add(Long.parseLong(t.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return out;
        }
        Collections.sort(tids);
        for (long tid : tids) {
            Path tdir = pdir.resolve("task").resolve(Long.toString(tid));
            String stat = readString(tdir.resolve("stat"));
            String status = readString(tdir.resolve("status"));
            if (stat.isEmpty() || status.isEmpty()) {
                continue;
            }
            String comm = readString(tdir.resolve("comm")).strip();
            int close = stat.lastIndexOf(')');
            String[] f = stat.substring(close + 2).trim().split(" ");
            // f[0] = state (field 3), f[1] ppid, f[2] pgrp, f[3] session, f[7] minflt, f[9] majflt
            long pgrp = parseLongOr(f[2], -1), session = parseLongOr(f[3], -1);
            long minflt = parseLongOr(f[7], 0), majflt = parseLongOr(f[9], 0);
            Map<String, String> st = statusFields(status);
            long tgid = parseLongOr(st.getOrDefault("Tgid", Long.toString(pid)), pid);
            long ppid = parseLongOr(st.getOrDefault("PPid", f[1]), 0);
            int uid = (int) secondField(st.get("Uid"));
            int gid = (int) secondField(st.get("Gid"));
            long vtid = lastField(st.get("NSpid"), tid);
            long vpid = lastField(st.get("NStgid"), tgid);
            String exe = argv.isEmpty() ? comm : argv.get(0);
            List<String> args = argv.size() > 1 ? limit(argv.subList(1, argv.size())) : List.of();
            out.add(new ProcThreadRecord(tid, tgid, ppid, session, pgrp, comm, exe, exepath, args, cwd, fdlimit, 0, uid, gid,
                    (int) kb(st.get("VmSize")), (int) kb(st.get("VmRSS")), (int) kb(st.get("VmSwap")), majflt, minflt,
                    env, vtid, vpid, cgroups, root, loginuid, tid == tgid ? fds : List.of()));
        }
        return out;
    }

    // ---- fds ----------------------------------------------------------------------------------------

    private List<ProcFdRecord> fds(Path pdir) {
        List<ProcFdRecord> out = new ArrayList<>();
        Map<Long, ProcFdRecord> sockets = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pdir.resolve("fd"))) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!isNumber(n)) {
                    continue;
                }
                long fd = Long.parseLong(n);
                String target = readLink(p);
                if (target.isEmpty()) {
                    continue;
                }
                if (target.startsWith("socket:[")) {
                    long ino = bracketNumber(target);
                    if (sockets == null) {
                        sockets = sockets(pdir);
                    }
                    ProcFdRecord s = sockets.get(ino);
                    if (s != null) {
                        out.add(new ProcFdRecord(fd, ino, s.scapType(), 0, s.name(), s.localAddr(), s.localPort(),
                                s.remoteAddr(), s.remotePort(), s.l4proto(), s.server()));
                    } else {
                        out.add(new ProcFdRecord(fd, ino, ProcFdRecord.UNSUPPORTED, 0, target, null, 0, null, 0, 0, false));
                    }
                } else if (target.startsWith("pipe:[")) {
                    out.add(new ProcFdRecord(fd, bracketNumber(target), ProcFdRecord.FIFO, 0, target, null, 0, null, 0, 0, false));
                } else if (target.startsWith("anon_inode:")) {
                    out.add(new ProcFdRecord(fd, inode(p), anonType(target), 0, target, null, 0, null, 0, 0, false));
                } else {
                    boolean dir = Files.isDirectory(p);
                    int flags = openFlags(pdir.resolve("fdinfo").resolve(n));
                    out.add(new ProcFdRecord(fd, inode(p), dir ? ProcFdRecord.DIRECTORY : ProcFdRecord.FILE_V2, flags, target, null, 0,
                            null, 0, 0, false));
                }
            }
        } catch (IOException | SecurityException e) {
            // process gone or not readable
        }
        out.sort((a, b) -> Long.compare(a.fd(), b.fd()));
        return out;
    }

    static int anonType(String target) {
        String k = target.substring("anon_inode:".length()).replace("[", "").replace("]", "");
        return switch (k) {
            case "eventfd" -> ProcFdRecord.EVENT;
            case "eventpoll" -> ProcFdRecord.EVENTPOLL;
            case "inotify" -> ProcFdRecord.INOTIFY;
            case "signalfd" -> ProcFdRecord.SIGNALFD;
            case "timerfd" -> ProcFdRecord.TIMERFD;
            default -> ProcFdRecord.UNSUPPORTED; // bpf-*, io_uring, pidfd, userfaultfd...: no 0.29 type
        };
    }

    /** Linux open flags (octal "flags:" line of fdinfo) in PPM_O_* bits. */
    static int openFlags(Path fdinfo) {
        for (String line : readString(fdinfo).split("\n")) {
            if (line.startsWith("flags:")) {
                long f = parseLongOr8(line.substring(6).trim());
                return toPpmOpenFlags(f);
            }
        }
        return 0;
    }

    static int toPpmOpenFlags(long f) {
        int r = switch ((int) (f & 3)) {
            case 1 -> 2;
            case 2 -> 3;
            default -> 1;
        };
        if ((f & 0100) != 0) r |= 1 << 2;
        if ((f & 02000) != 0) r |= 1 << 3;
        if ((f & 010000) != 0) r |= 1 << 4;
        if ((f & 0200) != 0) r |= 1 << 5;
        if ((f & 04000) != 0) r |= 1 << 6;
        if ((f & 04000000) != 0) r |= 1 << 7;
        if ((f & 01000) != 0) r |= 1 << 8;
        if ((f & 040000) != 0) r |= 1 << 9;
        if ((f & 0200000) != 0) r |= 1 << 10;
        if ((f & 0100000) != 0) r |= 1 << 11;
        if ((f & 02000000) != 0) r |= 1 << 12;
        return r;
    }

    // ---- sockets --------------------------------------------------------------------------------------

    private Map<Long, ProcFdRecord> sockets(Path pdir) {
        String ns = readLink(pdir.resolve("ns").resolve("net"));
        return socketsByNetns.computeIfAbsent(ns, k -> readSocketTables(pdir.resolve("net")));
    }

    static Map<Long, ProcFdRecord> readSocketTables(Path net) {
        Map<Long, ProcFdRecord> m = new HashMap<>();
        readInet(net.resolve("tcp"), false, ProcFdRecord.L4_TCP, m);
        readInet(net.resolve("udp"), false, ProcFdRecord.L4_UDP, m);
        readInet(net.resolve("raw"), false, ProcFdRecord.L4_RAW, m);
        readInet(net.resolve("tcp6"), true, ProcFdRecord.L4_TCP, m);
        readInet(net.resolve("udp6"), true, ProcFdRecord.L4_UDP, m);
        readInet(net.resolve("raw6"), true, ProcFdRecord.L4_RAW, m);
        readUnix(net.resolve("unix"), m);
        readNetlink(net.resolve("netlink"), m);
        return m;
    }

    private static void readInet(Path file, boolean v6, int l4, Map<Long, ProcFdRecord> m) {
        String[] lines = readString(file).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            String[] local = f[1].split(":"), remote = f[2].split(":");
            long ino = parseLongOr(f[9], 0);
            if (ino == 0) {
                continue;
            }
            byte[] lip = hexAddr(local[0]), rip = hexAddr(remote[0]);
            int lport = Integer.parseInt(local[1], 16), rport = Integer.parseInt(remote[1], 16);
            boolean listen = l4 == ProcFdRecord.L4_TCP ? "0A".equals(f[3]) : (rport == 0 && isZero(rip));
            String name = listen ? fmt(lip, lport, v6) : fmt(lip, lport, v6) + "->" + fmt(rip, rport, v6);
            int type = v6 ? (listen ? ProcFdRecord.IPV6_SERVSOCK : ProcFdRecord.IPV6_SOCK) : (listen ? ProcFdRecord.IPV4_SERVSOCK : ProcFdRecord.IPV4_SOCK);
            m.put(ino, new ProcFdRecord(-1, ino, type, 0, name, lip, lport, listen ? null : rip, listen ? 0 : rport, l4, listen));
        }
    }

    private static void readUnix(Path file, Map<Long, ProcFdRecord> m) {
        String[] lines = readString(file).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+", 8);
            if (f.length < 7) {
                continue;
            }
            long ino = parseLongOr(f[6], 0);
            long addr = Long.parseUnsignedLong(f[0].replace(":", ""), 16);
            String path = f.length > 7 ? f[7] : "";
            byte[] src = new byte[8];
            for (int k = 0; k < 8; k++) {
                src[k] = (byte) (addr >>> (8 * k));
            }
            m.put(ino, new ProcFdRecord(-1, ino, ProcFdRecord.UNIX_SOCK, 0, path, src, 0, new byte[8], 0, ProcFdRecord.L4_NA, false));
        }
    }

    private static void readNetlink(Path file, Map<Long, ProcFdRecord> m) {
        String[] lines = readString(file).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            long ino = parseLongOr(f[f.length - 1], 0);
            m.putIfAbsent(ino, new ProcFdRecord(-1, ino, ProcFdRecord.NETLINK, 0, "", null, 0, null, 0, 0, false));
        }
    }

    /** /proc/net hex address (each 32-bit word printed in host byte order) to network-order bytes. */
    static byte[] hexAddr(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int w = 0; w < b.length / 4; w++) {
            long v = Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
            for (int k = 0; k < 4; k++) {
                b[w * 4 + k] = (byte) (v >>> (8 * k));
            }
        }
        return b;
    }

    private static String fmt(byte[] ip, int port, boolean v6) {
        try {
            String a = InetAddress.getByAddress(ip).getHostAddress();
            return a + ":" + port;
        } catch (IOException e) {
            return "?:" + port;
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    // ---- users, groups, machine, interfaces ---------------------------------------------------------------

    public static List<SystemInfo.User> users() {
        List<SystemInfo.User> out = new ArrayList<>();
        for (String line : readString(Path.of("/etc/passwd")).split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 7 && !line.startsWith("#")) {
                out.add(new SystemInfo.User((int) parseLongOr(f[2], -1), (int) parseLongOr(f[3], -1), f[0], f[5], f[6]));
            }
        }
        return out;
    }

    public static List<SystemInfo.Group> groups() {
        List<SystemInfo.Group> out = new ArrayList<>();
        for (String line : readString(Path.of("/etc/group")).split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && !line.startsWith("#")) {
                out.add(new SystemInfo.Group((int) parseLongOr(f[2], -1), f[0]));
            }
        }
        return out;
    }

    public static SystemInfo.Machine machine() {
        long mem = 0;
        for (String line : readString(Path.of("/proc/meminfo")).split("\n")) {
            if (line.startsWith("MemTotal:")) {
                mem = kb(line.substring(9)) * 1024;
            }
        }
        String host = readString(Path.of("/proc/sys/kernel/hostname")).strip();
        return new SystemInfo.Machine(Runtime.getRuntime().availableProcessors(), mem, host);
    }

    public static List<SystemInfo.NetInterface> interfaces() {
        List<SystemInfo.NetInterface> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                List<SystemInfo.InterfaceAddress> addrs = new ArrayList<>();
                for (java.net.InterfaceAddress ia : ni.getInterfaceAddresses()) {
                    byte[] a = ia.getAddress().getAddress();
                    boolean v4 = ia.getAddress() instanceof Inet4Address;
                    byte[] mask = prefixMask(ia.getNetworkPrefixLength(), a.length);
                    byte[] bcast = ia.getBroadcast() != null ? ia.getBroadcast().getAddress() : new byte[a.length];
                    addrs.add(new SystemInfo.InterfaceAddress(v4 ? 2 : 10, a, mask, bcast));
                }
                out.add(new SystemInfo.NetInterface(ni.getName(), addrs));
            }
        } catch (SocketException e) {
            // no interfaces readable
        }
        return out;
    }

    static byte[] prefixMask(int prefix, int len) {
        byte[] m = new byte[len];
        for (int i = 0; i < len * 8 && i < prefix; i++) {
            m[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return m;
    }

    // ---- small readers -------------------------------------------------------------------------------

    private static List<String> cgroups(Path pdir) {
        List<String> out = new ArrayList<>();
        for (String line : readString(pdir.resolve("cgroup")).split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[1].isEmpty()) { // cgroup v2: every enabled controller sees the same path
                String ctrls = readString(Path.of("/sys/fs/cgroup/cgroup.controllers")).strip();
                for (String c : ctrls.isEmpty() ? new String[0] : ctrls.split(" ")) {
                    out.add(c + "=" + f[2]);
                }
            } else {
                for (String c : f[1].split(",")) {
                    out.add(c.replace("name=", "") + "=" + f[2]);
                }
            }
        }
        return limit(out);
    }

    private static long fdLimit(Path pdir) {
        for (String line : readString(pdir.resolve("limits")).split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] f = line.substring(14).trim().split("\\s+");
                return "unlimited".equals(f[0]) ? -1 : parseLongOr(f[0], 0);
            }
        }
        return 0;
    }

    private static Map<String, String> statusFields(String status) {
        Map<String, String> m = new HashMap<>();
        for (String line : status.split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) {
                m.put(line.substring(0, c), line.substring(c + 1).trim());
            }
        }
        return m;
    }

    private static long secondField(String v) {
        if (v == null) {
            return -1;
        }
        String[] f = v.split("\\s+");
        return parseLongOr(f.length > 1 ? f[1] : f[0], -1);
    }

    private static long lastField(String v, long dflt) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        String[] f = v.split("\\s+");
        return parseLongOr(f[f.length - 1], dflt);
    }

    private static long kb(String v) {
        if (v == null) {
            return 0;
        }
        return parseLongOr(v.trim().split("\\s+")[0], 0);
    }

    private static List<String> limit(List<String> items) {
        List<String> out = new ArrayList<>();
        int total = 0;
        for (String s : items) {
            total += s.length() + 1;
            if (total > MAX_BLOB) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> splitNul(byte[] b, int max) {
        List<String> out = new ArrayList<>();
        int start = 0, total = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                total += i - start + 1;
                if (total > max) {
                    break;
                }
                out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < b.length && total + b.length - start <= max) {
            out.add(new String(b, start, b.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static long inode(Path p) {
        try {
            Object ino = Files.getAttribute(p, "unix:ino");
            return ino instanceof Number n ? n.longValue() : 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return 0;
        }
    }

    private static long bracketNumber(String s) {
        int a = s.indexOf('['), b = s.indexOf(']');
        return a >= 0 && b > a ? parseLongOr(s.substring(a + 1, b), 0) : 0;
    }

    private static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException | SecurityException e) {
            return new byte[0];
        }
    }

    static String readString(Path p) {
        return new String(readBytes(p), StandardCharsets.UTF_8);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseLongOr(String s, long dflt) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return dflt;
        }
    }

    private static long parseLongOr8(String s) {
        try {
            return Long.parseLong(s.trim(), 8);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @SuppressWarnings("unused")
    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
