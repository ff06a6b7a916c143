/*
 * sysdig 0.29 event numbers and the translation of Linux flag values into sysdig's PPM_* encodings.
 * Numbers are those of reference/event_table_sysdig029_libs-e5c53d6.txt; the Java test checks the
 * emitted layouts against that table.
 */
#ifndef JDIG_PPM_H
#define JDIG_PPM_H

/* ---- event numbers ---- */
#define PPME_GENERIC_E 0
#define PPME_GENERIC_X 1
#define PPME_SYSCALL_OPEN_E 2
#define PPME_SYSCALL_OPEN_X 3
#define PPME_SOCKET_BIND_X 21
#define PPME_SOCKET_CONNECT_E 22
#define PPME_SOCKET_CONNECT_X 23
#define PPME_SOCKET_LISTEN_E 24
#define PPME_SOCKET_SENDTO_E 30
#define PPME_SOCKET_RECVFROM_X 35
#define PPME_SOCKET_SHUTDOWN_E 36
#define PPME_SOCKET_SOCKETPAIR_X 43
#define PPME_SOCKET_SENDMSG_E 48
#define PPME_SOCKET_SENDMSG_X 49
#define PPME_SOCKET_RECVMSG_X 53
#define PPME_SYSCALL_CREAT_E 58
#define PPME_SYSCALL_CREAT_X 59
#define PPME_SYSCALL_PIPE_X 61
#define PPME_SYSCALL_FUTEX_E 64
#define PPME_SYSCALL_EPOLLWAIT_E 78
#define PPME_SYSCALL_POLL_E 80
#define PPME_SYSCALL_POLL_X 81
#define PPME_SYSCALL_LSEEK_E 86
#define PPME_SYSCALL_PREAD_E 112
#define PPME_SYSCALL_PWRITE_E 114
#define PPME_SYSCALL_PREADV_E 120
#define PPME_SYSCALL_PWRITEV_E 122
#define PPME_SYSCALL_TGKILL_E 132
#define PPME_SYSCALL_NANOSLEEP_E 134
#define PPME_SYSCALL_FCNTL_E 150
#define PPME_SCHEDSWITCH_6_E 152
#define PPME_SYSCALL_BRK_4_E 158
#define PPME_SYSCALL_MMAP_E 160
#define PPME_SYSCALL_MUNMAP_E 164
#define PPME_SYSCALL_IOCTL_3_E 170
#define PPME_SYSCALL_RENAME_X 175
#define PPME_SYSCALL_RENAMEAT_X 177
#define PPME_PROCEXIT_1_E 186
#define PPME_SIGNALDELIVER_E 232
#define PPME_SOCKET_ACCEPT4_5_E 248
#define PPME_SYSCALL_MKDIR_2_E 276
#define PPME_SYSCALL_EXECVE_19_E 292
#define PPME_SYSCALL_EXECVE_19_X 293
#define PPME_SYSCALL_UNLINKAT_2_X 303
#define PPME_SYSCALL_MKDIRAT_X 305
#define PPME_SYSCALL_OPENAT_2_E 306
#define PPME_SYSCALL_OPENAT_2_X 307
#define PPME_SYSCALL_RENAMEAT2_X 319
#define PPME_SYSCALL_OPENAT2_E 326
#define PPME_SYSCALL_OPENAT2_X 327
#define PPME_SYSCALL_EXECVEAT_E 330
#define PPME_SYSCALL_EXECVEAT_X 331
#define PPME_SYSCALL_EVENTFD_E 62
#define PPME_SOCKET_SETSOCKOPT_X 45
#define PPME_SOCKET_GETSOCKOPT_X 47
#define PPME_SYSCALL_GETRLIMIT_X 141
#define PPME_SYSCALL_SETRLIMIT_X 143
#define PPME_SYSCALL_PRLIMIT_E 144
#define PPME_SYSCALL_PRLIMIT_X 145
#define PPME_SYSCALL_PTRACE_E 168
#define PPME_SYSCALL_PTRACE_X 169
#define PPME_SYSCALL_SEMOP_E 250
#define PPME_SYSCALL_SEMOP_X 251
#define PPME_SYSCALL_SEMCTL_E 252
#define PPME_SYSCALL_PPOLL_E 254
#define PPME_SYSCALL_SEMGET_E 262
#define PPME_SYSCALL_BPF_E 296
#define PPME_SYSCALL_BPF_X 297
#define PPME_SYSCALL_SECCOMP_E 298
#define PPME_SYSCALL_GETCWD_X 93
#define PPME_SYSCALL_SIGNALFD_E 126
#define PPME_SYSCALL_TIMERFD_CREATE_E 136
#define PPME_SYSCALL_INOTIFY_INIT_E 138
#define PPME_SYSCALL_SPLICE_E 166
#define PPME_SYSCALL_SYMLINKAT_X 181
#define PPME_SYSCALL_SENDFILE_E 188
#define PPME_SYSCALL_SENDFILE_X 189
#define PPME_SYSCALL_SETNS_E 240
#define PPME_SYSCALL_FLOCK_E 242
#define PPME_SYSCALL_MOUNT_E 256
#define PPME_SYSCALL_MOUNT_X 257
#define PPME_SYSCALL_UMOUNT_E 258
#define PPME_SYSCALL_ACCESS_E 264
#define PPME_SYSCALL_UNSHARE_E 284
#define PPME_SYSCALL_SETPGID_E 294
#define PPME_SYSCALL_LINKAT_2_X 311
#define PPME_SYSCALL_FCHMODAT_X 313
#define PPME_SYSCALL_CHMOD_X 315
#define PPME_SYSCALL_FCHMOD_X 317
#define PPME_SYSCALL_USERFAULTFD_X 321
#define PPME_SYSCALL_MPROTECT_E 328
#define PPME_SYSCALL_COPY_FILE_RANGE_E 332
#define PPME_SYSCALL_COPY_FILE_RANGE_X 333

