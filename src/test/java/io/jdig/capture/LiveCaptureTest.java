package io.jdig.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures a known workload (file write, missing file, TCP on loopback, exec of /bin/echo) run in a child JVM and
 * checks the decoded events: types, paths, fds, data bytes, the 4-tuple, execve args, ENOENT, and that every
 * event has the parameter count and fixed-size parameter lengths of sysdig 0.29's event table.
 */
class LiveCaptureTest {

    /** A decoded event: header fields and raw parameter bytes. */
    record Evt(long ts, long tid, int type, int cpu, List<byte[]> params) {
        long num(int i) {
            byte[] p = params.get(i);
            ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
            return switch (p.length) {
                case 1 -> b.get() & 0xff;
                case 2 -> b.getShort() & 0xffff;
                case 4 -> b.getInt() & 0xffffffffL;
                case 8 -> b.getLong();
                default -> throw new IllegalStateException("param " + i + " has " + p.length + " bytes");
            };
        }

        String str(int i) {
            byte[] p = params.get(i);
            int n = p.length;
            while (n > 0 && p[n - 1] == 0) {
                n--;
            }
            return new String(p, 0, n, StandardCharsets.UTF_8);
        }

        boolean isExit() {
            return (type & 1) == 1;
        }
    }

    static Evt decode(byte[] b, int off, int cpu) {
        ByteBuffer bb = ByteBuffer.wrap(b, off, b.length - off).order(ByteOrder.LITTLE_ENDIAN);
        long ts = bb.getLong(off);
        long tid = bb.getLong(off + 8);
        int len = bb.getInt(off + 16);
        int type = bb.getShort(off + 20) & 0xffff;
        int n = bb.getInt(off + 22);
        assertThat(len).isGreaterThanOrEqualTo(26 + 2 * n);
        List<byte[]> params = new ArrayList<>(n);
        int p = off + 26 + 2 * n;
        for (int i = 0; i < n; i++) {
            int pl = bb.getShort(off + 26 + 2 * i) & 0xffff;
            params.add(Arrays.copyOfRange(b, p, p + pl));
            p += pl;
        }
        assertThat(p - off).as("event %d length", type).isEqualTo(len);
        return new Evt(ts, tid, type, cpu, params);
    }

    static LiveEventSource src;
    static final List<Evt> events = new ArrayList<>();
    static long startNs, endNs;
    static int serverPort;
    static Path dir;

