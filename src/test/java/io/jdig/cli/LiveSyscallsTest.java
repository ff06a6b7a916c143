package io.jdig.cli;

import static io.jdig.cli.LiveRuns.onPath;
import static io.jdig.cli.LiveRuns.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.capture.BpfLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The syscalls that have specific sysdig 0.29 events beyond the commonest ones: a small C program
 * (syscalls_workload.c, compiled here with cc or clang) calls them with known arguments while {@code jdig -w FILE}
 * captures. {@code jdig -r FILE} must show their specific events with the expected parameters (fd names such as
 * {@code <e>}, {@code <s>}, {@code <t>}, {@code <i>}, paths, flags, ids) and the state they change (the child's uid),
 * and the real {@code sysdig -r FILE} must print the same lines. Needs root, BPF and a C compiler; with CI=true a
 * missing prerequisite fails instead of skipping.
 */
class LiveSyscallsTest {
    static Path dir;
    static Path scap;
    static long pid;
    static long child;
    static String jdigStderr;
    static String filter;
    static Path work;

    static String compiler() {
        for (String cc : List.of("cc", "clang", "gcc")) {
            if (onPath(cc)) {
                return cc;
            }
        }
        return null;
    }

    @BeforeAll
    static void capture(@TempDir Path tmp) throws Exception {
        String problem = BpfLoader.environmentProblem();
        require(problem == null, "live capture unavailable: " + problem);
        String cc = compiler();
        require(cc != null, "no C compiler (cc, clang, gcc) on the PATH");
        Path src = tmp.resolve("syscalls_workload.c");
        try (InputStream in = LiveSyscallsTest.class.getResourceAsStream("syscalls_workload.c")) {
            Files.copy(in, src);
        }
        Path exe = tmp.resolve("sw");
        Process c = new ProcessBuilder(cc, "-O1", "-o", exe.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(c.waitFor()).as("compiling the workload: %s", out).isZero();
        for (int attempt = 1; attempt <= 3; attempt++) {
            captureOnce(Files.createDirectories(tmp.resolve("attempt" + attempt)), exe);
            if (!jdigStderr.contains("dropped")) {
                break;
            }
        }
        filter = "proc.pid=" + pid + " or proc.pid=" + child;
    }

    private static void captureOnce(Path tmp, Path exe) throws Exception {
        scap = tmp.resolve("live.scap");
        dir = Files.createDirectories(tmp.resolve("work"));
        work = tmp;
        LiveRuns.Recorded r = LiveRuns.record(tmp, scap, new ProcessBuilder(exe.toString(), dir.toString()));
        pid = Long.parseLong(r.line()[0]);
        child = Long.parseLong(r.line()[1]);
        jdigStderr = r.stderr();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (scap != null) {
            Files.deleteIfExists(scap);
        }
    }

    static List<String> run(List<String> cmd) throws IOException, InterruptedException {
        return LiveRuns.run(work, cmd);
    }

    static List<String> jdig(String... args) throws IOException, InterruptedException {
        return LiveRuns.jdig(work, args);
    }

    /** The line that matches regex, searched after the event matched by the previous call (events come in order). */
    static final class Lines {
        final List<String> lines;
        int at;

        Lines(List<String> lines) {
            this.lines = lines;
        }

        Matcher next(String regex) {
            Pattern p = Pattern.compile(regex);
            for (int i = at; i < lines.size(); i++) {
                Matcher m = p.matcher(lines.get(i));
                if (m.find()) {
                    at = i + 1;
                    return m;
                }
            }
            throw new AssertionError("no line matches " + regex + " after line " + at + " of " + lines.size()
                    + ":\n" + String.join("\n", lines.subList(Math.max(0, at - 5), Math.min(lines.size(), at + 40))));
        }
    }

    @Test
    void noDrops() {
        assertThat(jdigStderr).doesNotContain("dropped").doesNotContain("Exception");
    }

    @Test
    void specialFileDescriptorsAndProcessState() throws Exception {
        Lines l = new Lines(jdig("-r", scap.toString(), "proc.pid=" + pid));
        String d = Pattern.quote(dir.toString());
        l.next("> eventfd initval=7 flags=0 $");
        String efd = l.next("< eventfd res=(\\d+)\\(<e>\\) $").group(1);
        l.next("> signalfd fd=-1\\(EPERM\\) mask=0 flags=0 $");
        String sfd = l.next("< signalfd res=(\\d+)\\(<s>\\) $").group(1);
        l.next("> timerfd_create clockid=0 flags=0 $");
        String tfd = l.next("< timerfd_create res=(\\d+)\\(<t>\\) $").group(1);
        l.next("> inotify_init flags=0 $");
        String ifd = l.next("< inotify_init res=(\\d+)\\(<i>\\) $").group(1);
        l.next("> inotify_init flags=0 $");
        l.next("< inotify_init res=\\d+\\(<i>\\) $");
        l.next("> userfaultfd $");
        // the raw O_CLOEXEC|O_NONBLOCK, which sysdig 0.29 shows through its PPM_O_* names
        l.next("< userfaultfd res=\\d+ flags=526336\\(O_LARGEFILE\\) $");
        l.next("> write fd=" + efd + "\\(<e>\\) size=8 $");
        l.next("> close fd=" + sfd + "\\(<s>\\) $");
        l.next("> close fd=" + tfd + "\\(<t>\\) $");
        l.next("> close fd=" + ifd + "\\(<i>\\) $");
        l.next("> getcwd $");
        l.next("< getcwd res=\\d+ path=" + d + " $");
        l.next("> chroot $");
        l.next("< chroot res=0 path=/ $");
        l.next("> setpgid pid=0 pgid=0 $");
        l.next("< setpgid res=0 $");
        l.next("> unshare flags=2\\(CLONE_FS\\) $");
        l.next("< unshare res=0 $");
        l.next("> setns fd=\\d+\\(<f>/proc/self/ns/uts\\) nstype=128\\(CLONE_NEWUTS\\) $");
        l.next("< setns res=0 $");

        Lines c = new Lines(jdig("-r", scap.toString(), "thread.tid=" + child));
        c.next("> setsid $");
        c.next("< setsid res=" + child + "\\(sw\\) $");
        c.next("> setgid gid=0\\(root\\) $");
        c.next("< setgid res=0 $");
        c.next("> setresgid rgid=65534\\(\\w+\\) egid=65534\\(\\w+\\) sgid=65534\\(\\w+\\) $");
        c.next("< setresgid res=0 $");
        c.next("> setresuid ruid=65534\\(\\w+\\) euid=65534\\(\\w+\\) suid=65534\\(\\w+\\) $");
        c.next("< setresuid res=0 $");
        c.next("> setuid uid=65534\\(\\w+\\) $");
        c.next("< setuid res=0 $");
        // the thread's user follows setresuid
        List<String> uid = jdig("-r", scap.toString(), "-p", "%user.uid", "thread.tid=" + child + " and evt.type=getuid");
        assertThat(uid).isNotEmpty().allMatch(u -> u.equals("65534"));
    }

    @Test
    void fileEvents() throws Exception {
        Lines l = new Lines(jdig("-r", scap.toString(), "proc.pid=" + pid));
        String d = Pattern.quote(dir.toString());
        String file = "\\(<f>" + d + "/file.txt\\)";
        String fd = l.next("< openat fd=(\\d+)\\(<f>" + d + "/file.txt\\) ").group(1);
        l.next("> access mode=6\\(R_OK\\|W_OK\\) $");
        l.next("< access res=0 name=" + d + "/file.txt $");
        l.next("> access mode=0\\(F_OK\\) $");
        l.next("< access res=-2\\(ENOENT\\) name=" + d + "/nothere $");
        l.next("> chmod $");
        l.next("< chmod res=0 filename=" + d + "/file.txt mode=0640\\(S_IRGRP\\|S_IWUSR\\|S_IRUSR\\) $");
        l.next("> fchmod $");
        l.next("< fchmod res=0 fd=" + fd + file + " mode=0604\\(S_IROTH\\|S_IWUSR\\|S_IRUSR\\) $");
        l.next("> fchmodat $");
        l.next("< fchmodat res=0 dirfd=-100\\(AT_FDCWD\\) filename=file.txt\\(" + d + "/file.txt\\) mode=0644\\(");
        l.next("> link $");
        l.next("< link res=0 oldpath=" + d + "/file.txt newpath=" + d + "/hard.txt $");
        String dfd = l.next("< openat fd=(\\d+)\\(<d>" + d + "\\) ").group(1);
        String dname = dfd + "\\(<d>" + d + "\\)";
        l.next("> linkat $");
        l.next("< linkat res=0 olddir=-100\\(AT_FDCWD\\) oldpath=file.txt\\(" + d + "/file.txt\\) newdir=" + dname
                + " newpath=hard2.txt\\(" + d + "/hard2.txt\\) flags=1024\\(AT_SYMLINK_FOLLOW\\) $");
        l.next("> symlink $");
        l.next("< symlink res=0 target=file.txt linkpath=" + d + "/soft.txt $");
        l.next("> symlinkat $");
        l.next("< symlinkat res=0 target=file.txt linkdirfd=" + dname + " linkpath=soft2.txt\\(" + d
                + "/soft2.txt\\) $");
        l.next("> flock fd=" + fd + file + " operation=6\\(LOCK_EX\\|LOCK_NB\\) $");
        l.next("< flock res=0 $");
        l.next("> flock fd=" + fd + file + " operation=8\\(LOCK_UN\\) $");
        l.next("> getdents64 fd=" + dname + " $");
        l.next("< getdents64 res=\\d+ $");
        l.next("> getdents fd=" + dname + " $");
        l.next("< getdents res=\\d+ $");
        l.next("> mount flags=6\\(NOSUID\\|NODEV\\) $");
        l.next("< mount res=-?\\d+.* dev=jdigfs dir=" + d + "/mnt type=tmpfs $");
        l.next("> umount flags=2\\(DETACH\\) $");
        l.next("< umount res=-?\\d+.* name=" + d + "/mnt $");
        String out = l.next("< openat fd=(\\d+)\\(<f>" + d + "/copy.txt\\) ").group(1);
        String copy = out + "\\(<f>" + d + "/copy.txt\\)";
        l.next("> sendfile out_fd=" + copy + " in_fd=" + fd + file + " offset=2 size=5 $");
        l.next("< sendfile res=5 offset=7 $");
        l.next("> splice fd_in=" + fd + file + " fd_out=\\d+\\(<p>\\) size=4 flags=1\\(SPLICE_F_MOVE\\) $");
        l.next("< splice res=4 $");
        l.next("> copy_file_range fdin=" + fd + file + " offin=0 len=6 $");
        l.next("< copy_file_range res=6 fdout=" + copy + " offout=0 $");
        l.next("> mprotect addr=[0-9A-F]+ length=4096 prot=1\\(PROT_READ\\) $");
        l.next("< mprotect res=0 $");
    }

    @Test
    void limitsIdsSocketsIpcAndTracing() throws Exception {
        Lines l = new Lines(jdig("-r", scap.toString(), "proc.pid=" + pid));
        l.next("> getuid $");
        l.next("< getuid uid=0\\(root\\) $");
        l.next("< geteuid euid=0\\(root\\) $");
        l.next("< getgid gid=0\\(root\\) $");
        l.next("< getegid egid=0\\(root\\) $");
        l.next("< getresuid res=0 ruid=0\\(root\\) euid=0\\(root\\) suid=0\\(root\\) $");
        l.next("< getresgid res=0 rgid=0\\(root\\) egid=0\\(root\\) sgid=0\\(root\\) $");
        l.next("> getrlimit resource=7\\(RLIMIT_NOFILE\\) $");
        Matcher lim = l.next("< getrlimit res=0 cur=(\\d+) max=(\\d+) $");
        l.next("> setrlimit resource=7\\(RLIMIT_NOFILE\\) $");
        l.next("< setrlimit res=0 cur=" + lim.group(1) + " max=" + lim.group(2) + " $");
        l.next("> prlimit pid=0 resource=4\\(RLIMIT_CORE\\) $");
        l.next("< prlimit res=0 newcur=-1 newmax=-1 oldcur=-?\\d+ oldmax=-?\\d+ $");
        l.next("> getsockname $");
        l.next("< getsockname $");
        l.next("> getpeername $");
        l.next("> sendmmsg $");
        l.next("> recvmmsg $");
        l.next("> ppoll fds=\\d+:u4 \\d+:u1 timeout=1000000500\\(1s\\) sigmask=SIGUSR2 $");
        l.next("< ppoll res=1 fds=\\d+:u4 $");
        String so = "res=0 fd=\\d+\\(<4>\\) ";
        l.next("> setsockopt $");
        l.next("< setsockopt " + so + "level=1\\(SOL_SOCKET\\) optname=2\\(SO_REUSEADDR\\) val=1 optlen=4 $");
        l.next("< setsockopt " + so + "level=2\\(SOL_TCP\\) optname=0\\(UNKNOWN\\) val=.... optlen=4 $");
        l.next("< setsockopt " + so + "level=1\\(SOL_SOCKET\\) optname=20\\(SO_RCVTIMEO\\) val=2000005000\\(2s\\) "
                + "optlen=16 $");
        l.next("< setsockopt " + so + "level=1\\(SOL_SOCKET\\) optname=13\\(SO_LINGER\\) val=\\.{8} optlen=8 $");
        l.next("> getsockopt $");
        l.next("< getsockopt " + so + "level=1\\(SOL_SOCKET\\) optname=7\\(SO_SNDBUF\\) val=\\d+ optlen=4 $");
        l.next("< getsockopt " + so + "level=1\\(SOL_SOCKET\\) optname=4\\(SO_ERROR\\) val=0 optlen=4 $");
        l.next("< getsockopt " + so + "level=1\\(SOL_SOCKET\\) optname=3\\(SO_TYPE\\) val=1 optlen=4 $");
        l.next("> semget key=0 nsems=2 semflg=8192\\(IPC_CREAT\\) $");
        String semid = l.next("< semget res=(\\d+) $").group(1);
        l.next("> semop semid=" + semid + " $");
        l.next("< semop res=0 nsops=2 sem_num_0=0 sem_op_0=1 sem_flg_0=0 sem_num_1=1 sem_op_1=2 "
                + "sem_flg_1=1\\(IPC_NOWAIT\\) $");
        l.next("> semctl semid=" + semid + " semnum=1 cmd=4096\\(SETVAL\\) val=5 $");
        l.next("> semctl semid=" + semid + " semnum=0 cmd=4\\(IPC_RMID\\) val=0 $");
        l.next("> seccomp op=2 $");
        l.next("< seccomp res=0 $");
        l.next("> bpf cmd=0 $");
        l.next("< bpf res_or_fd=\\d+ $");
        l.next("> ptrace request=3\\(PTRACE_PEEKDATA\\) pid=1");
        l.next("< ptrace res=-3\\(ESRCH\\) addr=0 data=0 $");
        l.next("> kill pid=" + pid + "\\(sw\\) sig=15\\(SIGTERM\\) $");
        l.next("> signaldeliver spid=" + pid + "\\(sw\\) dpid=" + pid + "\\(sw\\) sig=15\\(SIGTERM\\) $");
        l.next("> signaldeliver spid=" + pid + "\\(sw\\) dpid=" + pid + "\\(sw\\) sig=35 $");
        l.next("> quotactl cmd=32\\(Q_GETQUOTA\\) type=2\\(GRPQUOTA\\) id=1234 quota_fmt=1\\(QFMT_NOT_USED\\) $");
        l.next("< quotactl res=-2\\(ENOENT\\) special=/dev/jdig-no-such-disk quotafilepath= dqb_bhardlimit=0 "
                + "dqb_bsoftlimit=0 dqb_curspace=0 dqb_ihardlimit=0 dqb_isoftlimit=0 dqb_btime=0\\(0s\\) "
                + "dqb_itime=0\\(0s\\) dqi_bgrace=0\\(0s\\) dqi_igrace=0\\(0s\\) dqi_flags=0 "
                + "quota_fmt_out=1\\(QFMT_NOT_USED\\) $");
        l.next("> quotactl cmd=1\\(Q_QUOTAON\\) type=1\\(USRQUOTA\\) id=0 quota_fmt=4\\(QFMT_VFS_V0\\) $");
        l.next("< quotactl res=-2\\(ENOENT\\) special=/dev/jdig-no-such-disk quotafilepath=/jdig-quota.user ");
        Lines c = new Lines(jdig("-r", scap.toString(), "thread.tid=" + child));
        c.next("< getuid uid=65534\\(\\w+\\) $");
    }

    @Test
    void sysdigPrintsTheSameLines() throws Exception {
        require(onPath("sysdig"), "sysdig (0.29.3, reader) is not installed");
        List<String> ours = jdig("-r", scap.toString(), filter);
        List<String> theirs = run(List.of("sysdig", "-r", scap.toString(), filter));
        assertThat(ours).hasSizeGreaterThan(100);
        for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
            assertThat(ours.get(i)).as("line %d", i).isEqualTo(theirs.get(i));
        }
        assertThat(ours).hasSameSizeAs(theirs);
        // and the user and session state both derive from the events
        String fmt = "%evt.num %thread.tid %evt.type %user.uid %user.name %proc.sid %proc.vpgid %proc.cwd";
        assertThat(jdig("-r", scap.toString(), "-p", fmt, filter))
                .containsExactlyElementsOf(run(List.of("sysdig", "-r", scap.toString(), "-p", fmt, filter)));
    }
}