/* ---- Linux values (macros, so not in vmlinux.h) ---- */
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_NOCTTY 00000400
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000
#define O_DSYNC 00010000
#define O_DIRECT 00040000
#define O_LARGEFILE 00100000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW 00400000
#define O_CLOEXEC 02000000
#define __O_SYNC 04000000
#define O_SYNC (__O_SYNC | O_DSYNC)
#define __O_TMPFILE 020000000
#define O_TMPFILE (__O_TMPFILE | O_DIRECTORY)

#define S_IFMT 00170000
#define S_IFSOCK 0140000

#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define UNIX_PATH_MAX 108

#define AT_REMOVEDIR 0x200
#define RLIMIT_NOFILE 7

#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000
#define CLONE_NEWCGROUP 0x02000000
#define CLONE_NEWUTS 0x04000000
#define CLONE_NEWIPC 0x08000000
#define CLONE_NEWUSER 0x10000000
#define CLONE_NEWPID 0x20000000
#define CLONE_NEWNET 0x40000000
#define CLONE_IO 0x80000000

/* ---- PPM encodings ---- */
#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10

#define PPM_O_RDONLY (1 << 0)
#define PPM_O_WRONLY (1 << 1)
#define PPM_O_RDWR (PPM_O_RDONLY | PPM_O_WRONLY)
#define PPM_O_CREAT (1 << 2)
#define PPM_O_APPEND (1 << 3)
#define PPM_O_DSYNC (1 << 4)
#define PPM_O_EXCL (1 << 5)
#define PPM_O_NONBLOCK (1 << 6)
#define PPM_O_SYNC (1 << 7)
#define PPM_O_TRUNC (1 << 8)
#define PPM_O_DIRECT (1 << 9)
#define PPM_O_DIRECTORY (1 << 10)
#define PPM_O_LARGEFILE (1 << 11)
#define PPM_O_CLOEXEC (1 << 12)
#define PPM_O_TMPFILE (1 << 13)

#define PPM_AT_REMOVEDIR 0x200
#define PPM_CL_CHILD_IN_PIDNS (1 << 29)

