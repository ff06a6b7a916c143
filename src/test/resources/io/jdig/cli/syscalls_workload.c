/*
 * Workload of LiveSyscallsTest: calls syscalls that have specific sysdig 0.29 events with known arguments,
 * in a directory given as argv[1]. Prints its pid, then the pid of its child, on stdout. Errors are not fatal:
 * the test checks the events, whatever their result.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <linux/bpf.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/socket.h>
#include <sys/ptrace.h>
#include <sys/quota.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

static char path[4096], path2[4096];

static const char *at(const char *dir, const char *name, char *buf)
{
	snprintf(buf, 4096, "%s/%s", dir, name);
	return buf;
}

static void on_signal(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	const char *dir = argv[1];
	char buf[4096];

	/* descriptors of special files */
	int efd = eventfd(7, EFD_CLOEXEC);
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	int ifd = inotify_init1(IN_CLOEXEC);
	int ifd0 = syscall(SYS_inotify_init);
	int ufd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	uint64_t one = 1;
	if (write(efd, &one, sizeof(one)) < 0)
		perror("write eventfd");
	close(efd);
	close(sfd);
	close(tfd);
	close(ifd);
	close(ifd0);
	if (ufd >= 0)
		close(ufd);

	/* process state */
	if (chdir(dir) < 0)
		perror("chdir");
	if (!getcwd(buf, sizeof(buf)))
		perror("getcwd");
	if (chroot("/") < 0)
		perror("chroot");
	if (setpgid(0, 0) < 0)
		perror("setpgid");
	if (unshare(CLONE_FS) < 0)
		perror("unshare");
	int nsfd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
	if (setns(nsfd, CLONE_NEWUTS) < 0)
		perror("setns");
	close(nsfd);
	getuid();
	geteuid();
	getgid();
	getegid();
	uid_t r, e, s;
	getresuid(&r, &e, &s);
	gid_t rg, eg, sg;
	getresgid(&rg, &eg, &sg);

	/* files */
	int fd = open(at(dir, "file.txt", path), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
	if (write(fd, "0123456789abcdef", 16) < 0)
		perror("write");
	if (access(path, R_OK | W_OK) < 0)
		perror("access");
	access(at(dir, "nothere", path2), F_OK);
	chmod(path, 0640);
	fchmod(fd, 0604);
	fchmodat(AT_FDCWD, "file.txt", 0644, 0);
	link(path, at(dir, "hard.txt", path2));
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	linkat(AT_FDCWD, "file.txt", dfd, "hard2.txt", AT_SYMLINK_FOLLOW);
	symlink("file.txt", at(dir, "soft.txt", path2));
	symlinkat("file.txt", dfd, "soft2.txt");
	flock(fd, LOCK_EX | LOCK_NB);
	flock(fd, LOCK_UN);
	syscall(SYS_getdents64, dfd, buf, sizeof(buf));
	lseek(dfd, 0, SEEK_SET);
	syscall(SYS_getdents, dfd, buf, sizeof(buf));
	close(dfd);
	mkdir(at(dir, "mnt", path2), 0755);
	if (mount("jdigfs", path2, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m") < 0)
		perror("mount");
	if (umount2(path2, MNT_DETACH) < 0)
		perror("umount2");
	int out = open(at(dir, "copy.txt", path2), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
	off_t off = 2;
	sendfile(out, fd, &off, 5);
	int p[2];
	if (pipe(p) == 0) {
		loff_t poff = 3;
		splice(fd, &poff, p[1], NULL, 4, SPLICE_F_MOVE);
		close(p[0]);
		close(p[1]);
	}
	lseek(fd, 0, SEEK_SET);
	copy_file_range(fd, NULL, out, NULL, 6, 0);
	close(out);
	close(fd);
	void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(page, 4096, PROT_READ);
	munmap(page, 4096);

	/* limits */
	struct rlimit rl;
	syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl);
	syscall(SYS_setrlimit, RLIMIT_NOFILE, &rl);
	struct rlimit old;
	prlimit(0, RLIMIT_CORE, NULL, &old);

	/* sockets */
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv) == 0) {
		struct sockaddr_storage ss;
		socklen_t sl = sizeof(ss);
		getsockname(sv[0], (struct sockaddr *)&ss, &sl);
		sl = sizeof(ss);
		getpeername(sv[0], (struct sockaddr *)&ss, &sl);
		char m[4] = "ping";
		struct iovec iov = {m, sizeof(m)};
		struct mmsghdr mh;
		memset(&mh, 0, sizeof(mh));
		mh.msg_hdr.msg_iov = &iov;
		mh.msg_hdr.msg_iovlen = 1;
		sendmmsg(sv[0], &mh, 1, 0);
		recvmmsg(sv[1], &mh, 1, 0, NULL);
		struct pollfd pfd[2] = {{sv[0], POLLOUT, 0}, {sv[1], POLLIN, 0}};
		struct timespec ts = {1, 500};
		sigset_t none;
		sigemptyset(&none);
		sigaddset(&none, SIGUSR2);
		ppoll(pfd, 2, &ts, &none);
		close(sv[0]);
		close(sv[1]);
	}

	/* socket options */
	int ts = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int v = 1;
	setsockopt(ts, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v));
	setsockopt(ts, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v));
	struct timeval tv = {2, 5};
	setsockopt(ts, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	struct linger lg = {1, 3};
	setsockopt(ts, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	int got = 0;
	socklen_t gl = sizeof(got);
	getsockopt(ts, SOL_SOCKET, SO_SNDBUF, &got, &gl);
	gl = sizeof(got);
	getsockopt(ts, SOL_SOCKET, SO_ERROR, &got, &gl);
	gl = sizeof(got);
	getsockopt(ts, SOL_SOCKET, SO_TYPE, &got, &gl);
	close(ts);

	/* System V semaphores */
	int semid = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
	struct sembuf ops[2] = {{0, 1, 0}, {1, 2, IPC_NOWAIT}};
	syscall(SYS_semop, semid, ops, 2);
	semctl(semid, 1, SETVAL, 5);
	semctl(semid, 0, IPC_RMID);

	/* seccomp, bpf, ptrace */
	unsigned int action = SECCOMP_RET_LOG;
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
	union bpf_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 8;
	attr.max_entries = 1;
	int mfd = syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr));
	if (mfd >= 0)
		close(mfd);
	ptrace(PTRACE_PEEKDATA, 1, NULL, NULL);

	/* signals delivered to a handler: SIGTERM sent by this process, and a queued real-time signal */
	signal(SIGTERM, on_signal);
	kill(getpid(), SIGTERM);
	signal(SIGRTMIN + 1, on_signal);
	union sigval value = {.sival_int = 7};
	sigqueue(getpid(), SIGRTMIN + 1, value);

	/* disk quotas, on a device that does not exist: the calls fail, their arguments are still recorded */
	struct dqblk dq;
	memset(&dq, 0, sizeof(dq));
	quotactl(QCMD(Q_GETQUOTA, GRPQUOTA), "/dev/jdig-no-such-disk", 1234, (caddr_t)&dq);
	quotactl(QCMD(Q_QUOTAON, USRQUOTA), "/dev/jdig-no-such-disk", 2 /* QFMT_VFS_V0 */, (caddr_t)"/jdig-quota.user");

	/* credentials and sessions, in a child */
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		setsid();
		setgid(0);
		setresgid(65534, 65534, 65534);
		setresuid(65534, 65534, 65534);
		setuid(65534);
		getuid();
		_exit(0);
	}
	waitpid(child, NULL, 0);
	printf("%d %d\n", getpid(), child);
	return 0;
}
