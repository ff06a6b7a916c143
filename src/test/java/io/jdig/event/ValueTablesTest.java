package io.jdig.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTablesTest {

    private static String resolved(String table, long value) {
        FlagTable t = ValueTables.table(table);
        assertThat(t).as(table).isNotNull();
        ByteBuf b = new ByteBuf();
        boolean any = t.appendResolved(value, b);
        assertThat(any).isEqualTo(b.length() > 0);
        return b.toString();
    }

    // Renderings copied from what sysdig 0.29.3 printed for the shared traces (conformance/*/default.txt).
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "file_flags; 4097; O_RDONLY|O_CLOEXEC",
        "file_flags; 1; O_RDONLY",
        "file_flags; 262; O_TRUNC|O_CREAT|O_WRONLY",
        "file_flags; 5185; O_DIRECTORY|O_NONBLOCK|O_RDONLY|O_CLOEXEC",
        "prot_flags; 3; PROT_READ|PROT_WRITE",
        "prot_flags; 5; PROT_READ|PROT_EXEC",
        "prot_flags; 1; PROT_READ",
        "prot_flags; 0; PROT_NONE",
        "mmap_flags; 1026; MAP_PRIVATE|MAP_DENYWRITE",
        "mmap_flags; 1030; MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE",
        "mmap_flags; 10; MAP_PRIVATE|MAP_ANONYMOUS",
        "mmap_flags; 14; MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS",
        "mmap_flags; 74; MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE",
        "mmap_flags; 2; MAP_PRIVATE",
        "access_flags; 0; F_OK",
        "access_flags; 4; R_OK",
        "access_flags; 1; X_OK",
        "futex_operations; 0; FUTEX_WAIT",
        "futex_operations; 1; FUTEX_WAKE",
        "futex_operations; 128; FUTEX_PRIVATE_FLAG",
        "futex_operations; 129; FUTEX_PRIVATE_FLAG|FUTEX_WAKE",
        "futex_operations; 393; FUTEX_CLOCK_REALTIME|FUTEX_PRIVATE_FLAG|FUTEX_WAIT_BITSET",
        "clone_flags; 47619; CLONE_FILES|CLONE_FS|CLONE_PARENT_SETTID|CLONE_SIGHAND|CLONE_SYSVSEM|CLONE_THREAD|CLONE_VM",
        "clone_flags; 25165824; CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID",
        "socket_families; 10; AF_INET6",
        "socket_families; 2; AF_INET",
        "socket_families; 1; AF_LOCAL",
        "fcntl_commands; 2; F_GETFD",
        "fcntl_commands; 3; F_SETFD",
        "fcntl_commands; 4; F_GETFL",
        "fcntl_commands; 5; F_SETFL",
        "rlimit_resources; 3; RLIMIT_STACK",
    })
    void rendersLikeSysdig(String table, long value, String expected) {
        assertThat(resolved(table, value)).isEqualTo(expected);
    }

    @Test
    void flagWalkQuirks() {
        // Zero-valued entries only match a zero value; with no zero entry nothing is printed (sysdig: "mode=0").
        assertThat(resolved("chmod_mode", 0)).isEmpty();
        assertThat(resolved("chmod_mode", 0755))
                .isEqualTo("S_IXOTH|S_IROTH|S_IXGRP|S_IRGRP|S_IXUSR|S_IWUSR|S_IRUSR");
        assertThat(resolved("file_flags", 0)).isEqualTo("O_NONE");
        assertThat(resolved("file_flags", 3)).isEqualTo("O_RDWR");
        // Unknown bits are silently dropped; only known ones are named.
        assertThat(resolved("prot_flags", 0x80000003L)).isEqualTo("PROT_READ|PROT_WRITE");
        // No bit known at all: nothing to print.
        assertThat(resolved("prot_flags", 0x100)).isEmpty();
        // The walk ends at the entry equal to the whole value and always prints it, even when earlier entries
        // already consumed its bits (0.29 behaviour): 30 = F_SETPIPE_SZ(28) + F_GETFD(2), then F_OFD_GETLK(30).
        assertThat(resolved("fcntl_commands", 30)).isEqualTo("F_SETPIPE_SZ|F_GETFD|F_OFD_GETLK");
        // Only the low 32 bits count.
        assertThat(resolved("file_flags", 0x1_0000_1001L)).isEqualTo("O_RDONLY|O_CLOEXEC");
    }

    @Test
    void exactMatchRenderingOfNewerLibs() {
        FlagTable fam = ValueTables.table("socket_families");
        assertThat(fam.isEnum()).isTrue();
        ByteBuf b = new ByteBuf();
        assertThat(fam.appendExactMatch(1, b)).isTrue();
        assertThat(b.toString()).isEqualTo("AF_LOCAL|AF_UNIX");
        b.clear();
        assertThat(fam.appendExactMatch(999, b)).isFalse();
        assertThat(b.length()).isZero();
        assertThat(ValueTables.table("file_flags").isEnum()).isFalse();
    }

    @Test
    void resolvedIndexesFollowTheSameWalk() {
        FlagTable t = ValueTables.table("file_flags");
        int[] idx = new int[t.size()];
        int n = t.resolvedIndexes(4097, idx);
        assertThat(n).isEqualTo(2);
        assertThat(t.name(idx[0])).isEqualTo("O_RDONLY");
        assertThat(t.name(idx[1])).isEqualTo("O_CLOEXEC");
    }

    @Test
    void errnoNames() {
        assertThat(ValueTables.errnoName(2)).isEqualTo("ENOENT");
        assertThat(ValueTables.errnoName(11)).isEqualTo("EAGAIN");
        assertThat(ValueTables.errnoName(110)).isEqualTo("ETIMEDOUT");
        assertThat(ValueTables.errnoName(111)).isEqualTo("ECONNREFUSED");
        assertThat(ValueTables.errnoName(115)).isEqualTo("EINPROGRESS");
        assertThat(ValueTables.errnoName(514)).isEqualTo("ERESTARTNOHAND");
        assertThat(ValueTables.errnoName(0)).isNull();
        assertThat(ValueTables.errnoName(600)).isNull();

        ByteBuf b = new ByteBuf();
        assertThat(ValueTables.appendErrno(-1, b)).isTrue();
        assertThat(b.toString()).isEqualTo("EPERM");
        b.clear();
        assertThat(ValueTables.appendErrno(0, b)).isFalse();
        assertThat(ValueTables.appendErrno(2, b)).isFalse();
        assertThat(ValueTables.appendErrno(-600, b)).isFalse();
        // sysdig looks at the low 32 bits of a negative 64-bit value
        assertThat(ValueTables.appendErrno(-4294967294L, b)).isFalse(); // low 32 bits: +2
        assertThat(b.length()).isZero();
        assertThat(ValueTables.appendErrno(0xFFFF_FFFF_0000_0000L - 2, b)).isTrue();
        assertThat(b.toString()).isEqualTo("ENOENT");
    }

    @Test
    void signalNames() {
        assertThat(ValueTables.signalName(9)).isEqualTo("SIGKILL");
        assertThat(ValueTables.signalName(29)).isEqualTo("SIGIO");
        assertThat(ValueTables.signalName(14)).isEqualTo("SIGALRM");
        assertThat(ValueTables.signalName(17)).isEqualTo("SIGCHLD");
        assertThat(ValueTables.signalName(0)).isNull(); // sysdig prints "sig=0"
        assertThat(ValueTables.signalName(32)).isNull();
        ByteBuf b = new ByteBuf();
        assertThat(ValueTables.appendSignal(31, b)).isTrue();
        assertThat(b.toString()).isEqualTo("SIGSYS");
    }

    @Test
    void syscallNames() {
        // PPM_SC codes found in the generic events of the shared traces, and the evt.type sysdig printed for them.
        assertThat(ValueTables.syscallName(0)).isEqualTo("<unknown>");
        assertThat(ValueTables.syscallName(16)).isEqualTo("getpid");
        assertThat(ValueTables.syscallName(75)).isEqualTo("mprotect");
        assertThat(ValueTables.syscallName(107)).isEqualTo("rt_sigaction");
        assertThat(ValueTables.syscallName(108)).isEqualTo("rt_sigprocmask");
        assertThat(ValueTables.syscallName(139)).isEqualTo("madvise");
        assertThat(ValueTables.syscallName(176)).isEqualTo("clock_gettime");
        assertThat(ValueTables.syscallName(209)).isEqualTo("pselect6");
        assertThat(ValueTables.syscallName(218)).isEqualTo("epoll_pwait");
        assertThat(ValueTables.syscallName(296)).isEqualTo("arch_prctl");
        assertThat(ValueTables.syscallName(298)).isEqualTo("sigreturn");
        assertThat(ValueTables.syscallCount()).isEqualTo(329);
        assertThat(ValueTables.syscallName(329)).isNull();
        for (int i = 0; i < ValueTables.syscallCount(); i++) {
            assertThat(ValueTables.syscallName(i)).as("ppm_sc %d", i).isNotEmpty();
        }
    }

    @Test
    void dynamicParams() {
        assertThat(ValueTables.dynParam("sockopt_dynamic_param", 1))
                .isEqualTo(new ValueTables.DynParam(1, "PT_ERRNO", "PF_DEC"));
        assertThat(ValueTables.dynParam("sockopt_dynamic_param", 4).type()).isEqualTo("PT_RELTIME");
        assertThat(ValueTables.dynParam("ptrace_dynamic_param", 1).type()).isEqualTo("PT_SIGTYPE");
        assertThat(ValueTables.dynParam("bpf_dynamic_param", 0).type()).isEqualTo("PT_FD");
        assertThat(ValueTables.dynParam("sockopt_dynamic_param", 5)).isNull();
        assertThat(ValueTables.dynParam("nope", 0)).isNull();
        assertThat(ValueTables.dynTableSize("sockopt_dynamic_param")).isEqualTo(5);
    }

    @Test
    void appendingDoesNotAllocate() {
        FlagTable t = ValueTables.table("clone_flags");
        ByteBuf b = new ByteBuf(4096);
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        for (int i = 0; i < 20_000; i++) { // warm up
            b.clear();
            t.appendResolved(47619, b);
            ValueTables.appendErrno(-2, b);
            ValueTables.appendSignal(9, b);
            ValueTables.appendSyscall(75, b);
        }
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            b.clear();
            t.appendResolved(47619, b);
            ValueTables.appendErrno(-2, b);
            ValueTables.appendSignal(9, b);
            ValueTables.appendSyscall(75, b);
        }
        long after = bean.getThreadAllocatedBytes(tid);
        assertThat(after - before).isLessThan(10_000);
    }

    // ---- checks against the shared reference material ----

    private static Path shared() {
        String p = System.getProperty("jdig.shared");
        Path dir = p == null ? Path.of("..", "shared") : Path.of(p);
        io.jdig.Prerequisites.require(Files.isDirectory(dir.resolve("reference")), "shared material not found");
        return dir;
    }

    private static final Pattern TABLE_REF = Pattern.compile("(\\w+) (PT_\\w+) (PF_\\w+) \\[(\\w+)\\]");

    @ParameterizedTest
    @CsvSource({"event_table_sysdig029_libs-e5c53d6.txt", "event_table_libs_head.txt"})
    void everyReferencedTableExists(String file) throws IOException {
        String text = Files.readString(shared().resolve("reference").resolve(file));
        Set<String> missing = new TreeSet<>();
        int refs = 0;
        Matcher m = TABLE_REF.matcher(text);
        while (m.find()) {
            refs++;
            String type = m.group(2);
            String name = m.group(4);
            boolean ok = type.equals("PT_DYN") ? ValueTables.hasDynTable(name) : ValueTables.table(name) != null;
            if (!ok) {
                missing.add(type + " " + name);
            }
            if (type.startsWith("PT_ENUMFLAGS")) {
                assertThat(ValueTables.table(name).isEnum()).as(name).isTrue();
            }
        }
        assertThat(refs).isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void sysdig029TablesAreNotHeadOnly() throws IOException {
        String text = Files.readString(shared().resolve("reference/event_table_sysdig029_libs-e5c53d6.txt"));
        Matcher m = TABLE_REF.matcher(text);
        while (m.find()) {
            if (!m.group(2).equals("PT_DYN")) {
                assertThat(ValueTables.table(m.group(4)).headOnly()).as(m.group(4)).isFalse();
            }
        }
    }

    /**
     * Walks every line sysdig 0.29.3 printed for the shared traces and checks each table-rendered parameter
     * (flags, modes, errno results, negative fds, signals) against our rendering.
     */
    @Test
    void matchesEveryRenderingInTheRecordings() throws IOException {
        Path dir = shared();
        // event name -> param name -> "TYPE FMT table" (null when versions disagree)
        Map<String, Map<String, String>> params = new HashMap<>();
        Pattern evLine = Pattern.compile("^\\s*\\d+ \\S+\\s+(\\S+)\\s+n=\\d+\\s+.*?::(.*)$");
        for (String line : Files.readAllLines(dir.resolve("reference/event_table_sysdig029_libs-e5c53d6.txt"))) {
            Matcher m = evLine.matcher(line);
            if (!m.find()) {
                continue;
            }
            Map<String, String> ps = params.computeIfAbsent(m.group(1), k -> new HashMap<>());
            for (String p : m.group(2).split(";")) {
                String[] f = p.trim().split(" ");
                if (f.length < 3) {
                    continue;
                }
                String desc = f[1] + " " + f[2] + (f.length > 3 ? " " + f[3].replaceAll("[\\[\\]]", "") : "");
                ps.merge(f[0], desc, (a, b) -> a.equals(b) ? a : "CONFLICT");
            }
        }
        Pattern arg = Pattern.compile(" (\\w+)=(-?\\d+)(?:\\(([^)]*)\\))?(?= |$)");
        Set<String> seen = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> dirs = Files.list(dir.resolve("conformance"))) {
            for (Path d : dirs.sorted().toList()) {
                Path f = d.resolve("default.txt");
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                for (String line : Files.readAllLines(f)) {
                    int dirPos = line.indexOf(") < ");
                    if (dirPos < 0) {
                        dirPos = line.indexOf(") > ");
                    }
                    if (dirPos < 0) {
                        continue;
                    }
                    String rest = line.substring(dirPos + 4);
                    int sp = rest.indexOf(' ');
                    if (sp < 0) {
                        continue;
                    }
                    Map<String, String> ps = params.get(rest.substring(0, sp));
                    if (ps == null) {
                        continue;
                    }
                    Matcher m = arg.matcher(rest.substring(sp));
                    while (m.find()) {
                        String desc = ps.get(m.group(1));
                        if (desc == null || desc.equals("CONFLICT")) {
                            continue;
                        }
                        String[] t = desc.split(" ");
                        long value = Long.parseLong(m.group(2));
                        String want = m.group(3) == null ? "" : m.group(3);
                        String got;
                        ByteBuf b = new ByteBuf();
                        switch (t[0]) {
                            case "PT_FLAGS8", "PT_FLAGS16", "PT_FLAGS32" -> {
                                ValueTables.table(t[2]).appendResolved(value, b);
                                got = b.toString();
                            }
                            case "PT_ERRNO" -> {
                                ValueTables.appendErrno(value, b);
                                got = b.toString();
                            }
                            case "PT_FD" -> {
                                if (value >= 0) {
                                    continue; // resolved by the fd table, not here
                                }
                                ValueTables.appendErrno(value, b);
                                got = b.toString();
                            }
                            case "PT_SIGTYPE" -> {
                                ValueTables.appendSignal((int) value, b);
                                got = b.toString();
                            }
                            default -> {
                                continue;
                            }
                        }
                        checked++;
                        seen.add(m.group(0).trim());
                        if (!got.equals(want)) {
                            failures.add(d.getFileName() + ": " + m.group(0).trim() + " rendered as (" + got + ")");
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(1000);
        assertThat(seen).contains("flags=4097(O_RDONLY|O_CLOEXEC)", "res=-2(ENOENT)", "sig=29(SIGIO)",
                "domain=1(AF_LOCAL)", "sig=0", "fd=-1(EPERM)");
    }
}