static __always_inline __u32 open_flags_to_scap(__u64 flags)
{
	__u32 r;
	switch (flags & (O_WRONLY | O_RDWR)) {
	case O_WRONLY:
		r = PPM_O_WRONLY;
		break;
	case O_RDWR:
		r = PPM_O_RDWR;
		break;
	default:
		r = PPM_O_RDONLY;
	}
	if (flags & O_CREAT)
		r |= PPM_O_CREAT;
	if ((flags & O_TMPFILE) == O_TMPFILE)
		r |= PPM_O_TMPFILE;
	if (flags & O_APPEND)
		r |= PPM_O_APPEND;
	if (flags & O_DSYNC)
		r |= PPM_O_DSYNC;
	if (flags & O_EXCL)
		r |= PPM_O_EXCL;
	if (flags & O_NONBLOCK)
		r |= PPM_O_NONBLOCK;
	if (flags & __O_SYNC)
		r |= PPM_O_SYNC;
	if (flags & O_TRUNC)
		r |= PPM_O_TRUNC;
	if (flags & O_DIRECT)
		r |= PPM_O_DIRECT;
	if (flags & O_DIRECTORY)
		r |= PPM_O_DIRECTORY;
	if (flags & O_LARGEFILE)
		r |= PPM_O_LARGEFILE;
	if (flags & O_CLOEXEC)
		r |= PPM_O_CLOEXEC;
	return r;
}

/* PPM_S_* bits coincide with the octal permission bits; the mode only counts when a file is created */
static __always_inline __u32 open_mode_to_scap(__u64 flags, __u64 mode)
{
	if (!(flags & (O_CREAT | __O_TMPFILE)))
		return 0;
	return (__u32)(mode & 07777);
}

static __always_inline __u32 openat2_resolve_to_scap(__u64 r)
{
	/* RESOLVE_NO_XDEV 1, NO_MAGICLINKS 2, NO_SYMLINKS 4, BENEATH 8, IN_ROOT 0x10, CACHED 0x20 */
	__u32 s = 0;
	if (r & 0x08)
		s |= 1 << 0; /* PPM_RESOLVE_BENEATH */
	if (r & 0x10)
		s |= 1 << 1; /* PPM_RESOLVE_IN_ROOT */
	if (r & 0x02)
		s |= 1 << 2; /* PPM_RESOLVE_NO_MAGICLINKS */
	if (r & 0x04)
		s |= 1 << 3; /* PPM_RESOLVE_NO_SYMLINKS */
	if (r & 0x01)
		s |= 1 << 4; /* PPM_RESOLVE_NO_XDEV */
	if (r & 0x20)
		s |= 1 << 5; /* PPM_RESOLVE_CACHED */
	return s;
}

static __always_inline __u32 clone_flags_to_scap(__u64 f)
{
	__u32 r = 0;
	if (f & CLONE_FILES) r |= 1 << 0;
	if (f & CLONE_FS) r |= 1 << 1;
	if (f & CLONE_IO) r |= 1 << 2;
	if (f & CLONE_NEWIPC) r |= 1 << 3;
	if (f & CLONE_NEWNET) r |= 1 << 4;
	if (f & CLONE_NEWNS) r |= 1 << 5;
	if (f & CLONE_NEWPID) r |= 1 << 6;
	if (f & CLONE_NEWUTS) r |= 1 << 7;
	if (f & CLONE_PARENT) r |= 1 << 8;
	if (f & CLONE_PARENT_SETTID) r |= 1 << 9;
	if (f & CLONE_PTRACE) r |= 1 << 10;
	if (f & CLONE_SIGHAND) r |= 1 << 11;
	if (f & CLONE_SYSVSEM) r |= 1 << 12;
	if (f & CLONE_THREAD) r |= 1 << 13;
	if (f & CLONE_UNTRACED) r |= 1 << 14;
	if (f & CLONE_VM) r |= 1 << 15;
	if (f & CLONE_NEWUSER) r |= 1 << 20;
	if (f & CLONE_CHILD_CLEARTID) r |= 1 << 23;
	if (f & CLONE_CHILD_SETTID) r |= 1 << 24;
	if (f & CLONE_SETTLS) r |= 1 << 25;
	if (f & CLONE_VFORK) r |= 1 << 27;
	if (f & CLONE_NEWCGROUP) r |= 1 << 28;
	return r;
}