    @BeforeAll
    static void capture(@TempDir Path tmp) throws Exception {
        String problem = BpfLoader.environmentProblem();
        io.jdig.Prerequisites.require(problem == null, "live capture unavailable: " + problem);
        dir = tmp;
        src = LiveEventSource.open(LiveEventSource.Options.defaults().withRingBytes(8L << 20));
        startNs = System.currentTimeMillis() * 1_000_000L;
        Thread consumer = Thread.ofPlatform().name("capture-consumer").start(() -> {
            byte[] b = src.buffer();
            while (src.next()) {
                events.add(decode(b, src.offset(), src.cpu()));
            }
        });
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"), Workload.class.getName(),
                tmp.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            serverPort = Integer.parseInt(r.readLine().trim());
            while (r.readLine() != null) {
                // drain
            }
        }
        assertThat(p.waitFor()).isZero();
        Thread.sleep(200);
        src.stop();
        consumer.join(30_000);
        endNs = System.currentTimeMillis() * 1_000_000L;
    }

    @AfterAll
    static void close() {
        if (src != null) {
            src.close();
        }
    }

    private static List<Evt> ofType(int type) {
        return events.stream().filter(e -> e.type == type).toList();
    }

    /** The enter event that precedes an exit on the same thread. */
    private static Evt enterOf(Evt exit) {
        int i = events.indexOf(exit);
        for (int j = i - 1; j >= 0; j--) {
            Evt e = events.get(j);
            if (e.tid == exit.tid) {
                return e.type == exit.type - 1 ? e : null;
            }
        }
        return null;
    }

    @Test
    void capturesEventsInTimestampOrderWithEpochTimes() {
        assertThat(events).hasSizeGreaterThan(100);
        long prev = 0;
        int outOfOrder = 0;
        for (Evt e : events) {
            if (e.ts < prev) {
                outOfOrder++;
            }
            prev = e.ts;
            assertThat(e.ts).isBetween(startNs - 5_000_000_000L, endNs + 5_000_000_000L);
        }
        assertThat(outOfOrder).isLessThan(Math.max(1, events.size() / 1000));
        assertThat(Arrays.stream(src.dropsPerCpu()).sum()).isZero();
        assertThat(src.eventsSeen()).isGreaterThanOrEqualTo(events.size());
        assertThat(events.stream().filter(e -> e.tid == ProcessHandle.current().pid())).isEmpty();
    }

    @Test
    void fileOpenAndWrite() {
        String path = dir.resolve("written.txt").toString();
        Evt open = ofType(307).stream().filter(e -> e.str(2).equals(path)).findFirst().orElseThrow();
        long fd = open.num(0);
        assertThat(fd).isGreaterThanOrEqualTo(0);
        assertThat(open.num(1)).isEqualTo(-100); // AT_FDCWD
        assertThat(open.num(3) & 0x7).isEqualTo(2 | 4); // PPM_O_WRONLY | PPM_O_CREAT
        Evt enter = enterOf(open);
        assertThat(enter).isNotNull();
        assertThat(enter.str(1)).isEqualTo(path);

        byte[] payload = Workload.FILE_PAYLOAD.getBytes(StandardCharsets.US_ASCII);
        Evt write = ofType(9).stream().filter(e -> e.tid == open.tid && Arrays.equals(e.params.get(1), payload))
                .findFirst().orElseThrow();
        assertThat(write.num(0)).isEqualTo(payload.length);
        Evt we = enterOf(write);
        assertThat(we).isNotNull();
        assertThat(we.num(0)).isEqualTo(fd);
        assertThat(we.num(1)).isEqualTo(payload.length);
        assertThat(ofType(5).stream().anyMatch(e -> e.tid == open.tid && enterOf(e) != null && enterOf(e).num(0) == fd)).isTrue();
    }

    @Test
    void missingFileIsEnoent() {
        String path = dir.resolve("missing.txt").toString();
        Evt open = ofType(307).stream().filter(e -> e.str(2).equals(path)).findFirst().orElseThrow();
        assertThat(open.num(0)).isEqualTo(-2);
        assertThat(open.num(5)).isZero(); // dev
    }

    @Test
    void tcpLoopbackTupleAndData() {
        Evt connect = ofType(23).stream().filter(e -> e.params.get(1).length == 13 && port(e.params.get(1), 11) == serverPort)
                .findFirst().orElseThrow();
        byte[] t = connect.params.get(1);
        assertThat(t[0]).isEqualTo((byte) 2);
        assertThat(Arrays.copyOfRange(t, 1, 5)).containsExactly(127, 0, 0, 1);
        assertThat(Arrays.copyOfRange(t, 7, 11)).containsExactly(127, 0, 0, 1);
        int clientPort = port(t, 5);
        assertThat(clientPort).isPositive().isNotEqualTo(serverPort);

        Evt accept = events.stream().filter(e -> (e.type == 247 || e.type == 249) && e.params.get(1).length == 13)
                .filter(e -> port(e.params.get(1), 11) == serverPort).findFirst().orElseThrow();
        assertThat(accept.num(0)).isGreaterThanOrEqualTo(0);
        byte[] at = accept.params.get(1);
        assertThat(port(at, 5)).isEqualTo(clientPort); // inbound: remote (client) side first
        assertThat(Arrays.copyOfRange(at, 1, 5)).containsExactly(127, 0, 0, 1);
        assertThat(accept.params).hasSize(5);

        byte[] payload = Workload.TCP_PAYLOAD.getBytes(StandardCharsets.US_ASCII);
        Set<Integer> sends = Set.of(9, 29, 31, 49), recvs = Set.of(7, 33, 35, 53);
        assertThat(events.stream().filter(e -> sends.contains(e.type)).anyMatch(e -> containsBytes(e, payload))).isTrue();
        assertThat(events.stream().filter(e -> recvs.contains(e.type)).anyMatch(e -> containsBytes(e, payload))).isTrue();

        // the server bound 127.0.0.1:0 (the kernel picked the port); bind reports the address as the caller gave it
        Evt bind = ofType(21).stream().filter(e -> e.tid == accept.tid && e.params.get(1).length == 7)
                .findFirst().orElseThrow();
        assertThat(bind.num(0)).isZero();
        assertThat(Arrays.copyOfRange(bind.params.get(1), 0, 7)).containsExactly(2, 127, 0, 0, 1, 0, 0);
        Evt listen = ofType(24).stream().filter(e -> e.tid == accept.tid).findFirst().orElseThrow();
        assertThat(listen.num(0)).isEqualTo(enterOf(ofType(21).stream().filter(e -> e == bind).findFirst().orElseThrow()).num(0));
    }

    @Test
    void execOfEchoWithArgs() {
        Evt exec = ofType(293).stream().filter(e -> e.num(0) == 0 && e.str(13).equals("echo")).findFirst().orElseThrow();
        assertThat(exec.params).hasSize(20);
        assertThat(exec.str(1)).isEqualTo("/bin/echo");
        assertThat(new String(exec.params.get(2), StandardCharsets.US_ASCII)).isEqualTo(Workload.ECHO_ARG + "\0arg2\0");
        assertThat(exec.num(3)).isEqualTo(exec.tid);
        assertThat(exec.num(4)).isEqualTo(exec.tid); // single-threaded: pid == tid
        assertThat(exec.num(7)).isPositive(); // fdlimit
        assertThat(exec.num(10)).isPositive(); // vm_size
        assertThat(new String(exec.params.get(15), StandardCharsets.US_ASCII)).contains("PATH=");
        Evt enter = enterOf(exec);
        assertThat(enter).isNotNull();
        assertThat(enter.str(0)).isEqualTo("/bin/echo");
        // the echo process exits
        assertThat(ofType(186).stream().anyMatch(e -> e.tid == exec.tid && e.num(0) == 0)).isTrue();
    }

    @Test
    void cloneSeenFromParentAndChild() {
        Set<Integer> cloneX = Set.of(223, 225, 227, 335);
        List<Evt> clones = events.stream().filter(e -> cloneX.contains(e.type)).toList();
        assertThat(clones).isNotEmpty();
        assertThat(clones).allSatisfy(e -> assertThat(e.params).hasSize(20));
        assertThat(clones.stream().anyMatch(e -> e.num(0) == 0)).as("child side").isTrue();
        assertThat(clones.stream().anyMatch(e -> e.num(0) > 0)).as("parent side").isTrue();
        Evt child = clones.stream().filter(e -> e.num(0) == 0).findFirst().orElseThrow();
        assertThat(child.num(3)).isEqualTo(child.tid);
    }

    @Test
    void layoutsMatchSysdig029EventTable() throws IOException {
        Map<Integer, List<String>> table = loadTable();
        Map<Integer, Integer> checked = new HashMap<>();
        for (Evt e : events) {
            List<String> types = table.get(e.type);
            assertThat(types).as("event type %d known", e.type).isNotNull();
            assertThat(e.params).as("nparams of %d", e.type).hasSize(types.size());
            for (int i = 0; i < types.size(); i++) {
                int want = fixedSize(types.get(i));
                int got = e.params.get(i).length;
                if (want > 0) {
                    assertThat(got).as("param %d (%s) of event %d", i, types.get(i), e.type).isEqualTo(want);
                }
            }
            checked.merge(e.type, 1, Integer::sum);
        }
        assertThat(checked.keySet()).contains(306, 307, 8, 9, 292, 293, 186);
    }

    private static Map<Integer, List<String>> loadTable() throws IOException {
        Map<Integer, List<String>> t = new HashMap<>();
        try (InputStream in = LiveCaptureTest.class.getResourceAsStream("event_table_sysdig029.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int num = Integer.parseInt(line.trim().split("\\s+")[0]);
                java.util.regex.Matcher nm = java.util.regex.Pattern.compile(" n=(\\d+) ").matcher(line);
                int n = nm.find() ? Integer.parseInt(nm.group(1)) : Integer.MAX_VALUE;
                List<String> types = new ArrayList<>();
                int sep = line.indexOf("::");
                for (String p : line.substring(sep + 2).split(";")) {
                    if (p.isBlank()) {
                        continue;
                    }
                    for (String tok : p.trim().split("\\s+")) {
                        if (tok.startsWith("PT_")) {
                            types.add(tok);
                            break;
                        }
                    }
                }
                // the declared count wins (seccomp's enter lists a parameter its probe never sends)
                t.put(num, types.size() > n ? types.subList(0, n) : types);
            }
        }
        return t;
    }

    private static int fixedSize(String pt) {
        return switch (pt) {
            case "PT_INT8", "PT_UINT8", "PT_SIGTYPE", "PT_FLAGS8", "PT_L4PROTO", "PT_SOCKFAMILY" -> 1;
            case "PT_INT16", "PT_UINT16", "PT_FLAGS16", "PT_SYSCALLID", "PT_PORT" -> 2;
            case "PT_INT32", "PT_UINT32", "PT_FLAGS32", "PT_UID", "PT_GID", "PT_BOOL", "PT_MODE", "PT_IPV4ADDR",
                 "PT_SIGSET" -> 4;
            case "PT_INT64", "PT_UINT64", "PT_ERRNO", "PT_FD", "PT_PID", "PT_RELTIME", "PT_ABSTIME", "PT_DOUBLE" -> 8;
            default -> -1;
        };
    }

    private static int port(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    private static boolean containsBytes(Evt e, byte[] needle) {
        for (byte[] p : e.params) {
            outer:
            for (int i = 0; i + needle.length <= p.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (p[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
