package io.jdig.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.FileOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads this JVM from /proc (needs no privileges). */
class ProcScannerTest {

    @Test
    void scansOwnProcessWithFilesAndSockets(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("held-open.txt");
        try (FileOutputStream out = new FileOutputStream(file.toFile());
             ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            long pid = ProcessHandle.current().pid();
            List<ProcThreadRecord> threads = new ProcScanner().scanProcess(pid);
            assertThat(threads).isNotEmpty();
            ProcThreadRecord main = threads.stream().filter(t -> t.tid() == pid).findFirst().orElseThrow();
            assertThat(main.pid()).isEqualTo(pid);
            assertThat(main.ptid()).isEqualTo(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L));
            assertThat(main.exepath()).endsWith("/java");
            assertThat(main.cwd()).endsWith("/");
            assertThat(main.fdlimit()).isNotZero();
            assertThat(main.vmsizeKb()).isPositive();
            assertThat(main.env()).anyMatch(e -> e.startsWith("PATH="));
            assertThat(threads).allSatisfy(t -> assertThat(t.pid()).isEqualTo(pid));

            ProcFdRecord f = main.fds().stream().filter(d -> d.name().equals(file.toString())).findFirst().orElseThrow();
            assertThat(f.scapType()).isEqualTo(ProcFdRecord.FILE_V2);
            assertThat(f.openFlags() & 3).isEqualTo(2); // PPM_O_WRONLY
            assertThat(f.ino()).isEqualTo(Files.getAttribute(file, "unix:ino"));

            ProcFdRecord s = main.fds().stream().filter(d -> d.scapType() == ProcFdRecord.IPV4_SERVSOCK || d.scapType() == ProcFdRecord.IPV6_SERVSOCK)
                    .filter(d -> d.localPort() == server.getLocalPort()).findFirst().orElseThrow();
            assertThat(s.server()).isTrue();
            assertThat(s.l4proto()).isEqualTo(ProcFdRecord.L4_TCP);
        }
    }

    @Test
    void systemInfo() {
        assertThat(ProcScanner.users()).anyMatch(u -> u.uid() == 0 && u.name().equals("root"));
        assertThat(ProcScanner.groups()).anyMatch(g -> g.gid() == 0);
        SystemInfo.Machine m = ProcScanner.machine();
        assertThat(m.cpus()).isPositive();
        assertThat(m.memoryBytes()).isPositive();
        assertThat(m.hostname()).isNotBlank();
        assertThat(ProcScanner.interfaces()).anyMatch(i -> i.name().equals("lo")
                && i.addresses().stream().anyMatch(a -> a.family() == 2 && a.address()[0] == 127 && a.netmask()[0] == (byte) 255));
    }

    @Test
    void hexAddressesAreNetworkOrder() {
        assertThat(ProcScanner.hexAddr("0100007F")).containsExactly(127, 0, 0, 1);
        assertThat(ProcScanner.anonType("anon_inode:[eventpoll]")).isEqualTo(ProcFdRecord.EVENTPOLL);
        assertThat(ProcScanner.toPpmOpenFlags(02000101)).isEqualTo(2 | 4 | (1 << 12));
    }
}