static __always_inline __u32 prot_flags_to_scap(__u64 p)
{
	/* PROT_READ 1, WRITE 2, EXEC 4, SEM 8, GROWSDOWN 0x01000000, GROWSUP 0x02000000 */
	__u32 r = (__u32)(p & 0xf);
	if (p & 0x01000000)
		r |= 1 << 4;
	if (p & 0x02000000)
		r |= 1 << 5;
	return r;
}

static __always_inline __u32 mmap_flags_to_scap(__u64 f)
{
	__u32 r = 0;
	if (f & 0x01) r |= 1 << 0;      /* MAP_SHARED */
	if (f & 0x02) r |= 1 << 1;      /* MAP_PRIVATE */
	if (f & 0x10) r |= 1 << 2;      /* MAP_FIXED */
	if (f & 0x20) r |= 1 << 3;      /* MAP_ANONYMOUS */
	if (f & 0x40) r |= 1 << 4;      /* MAP_32BIT */
	if (f & 0x4000) r |= 1 << 6;    /* MAP_NORESERVE */
	if (f & 0x8000) r |= 1 << 7;    /* MAP_POPULATE */
	if (f & 0x10000) r |= 1 << 8;   /* MAP_NONBLOCK */
	if (f & 0x0100) r |= 1 << 9;    /* MAP_GROWSDOWN */
	if (f & 0x0800) r |= 1 << 10;   /* MAP_DENYWRITE */
	if (f & 0x1000) r |= 1 << 11;   /* MAP_EXECUTABLE */
	if (f & 0x2000) r |= 1 << 14;   /* MAP_LOCKED */
	return r;
}

static __always_inline __u8 fcntl_cmd_to_scap(__u64 cmd)
{
	switch (cmd) {
	case 0: return 1;     /* F_DUPFD */
	case 1: return 2;     /* F_GETFD */
	case 2: return 3;     /* F_SETFD */
	case 3: return 4;     /* F_GETFL */
	case 4: return 5;     /* F_SETFL */
	case 5: return 6;     /* F_GETLK */
	case 6: return 8;     /* F_SETLK */
	case 7: return 9;     /* F_SETLKW */
	case 8: return 10;    /* F_SETOWN */
	case 9: return 12;    /* F_GETOWN */
	case 10: return 13;   /* F_SETSIG */
	case 11: return 15;   /* F_GETSIG */
	case 15: return 21;   /* F_SETOWN_EX */
	case 16: return 22;   /* F_GETOWN_EX */
	case 36: return 30;   /* F_OFD_GETLK */
	case 37: return 31;   /* F_OFD_SETLK */
	case 38: return 32;   /* F_OFD_SETLKW */
	case 1024: return 23; /* F_SETLEASE */
	case 1025: return 24; /* F_GETLEASE */
	case 1029: return 25; /* F_CANCELLK */
	case 1030: return 26; /* F_DUPFD_CLOEXEC */
	case 1026: return 27; /* F_NOTIFY */
	case 1031: return 28; /* F_SETPIPE_SZ */
	case 1032: return 29; /* F_GETPIPE_SZ */
	default: return 0;
	}
}

static __always_inline __u16 futex_op_to_scap(__u64 op)
{
	__u16 r = (__u16)(op & 127);
	if (r > 12)
		r = 0;
	if (op & 128)
		r |= 128;  /* FUTEX_PRIVATE_FLAG */
	if (op & 256)
		r |= 256;  /* FUTEX_CLOCK_REALTIME */
	return r;
}

/*
 * Linux poll bits IN 1, PRI 2, OUT 4, ERR 8 .. WRBAND 0x200, RDHUP 0x2000 -> PPM IN, PRI, OUT, RDHUP 8,
 * ERR 16 .. WRBAND 1024. Branch-free: it runs inside the fd-list loop.
 */
static __always_inline __u16 poll_events_to_scap(short ev)
{
	__u32 e = (__u16)ev;
	return (__u16)((e & 0x7) | ((e & 0x3f8) << 1) | ((e >> 10) & 0x8));
}

