package io.jdig.state;

import static io.jdig.event.EventTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.event.EventBytes;
import io.jdig.event.EventView;
import io.jdig.event.meta.FdRecord;
import io.jdig.event.meta.InterfaceRecord;
import io.jdig.event.meta.MachineRecord;
import io.jdig.event.meta.Metadata;
import io.jdig.event.meta.ThreadRecord;
import io.jdig.scap.ScapWriter;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fd-table and working-directory cases on a synthetic trace (sysdig 0.29 event layouts), checked on the state
 * engine directly and, for the same file, against what the real {@code sysdig -r} prints (with CI=true a missing
 * sysdig fails the test instead of skipping it).
 */
class StateFidelityTest {
    private static final long TID = 500;
    private final List<byte[]> events = new ArrayList<>();
    private long ts = 1_700_000_000_000_000_000L;

    private void event(int type, Object... params) {
        eventOf(TID, type, params);
    }

    private void eventOf(long tid, int type, Object... params) {
        events.add(EventBytes.of(ts += 1000, tid, type, params));
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** An IPv4 socket tuple: family, source address and port, destination address and port. */
    private static byte[] tuple4(int sip, int sport, int dip, int dport) {
        return le(13).put((byte) 2).putInt(sip).putShort((short) sport).putInt(dip).putShort((short) dport).array();
    }

    private static final int LOCALHOST = 0x0100007f;

    private static byte[] tuple6(byte[] sip, int sport, byte[] dip, int dport) {
        return le(37).put((byte) 10).put(sip).putShort((short) sport).put(dip).putShort((short) dport).array();
    }

    private static byte[] sockaddr6(byte[] ip, int port) {
        return le(19).put((byte) 10).put(ip).putShort((short) port).array();
    }

    /** ::ffff:a.b.c.d for an IPv4 address held as sysdig does (network-order bytes read as a little-endian int). */
    private static byte[] mapped(int ip4) {
        return le(16).putLong(0).putShort((short) 0).putShort((short) -1).putInt(ip4).array();
    }

    /** The workload: every case of the class in one process, in order. */
    private void workload() {
        // F_DUPFD: fd 10 becomes a copy of fd 1 (a bash saving its standard output)
        event(FCNTL_E, 1L, (byte) 1);
        event(FCNTL_X, 10L);
        // another command after it must not reuse the kept F_DUPFD enter
        event(FCNTL_E, 10L, (byte) 2);
        event(FCNTL_X, 0L);
        // dup2 onto an open fd: fd 1 becomes a copy of fd 3
        event(124, 3L); // dup enter
        event(DUP_X, 1L);
        // relative chdir, then an open relative to the new working directory
        event(94); // chdir enter
        event(CHDIR_X, 0L, "lib/mysql");
        event(OPENAT_2_E, -100L, "userss", 1, 0);
        event(OPENAT_2_X, 4L, -100L, "userss", 1, 0, 0);
        // a directory opened, and a file opened relative to it
        event(OPENAT_2_E, -100L, "/srv/data", 1 << 10 | 1, 0);
        event(OPENAT_2_X, 5L, -100L, "/srv/data", 1 << 10 | 1, 0, 0);
        event(OPENAT_2_E, 5L, "sub", 1 << 10 | 1, 0);
        event(OPENAT_2_X, 6L, 5L, "sub", 1 << 10 | 1, 0, 0);
        // an unconnected UDP socket used with sendto (no local address yet)
        event(SOCKET_E, 2, 2, 0);
        event(SOCKET_X, 7L);
        event(SENDTO_E, 7L, 4, tuple4(0, 0, LOCALHOST, 514));
        event(SENDTO_X, 4L, "ping".getBytes(StandardCharsets.UTF_8));
        // getsockopt(SO_ERROR), as a non-blocking connect is checked: the fd is a parameter of the exit only
        event(GETSOCKOPT_E);
        event(GETSOCKOPT_X, 0L, 7L, (byte) 1, (byte) 4, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, 4);
        // a UDP socket of the process list bound to a port, listed after a unix socket, gets a tuple: sinsp reads its
        // union as an IPv4 tuple whose destination is the server's port and protocol and the unix address's last byte
        event(SENDMSG_E, 12L, 8, tuple4(0, 55441, LOCALHOST, 514));
        event(SENDMSG_X, 8L, "<134>log".getBytes(StandardCharsets.UTF_8));
        // an IPv6 UDP socket bound to any address (::) sends to an IPv4-mapped one: sinsp takes :: for IPv4 as well
        event(SOCKET_E, 10, 2, 0);
        event(SOCKET_X, 13L);
        event(BIND_E, 13L);
        event(BIND_X, 0L, sockaddr6(new byte[16], 0));
        event(SENDTO_E, 13L, 6, tuple6(new byte[16], 46570, mapped(LOCALHOST), 40958));
        event(SENDTO_X, 6L, "mapped".getBytes(StandardCharsets.UTF_8));
        // a read on an fd of a kind sysdig 0.29.3 has no name for (a bpf map in the process list)
        event(READ_E, 8L, 16);
        event(READ_X, 4L, "abcd".getBytes(StandardCharsets.UTF_8));
        // a fork whose child returns from clone before its parent does: sinsp attaches no thread to the child's
        // exit (the child is made from it), so its latency is 0 and evt.latency.human repeats the field's last text
        event(CLONE_20_E);
        eventOf(OTHER, CLOSE_E, 3L);
        ts += 41_000;
        eventOf(OTHER, CLOSE_X, 0L);
        cloneExit(CHILD, 0L);
        cloneExit(TID, CHILD);
        eventOf(CHILD, CLOSE_E, 4L);
        eventOf(CHILD, CLOSE_X, 0L);
    }

    private static final long CHILD = 501;
    /** Another process, busy while the fork is under way. */
    private static final long OTHER = 600;

    /** A clone exit in the 20-parameter layout, as {@code tid} sees it, of a fork of TID into CHILD. */
    private void cloneExit(long tid, long res) {
        eventOf(tid, CLONE_20_X, res, "/bin/bash", "", tid, tid, tid == TID ? 1L : TID, "/var", 1024L, 0L, 0L, 0, 0, 0,
                "bash", "", 0, 0, 0, tid, tid);
    }

    private static ThreadRecord thread() {
        return thread(TID);
    }

    private static ThreadRecord thread(long tid) {
        return new ThreadRecord(tid, tid, 1, 0, 0, "bash", "/bin/bash", "/bin/bash", List.of(), "/var", 1024, 0, 0, 0,
                0, 0, 0, 0, 0, List.of(), TID, TID, List.of(), "/", -1);
    }

    private static List<FdRecord> fds() {
        return List.of(
                new FdRecord(1, 11, FdRecord.FILE, 1, "/dev/pts/0", 0, 0, null, null, 0, 0, 0, 0, 0, 0),
                new FdRecord(3, 12, FdRecord.FILE, 1, "/tmp/log.txt", 0, 0, null, null, 0, 0, 0, 0, 0, 0),
                new FdRecord(8, 13, FdRecord.UNSUPPORTED, 0, "anon_inode:bpf-map", 0, 0, null, null, 0, 0, 0, 0, 0, 0),
                new FdRecord(11, 14, FdRecord.UNIX_SOCK, 0, "", 0, 0, null, null, 0, 0, 0, 0xffff8edf12345678L, 0, 0),
                new FdRecord(12, 15, FdRecord.IPV4_SERVSOCK, 0, "", 0, 0, null, null, 55441, 0, FdInfo.L4_UDP, 0, 0,
                        0));
    }

    @Test
    void theEngineKeepsSinspsFdTableAndWorkingDirectory() {
        workload();
        StateEngine state = new StateEngine();
        state.onThread(thread());
        state.onThread(thread(OTHER));
        state.onFds(TID, fds());
        EventView ev = new EventView();
        for (byte[] e : events) {
            assertThat(ev.wrap(e, 0, 0, 0)).isTrue();
            state.process(ev);
            if (ev.type() == CLONE_20_X && ev.tid() == CHILD) {
                assertThat(state.thread()).as("no thread attached to the exit of the child that returns first")
                        .isNull();
                assertThat(state.lookup(CHILD)).as("the child made from it").isNotNull();
            }
            state.accepted();
        }
        ThreadInfo t = state.lookup(TID);
        assertThat(t.fds.get(10).name()).as("F_DUPFD copy of fd 1").isEqualTo("/dev/pts/0");
        assertThat(t.fds.get(0)).as("F_GETFD's result 0 is no new fd").isNull();
        assertThat(t.fds.get(1).name()).as("dup2 onto the open fd 1").isEqualTo("/tmp/log.txt");
        assertThat(t.cwd).isEqualTo("/var/lib/mysql/");
        assertThat(t.fds.get(4).name()).isEqualTo("/var/lib/mysql/userss");
        assertThat(t.fds.get(6).name()).isEqualTo("/srv/data/sub");
        assertThat(t.fds.get(6).type).isEqualTo(FdType.DIRECTORY);
        FdInfo udp = t.fds.get(7);
        assertThat(udp.type).isEqualTo(FdType.IPV4_SOCK);
        assertThat(udp.role).as("a sendto on an unconnected socket: client").isEqualTo(FdInfo.ROLE_CLIENT);
        FdInfo bpf = t.fds.get(8);
        assertThat(bpf.type.label).as("sysdig 0.29.3 names no unsupported fd").isEqualTo("<NA>");
        assertThat(bpf.type.typeChar).isEqualTo('X');
        assertThat(FdType.of(FdRecord.MEMFD).label).as("nor the kinds of later drivers").isEqualTo("<NA>");
        assertThat(FdType.of(FdRecord.MEMFD).typeChar).isEqualTo('?');
        FdInfo bound = t.fds.get(12);
        assertThat(bound.type).isEqualTo(FdType.IPV4_SOCK);
        assertThat(bound.dip).as("port 55441, UDP, then the unix address's last byte")
                .isEqualTo(0xd891 | FdInfo.L4_UDP << 16 | 0xff << 24);
        assertThat(bound.dport).isEqualTo(514);
        assertThat(t.fds.get(13).type).as("an IPv6 socket bound to :: sending to ::ffff:127.0.0.1")
                .isEqualTo(FdType.IPV4_SOCK);
    }

    /**
     * The engine's tables written as a process list (what a rotated live capture starts each new file with) and read
     * back give the same threads and fds: names, types, server or client side, working directories.
     */
    @Test
    void theTablesWrittenAsAProcessListReadBackTheSame() {
        workload();
        StateEngine state = new StateEngine();
        Metadata base = new Metadata();
        base.machine = new MachineRecord(2, 1L << 30, 32768, "synthetic", 0, 0);
        base.onThread(thread());
        base.onThread(thread(OTHER));
        base.onFds(TID, fds());
        base.replay(state);
        EventView ev = new EventView();
        for (byte[] e : events) {
            assertThat(ev.wrap(e, 0, 0, 0)).isTrue();
            state.process(ev);
            state.accepted();
        }
        StateEngine again = new StateEngine();
        TableSnapshot.of(state, base).replay(again);
        again.process(wrapped(ev, CLOSE_E, 99L)); // the table is linked at the first event
        for (long tid : new long[] {TID, OTHER, CHILD}) {
            ThreadInfo a = state.lookup(tid);
            ThreadInfo b = again.lookup(tid);
            assertThat(b).as("thread %d", tid).isNotNull();
            assertThat(b.comm()).isEqualTo(a.comm());
            assertThat(b.cwd).isEqualTo(a.cwd);
            assertThat(b.ptid).isEqualTo(a.ptid);
            List<String> fdsA = new ArrayList<>();
            List<String> fdsB = new ArrayList<>();
            a.fds.forEach(f -> fdsA.add(f.fd + " " + f.type + " " + f.name() + " " + f.role));
            b.fds.forEach(f -> fdsB.add(f.fd + " " + f.type + " " + f.name() + " " + f.role));
            assertThat(fdsB).as("fds of %d", tid).containsExactlyInAnyOrderElementsOf(fdsA);
        }
        assertThat(again.lookup(TID).fds.get(7).name()).isEqualTo("0.0.0.0:0->127.0.0.1:514");
    }

    private EventView wrapped(EventView ev, int type, Object... params) {
        events.clear();
        event(type, params);
        assertThat(ev.wrap(events.getFirst(), 0, 0, 0)).isTrue();
        return ev;
    }

    @Test
    void sysdigPrintsTheSameForTheSameFile(@TempDir Path tmp) throws Exception {
        io.jdig.Prerequisites.requireSysdig();
        workload();
        Path scap = tmp.resolve("state.scap");
        try (ScapWriter w = ScapWriter.create(scap, false)) {
            w.writeSectionHeader();
            w.writeMachine(new MachineRecord(2, 1L << 30, 32768, "synthetic", 0, 0));
            // the loopback and one other interface: sinsp picks a socket's unknown address among them
            w.writeInterfaces(List.of(
                    new InterfaceRecord(InterfaceRecord.IPV4_NOLINKSPEED, "lo", LOCALHOST, 0x000000ff, 0xffffff7f, null,
                            null, null, 0),
                    new InterfaceRecord(InterfaceRecord.IPV4_NOLINKSPEED, "eth0", 0x0a01a8c0, 0x00ffffff, 0xff01a8c0,
                            null, null, null, 0)));
            w.writeUsers(List.of(), List.of());
            w.writeProcesses(List.of(thread(), thread(OTHER)), Set.of());
            w.writeFds(TID, fds());
            for (byte[] e : events) {
                w.writeEvent(e, 0, 0, 0);
            }
        }
        String fmt = "*%evt.num %evt.type %evt.dir %fd.num %fd.name %fd.type %fd.typechar %fd.directory %proc.cwd %fd.is_server "
                + "%fd.cip %fd.sip %fd.cport %fd.sport %thread.tid %evt.latency %evt.latency.human %evt.args";
        List<String> theirs = run(tmp, List.of("sysdig", "-r", scap.toString(), "-p", fmt));
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "io.jdig.cli.Main",
                "-r", scap.toString(), "-p", fmt));
        List<String> ours = run(tmp, cmd);
        assertThat(theirs).as("sysdig's lines (never an expected-empty output)").hasSize(events.size());
        assertThat(ours).containsExactlyElementsOf(theirs);
    }

    /** Runs a command, checks its exit status is 0, returns its output lines. */
    private static List<String> run(Path tmp, List<String> cmd) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s exit status: %s", cmd.getFirst(), Files.readString(err)).isZero();
        return Files.readAllLines(out, StandardCharsets.ISO_8859_1);
    }
}