/* access(2) mode: X_OK 1, W_OK 2, R_OK 4 are PPM_X_OK, PPM_W_OK, PPM_R_OK; F_OK (0) is PPM_F_OK (0) */
static __always_inline __u32 access_mode_to_scap(__u64 m)
{
	return (__u32)(m & 7);
}

/* chmod modes: the PPM_S_* bits are the octal permission, set-id and sticky bits */
static __always_inline __u32 chmod_mode_to_scap(__u64 m)
{
	return (__u32)(m & 07777);
}

/* flock: LOCK_SH 1, EX 2, NB 4, UN 8 coincide with PPM_LOCK_* */
static __always_inline __u32 flock_op_to_scap(__u64 op)
{
	return (__u32)(op & 0xf);
}

/* linkat: AT_SYMLINK_FOLLOW 0x400, AT_EMPTY_PATH 0x1000 coincide with PPM_AT_* */
static __always_inline __u32 linkat_flags_to_scap(__u64 f)
{
	return (__u32)(f & 0x1400);
}

/* mount: the historical magic in the top half of the flags is dropped, as the kernel does */
static __always_inline __u32 mount_flags_to_scap(__u64 f)
{
	if ((f & 0xffff0000) == 0xc0ed0000)
		f &= ~0xffff0000ULL;
	return (__u32)f;
}

/* Linux RLIMIT_* (x86) numbers coincide with PPM_RLIMIT_* up to RTTIME; anything else is PPM_RLIMIT_UNKNOWN */
static __always_inline __u8 rlimit_resource_to_scap(__u64 r)
{
	return r <= 15 ? (__u8)r : 255;
}

static __always_inline __u32 semget_flags_to_scap(__u64 f)
{
	__u32 r = 0;
	if (f & 01000) r |= 1 << 13; /* IPC_CREAT */
	if (f & 02000) r |= 1 << 14; /* IPC_EXCL */
	return r;
}

static __always_inline __u16 semop_flags_to_scap(__u16 f)
{
	__u16 r = 0;
	if (f & 04000) r |= 1 << 0;  /* IPC_NOWAIT */
	if (f & 0x1000) r |= 1 << 1; /* SEM_UNDO */
	return r;
}

#define SETVAL 16

static __always_inline __u16 semctl_cmd_to_scap(__u64 cmd)
{
	switch (cmd) {
	case 2: return 1 << 0;   /* IPC_STAT */
	case 1: return 1 << 1;   /* IPC_SET */
	case 0: return 1 << 2;   /* IPC_RMID */
	case 3: return 1 << 3;   /* IPC_INFO */
	case 19: return 1 << 4;  /* SEM_INFO */
	case 18: return 1 << 5;  /* SEM_STAT */
	case 13: return 1 << 6;  /* GETALL */
	case 14: return 1 << 7;  /* GETNCNT */
	case 11: return 1 << 8;  /* GETPID */
	case 12: return 1 << 9;  /* GETVAL */
	case 15: return 1 << 10; /* GETZCNT */
	case 17: return 1 << 11; /* SETALL */
	case SETVAL: return 1 << 12;
	default: return 0;
	}
}

#define PPM_PTRACE_PEEKTEXT 2
#define PPM_PTRACE_PEEKDATA 3
#define PPM_PTRACE_PEEKUSR 4
#define PPM_PTRACE_CONT 8
#define PPM_PTRACE_SINGLESTEP 10
#define PPM_PTRACE_DETACH 12
#define PPM_PTRACE_SYSCALL 13

static __always_inline __u16 ptrace_request_to_scap(__u64 req)
{
	switch (req) {
	case 0: return 1;        /* TRACEME */
	case 1: return 2;        /* PEEKTEXT */
	case 2: return 3;        /* PEEKDATA */
	case 3: return 4;        /* PEEKUSR */
	case 4: return 5;        /* POKETEXT */
	case 5: return 6;        /* POKEDATA */
	case 6: return 7;        /* POKEUSR */
	case 7: return 8;        /* CONT */
	case 8: return 9;        /* KILL */
	case 9: return 10;       /* SINGLESTEP */
	case 16: return 11;      /* ATTACH */
	case 17: return 12;      /* DETACH */
	case 24: return 13;      /* SYSCALL */
	case 0x4200: return 14;  /* SETOPTIONS */
	case 0x4201: return 15;  /* GETEVENTMSG */
	case 0x4202: return 16;  /* GETSIGINFO */
	case 0x4203: return 17;  /* SETSIGINFO */
	case 0x4204: return 18;  /* GETREGSET */
	case 0x4205: return 19;  /* SETREGSET */
	case 0x4206: return 20;  /* SEIZE */
	case 0x4207: return 21;  /* INTERRUPT */
	case 0x4208: return 22;  /* LISTEN */
	case 0x4209: return 23;  /* PEEKSIGINFO */
	case 0x420a: return 24;  /* GETSIGMASK */
	case 0x420b: return 25;  /* SETSIGMASK */
	case 12: return 26;      /* GETREGS */
	case 13: return 27;      /* SETREGS */
	case 14: return 28;      /* GETFPREGS */
	case 15: return 29;      /* SETFPREGS */
	case 18: return 30;      /* GETFPXREGS */
	case 19: return 31;      /* SETFPXREGS */
	case 21: return 32;      /* OLDSETOPTIONS */
	case 25: return 33;      /* GET_THREAD_AREA */
	case 26: return 34;      /* SET_THREAD_AREA */
	case 30: return 35;      /* ARCH_PRCTL */
	case 31: return 36;      /* SYSEMU */
	case 32: return 37;      /* SYSEMU_SINGLESTEP */
	case 33: return 38;      /* SINGLEBLOCK */
	default: return 0;
	}
}

#define SOL_SOCKET 1
#define SOL_TCP 6

static __always_inline __u8 sockopt_level_to_scap(__u64 level)
{
	if (level == SOL_SOCKET)
		return 1;
	if (level == SOL_TCP)
		return 2;
	return 0;
}

/* SOL_SOCKET options 1..50 keep their numbers; PEERGROUPS, MEMINFO and COOKIE are renumbered; others are 0 */
static __always_inline __u8 sockopt_optname_to_scap(__u64 level, __u64 name)
{
	if (level != SOL_SOCKET)
		return 0;
	if (name >= 1 && name <= 50)
		return (__u8)name;
	if (name == 59)
		return 51;
	if (name == 55)
		return 52;
	if (name == 57)
		return 53;
	return 0;
}

/* how sysdig 0.29 shows a SOL_SOCKET option's value: PPM_SOCKOPT_IDX_* */
#define SOCKOPT_IDX_UNKNOWN 0 /* bytes */
#define SOCKOPT_IDX_ERRNO 1
#define SOCKOPT_IDX_UINT32 2
#define SOCKOPT_IDX_UINT64 3
#define SOCKOPT_IDX_TIMEVAL 4

static __always_inline __u8 sockopt_value_kind(__u64 level, __u64 name)
{
	if (level != SOL_SOCKET)
		return SOCKOPT_IDX_UNKNOWN;
	switch (name) {
	case 4: /* SO_ERROR */
		return SOCKOPT_IDX_ERRNO;
	case 20: /* SO_RCVTIMEO */
	case 21: /* SO_SNDTIMEO */
		return SOCKOPT_IDX_TIMEVAL;
	case 57: /* SO_COOKIE */
		return SOCKOPT_IDX_UINT64;
	case 13: /* SO_LINGER */
	case 17: /* SO_PEERCRED */
	case 26: /* SO_ATTACH_FILTER */
	case 28: /* SO_PEERNAME */
	case 50: /* SO_ATTACH_BPF */
		return SOCKOPT_IDX_UNKNOWN;
	default:
		return name >= 1 && name <= 49 ? SOCKOPT_IDX_UINT32 : SOCKOPT_IDX_UNKNOWN;
	}
}

static __always_inline __u32 execveat_flags_to_scap(__u64 f)
{
	__u32 r = 0;
	if (f & 0x1000) r |= 1 << 0; /* AT_EMPTY_PATH */
	if (f & 0x100) r |= 1 << 1;  /* AT_SYMLINK_NOFOLLOW */
	return r;
}

#endif
