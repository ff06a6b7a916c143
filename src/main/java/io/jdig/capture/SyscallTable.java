package io.jdig.capture;

import io.jdig.event.EventTable;

/**
 * The x86_64 syscall table as sysdig 0.29 (libs e5c53d6) sees it: for each native syscall number, its name,
 * the enter/exit event numbers the driver emits ({@code 0/1} = generic) and the ppm_sc code.
 * The driver's {@code src/main/bpf/syscall_table.h} holds the same numbers for the syscalls it maps. Both are
 * kept by hand (the repository has no generator for them); {@code DriverContractTest} checks that they agree with
 * each other and with the event table. Event names come from {@link EventTable}.
 */
public final class SyscallTable {
    private SyscallTable() {}

    public static final int SIZE = 512;

    /** Native syscall names by number (empty when the number is not a syscall). */
    static final String[] NATIVE_NAMES = {
        "read", "write", "open", "close", "stat", "fstat", "lstat", "poll",
        "lseek", "mmap", "mprotect", "munmap", "brk", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn",
        "ioctl", "pread64", "pwrite64", "readv", "writev", "access", "pipe", "select",
        "sched_yield", "mremap", "msync", "mincore", "madvise", "shmget", "shmat", "shmctl",
        "dup", "dup2", "pause", "nanosleep", "getitimer", "alarm", "setitimer", "getpid",
        "sendfile", "socket", "connect", "accept", "sendto", "recvfrom", "sendmsg", "recvmsg",
        "shutdown", "bind", "listen", "getsockname", "getpeername", "socketpair", "setsockopt", "getsockopt",
        "clone", "fork", "vfork", "execve", "exit", "wait4", "kill", "uname",
        "semget", "semop", "semctl", "shmdt", "msgget", "msgsnd", "msgrcv", "msgctl",
        "fcntl", "flock", "fsync", "fdatasync", "truncate", "ftruncate", "getdents", "getcwd",
        "chdir", "fchdir", "rename", "mkdir", "rmdir", "creat", "link", "unlink",
        "symlink", "readlink", "chmod", "fchmod", "chown", "fchown", "lchown", "umask",
        "gettimeofday", "getrlimit", "getrusage", "sysinfo", "times", "ptrace", "getuid", "syslog",
        "getgid", "setuid", "setgid", "geteuid", "getegid", "setpgid", "getppid", "getpgrp",
        "setsid", "setreuid", "setregid", "getgroups", "setgroups", "setresuid", "getresuid", "setresgid",
        "getresgid", "getpgid", "setfsuid", "setfsgid", "getsid", "capget", "capset", "rt_sigpending",
        "rt_sigtimedwait", "rt_sigqueueinfo", "rt_sigsuspend", "sigaltstack", "utime", "mknod", "uselib", "personality",
        "ustat", "statfs", "fstatfs", "sysfs", "getpriority", "setpriority", "sched_setparam", "sched_getparam",
        "sched_setscheduler", "sched_getscheduler", "sched_get_priority_max", "sched_get_priority_min", "sched_rr_get_interval", "mlock", "munlock", "mlockall",
        "munlockall", "vhangup", "modify_ldt", "pivot_root", "_sysctl", "prctl", "arch_prctl", "adjtimex",
        "setrlimit", "chroot", "sync", "acct", "settimeofday", "mount", "umount2", "swapon",
        "swapoff", "reboot", "sethostname", "setdomainname", "iopl", "ioperm", "create_module", "init_module",
        "delete_module", "get_kernel_syms", "query_module", "quotactl", "nfsservctl", "getpmsg", "putpmsg", "afs_syscall",
        "tuxcall", "security", "gettid", "readahead", "setxattr", "lsetxattr", "fsetxattr", "getxattr",
        "lgetxattr", "fgetxattr", "listxattr", "llistxattr", "flistxattr", "removexattr", "lremovexattr", "fremovexattr",
        "tkill", "time", "futex", "sched_setaffinity", "sched_getaffinity", "set_thread_area", "io_setup", "io_destroy",
        "io_getevents", "io_submit", "io_cancel", "get_thread_area", "lookup_dcookie", "epoll_create", "epoll_ctl_old", "epoll_wait_old",
        "remap_file_pages", "getdents64", "set_tid_address", "restart_syscall", "semtimedop", "fadvise64", "timer_create", "timer_settime",
        "timer_gettime", "timer_getoverrun", "timer_delete", "clock_settime", "clock_gettime", "clock_getres", "clock_nanosleep", "exit_group",
        "epoll_wait", "epoll_ctl", "tgkill", "utimes", "vserver", "mbind", "set_mempolicy", "get_mempolicy",
        "mq_open", "mq_unlink", "mq_timedsend", "mq_timedreceive", "mq_notify", "mq_getsetattr", "kexec_load", "waitid",
        "add_key", "request_key", "keyctl", "ioprio_set", "ioprio_get", "inotify_init", "inotify_add_watch", "inotify_rm_watch",
        "migrate_pages", "openat", "mkdirat", "mknodat", "fchownat", "futimesat", "newfstatat", "unlinkat",
        "renameat", "linkat", "symlinkat", "readlinkat", "fchmodat", "faccessat", "pselect6", "ppoll",
        "unshare", "set_robust_list", "get_robust_list", "splice", "tee", "sync_file_range", "vmsplice", "move_pages",
        "utimensat", "epoll_pwait", "signalfd", "timerfd_create", "eventfd", "fallocate", "timerfd_settime", "timerfd_gettime",
        "accept4", "signalfd4", "eventfd2", "epoll_create1", "dup3", "pipe2", "inotify_init1", "preadv",
        "pwritev", "rt_tgsigqueueinfo", "perf_event_open", "recvmmsg", "fanotify_init", "fanotify_mark", "prlimit64", "name_to_handle_at",
        "open_by_handle_at", "clock_adjtime", "syncfs", "sendmmsg", "setns", "getcpu", "process_vm_readv", "process_vm_writev",
        "kcmp", "finit_module", "sched_setattr", "sched_getattr", "renameat2", "seccomp", "getrandom", "memfd_create",
        "kexec_file_load", "bpf", "execveat", "userfaultfd", "membarrier", "mlock2", "copy_file_range", "preadv2",
        "pwritev2", "pkey_mprotect", "pkey_alloc", "pkey_free", "statx", "io_pgetevents", "rseq", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "pidfd_send_signal", "io_uring_setup", "io_uring_enter", "io_uring_register", "open_tree", "move_mount", "fsopen", "fsconfig",
        "fsmount", "fspick", "pidfd_open", "clone3", "close_range", "openat2", "pidfd_getfd", "faccessat2",
        "process_madvise", "epoll_pwait2", "mount_setattr", "quotactl_fd", "landlock_create_ruleset", "landlock_add_rule", "landlock_restrict_self", "memfd_secret",
        "process_mrelease", "futex_waitv", "set_mempolicy_home_node", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "",
    };

    static final short[] ENTER_EVENT = {6,8,2,4,66,70,68,80,86,160,328,164,158,0,0,0,170,112,114,116,118,264,60,82,0,0,0,0,0,0,0,0,124,124,0,134,0,0,0,0,188,18,22,246,30,34,48,52,36,20,24,38,40,42,44,46,222,224,226,292,0,0,128,0,262,250,252,0,0,0,0,0,150,242,0,0,0,0,236,92,94,96,174,276,278,58,308,300,178,0,314,316,0,0,0,0,0,140,0,0,0,168,202,0,206,198,200,204,208,294,0,0,274,0,0,0,0,192,210,194,212,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,142,266,0,0,0,256,258,0,0,0,0,0,0,0,0,0,0,0,0,190,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,130,0,64,0,0,0,0,0,0,0,0,0,0,0,0,0,0,238,0,0,0,0,0,0,0,0,0,0,0,0,0,0,78,0,132,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,138,0,0,0,306,304,0,0,0,0,302,176,310,180,0,312,0,0,254,284,0,0,166,0,0,0,0,0,0,126,136,62,0,0,0,248,126,62,0,124,60,138,120,122,0,0,54,0,0,144,0,0,0,0,50,240,0,0,0,0,0,0,0,318,298,0,0,0,296,330,320,0,0,332,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,334,0,326,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0};

    static final short[] EXIT_EVENT = {7,9,3,5,67,71,69,81,87,161,329,165,159,1,1,1,171,113,115,117,119,265,61,83,1,1,1,1,1,1,1,1,125,125,1,135,1,1,1,1,189,19,23,247,31,35,49,53,37,21,25,39,41,43,45,47,223,225,227,293,1,1,129,1,263,251,253,1,1,1,1,1,151,243,1,1,1,1,237,93,95,97,175,277,279,59,309,301,179,1,315,317,1,1,1,1,1,141,1,1,1,169,203,1,207,199,201,205,209,295,1,1,275,1,1,1,1,193,211,195,213,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,143,267,1,1,1,257,259,1,1,1,1,1,1,1,1,1,1,1,1,191,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,131,1,65,1,1,1,1,1,1,1,1,1,1,1,1,1,1,239,1,1,1,1,1,1,1,1,1,1,1,1,1,1,79,1,133,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,139,1,1,1,307,305,1,1,1,1,303,177,311,181,1,313,1,1,255,285,1,1,167,1,1,1,1,1,1,127,137,63,1,1,1,249,127,63,1,125,61,139,121,123,1,1,55,1,1,145,1,1,1,1,51,241,1,1,1,1,1,1,1,319,299,1,1,1,297,331,321,1,1,333,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,335,1,327,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1};

    static final short[] PPM_SC = {3,4,5,6,14,20,50,105,15,55,75,56,32,107,108,298,34,294,295,87,88,23,30,84,99,104,86,138,139,267,297,268,29,40,21,103,66,19,65,16,116,241,243,245,249,250,254,256,251,242,244,246,247,248,252,253,327,303,304,324,2,69,25,67,260,259,261,266,264,262,263,265,35,85,72,90,57,58,83,113,10,80,26,27,28,7,8,9,49,51,13,59,132,127,118,37,47,117,46,71,31,18,119,64,120,133,134,121,122,36,41,42,43,123,124,125,126,128,129,130,131,79,135,136,89,114,115,109,110,111,112,317,22,12,52,82,39,62,63,81,60,61,95,96,97,98,100,101,102,91,92,93,94,68,0,137,0,106,296,74,45,38,24,33,48,17,323,53,70,54,44,73,0,0,0,76,77,0,0,78,0,0,0,0,0,0,140,0,141,142,143,144,145,146,147,148,149,150,151,152,153,11,154,155,156,157,159,160,161,162,163,158,0,165,0,0,168,240,169,1,0,319,170,171,172,173,174,175,176,177,178,164,167,166,179,180,0,0,0,0,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,0,197,198,199,200,201,300,202,203,204,205,206,207,208,209,210,211,212,213,214,215,0,216,0,219,218,220,221,222,299,223,224,258,225,226,227,228,229,230,231,232,233,234,257,235,0,236,0,0,237,238,255,239,217,301,302,0,314,0,0,320,316,318,0,0,315,325,321,0,0,326,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,328,0,322,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0};

    /** ppm_sc names by code (sysdig's generic-event evt.type). */
    static final String[] PPM_SC_NAMES = {
        "unknown", "restart_syscall", "exit", "read", "write", "open", "close", "creat",
        "link", "unlink", "chdir", "time", "mknod", "chmod", "stat", "lseek",
        "getpid", "mount", "ptrace", "alarm", "fstat", "pause", "utime", "access",
        "sync", "kill", "rename", "mkdir", "rmdir", "dup", "pipe", "times",
        "brk", "acct", "ioctl", "fcntl", "setpgid", "umask", "chroot", "ustat",
        "dup2", "getppid", "getpgrp", "setsid", "sethostname", "setrlimit", "getrusage", "gettimeofday",
        "settimeofday", "symlink", "lstat", "readlink", "uselib", "swapon", "reboot", "mmap",
        "munmap", "truncate", "ftruncate", "fchmod", "getpriority", "setpriority", "statfs", "fstatfs",
        "syslog", "setitimer", "getitimer", "uname", "vhangup", "wait4", "swapoff", "sysinfo",
        "fsync", "setdomainname", "adjtimex", "mprotect", "init_module", "delete_module", "quotactl", "getpgid",
        "fchdir", "sysfs", "personality", "getdents", "select", "flock", "msync", "readv",
        "writev", "getsid", "fdatasync", "mlock", "munlock", "mlockall", "munlockall", "sched_setparam",
        "sched_getparam", "sched_setscheduler", "sched_getscheduler", "sched_yield", "sched_get_priority_max", "sched_get_priority_min", "sched_rr_get_interval", "nanosleep",
        "mremap", "poll", "prctl", "rt_sigaction", "rt_sigprocmask", "rt_sigpending", "rt_sigtimedwait", "rt_sigqueueinfo",
        "rt_sigsuspend", "getcwd", "capget", "capset", "sendfile", "getrlimit", "lchown", "getuid",
        "getgid", "geteuid", "getegid", "setreuid", "setregid", "getgroups", "setgroups", "fchown",
        "setresuid", "getresuid", "setresgid", "getresgid", "chown", "setuid", "setgid", "setfsuid",
        "setfsgid", "pivot_root", "mincore", "madvise", "gettid", "setxattr", "lsetxattr", "fsetxattr",
        "getxattr", "lgetxattr", "fgetxattr", "listxattr", "llistxattr", "flistxattr", "removexattr", "lremovexattr",
        "fremovexattr", "tkill", "futex", "sched_setaffinity", "sched_getaffinity", "set_thread_area", "get_thread_area", "io_setup",
        "io_destroy", "io_getevents", "io_submit", "io_cancel", "exit_group", "epoll_create", "epoll_ctl", "epoll_wait",
        "remap_file_pages", "set_tid_address", "timer_create", "timer_settime", "timer_gettime", "timer_getoverrun", "timer_delete", "clock_settime",
        "clock_gettime", "clock_getres", "clock_nanosleep", "tgkill", "utimes", "mq_open", "mq_unlink", "mq_timedsend",
        "mq_timedreceive", "mq_notify", "mq_getsetattr", "kexec_load", "waitid", "add_key", "request_key", "keyctl",
        "ioprio_set", "ioprio_get", "inotify_init", "inotify_add_watch", "inotify_rm_watch", "openat", "mkdirat", "mknodat",
        "fchownat", "futimesat", "unlinkat", "renameat", "linkat", "symlinkat", "readlinkat", "fchmodat",
        "faccessat", "pselect6", "ppoll", "unshare", "set_robust_list", "get_robust_list", "splice", "tee",
        "vmsplice", "getcpu", "epoll_pwait", "utimensat", "signalfd", "timerfd_create", "eventfd", "timerfd_settime",
        "timerfd_gettime", "signalfd4", "eventfd2", "epoll_create1", "dup3", "pipe2", "inotify_init1", "preadv",
        "pwritev", "rt_tgsigqueueinfo", "perf_event_open", "fanotify_init", "prlimit64", "clock_adjtime", "syncfs", "setns",
        "getdents64", "socket", "bind", "connect", "listen", "accept", "getsockname", "getpeername",
        "socketpair", "sendto", "recvfrom", "shutdown", "setsockopt", "getsockopt", "sendmsg", "sendmmsg",
        "recvmsg", "recvmmsg", "accept4", "semop", "semget", "semctl", "msgsnd", "msgrcv",
        "msgget", "msgctl", "shmdt", "shmget", "shmctl", "statfs64", "fstatfs64", "fstatat64",
        "sendfile64", "ugetrlimit", "bdflush", "sigprocmask", "ipc", "socketcall", "stat64", "lstat64",
        "fstat64", "fcntl64", "mmap2", "_newselect", "sgetmask", "ssetmask", "sigpending", "olduname",
        "umount", "signal", "nice", "stime", "_llseek", "waitpid", "pread64", "pwrite64",
        "arch_prctl", "shmat", "sigreturn", "fallocate", "newfsstat", "process_vm_readv", "process_vm_writev", "fork",
        "vfork", "setuid32", "getuid32", "setgid32", "geteuid32", "getgid32", "setresuid32", "setresgid32",
        "getresuid32", "getresgid32", "finit_module", "bpf", "seccomp", "sigaltstack", "getrandom", "fadvise64",
        "renameat2", "userfaultfd", "openat2", "umount2", "execve", "execveat", "copy_file_range", "clone",
        "clone3", "max",
    };

    /** The name of an event sysdig 0.29 knows (the driver emits no other), or "" for any other number. */
    public static String eventName(int type) {
        return type >= 0 && type < EventTable.MAX_029 ? EventTable.name(type) : "";
    }

    public static String nativeName(int nr) {
        return nr >= 0 && nr < SIZE ? NATIVE_NAMES[nr] : "";
    }

    public static int enterEvent(int nr) {
        return nr >= 0 && nr < SIZE ? ENTER_EVENT[nr] : 0;
    }

    public static int exitEvent(int nr) {
        return nr >= 0 && nr < SIZE ? EXIT_EVENT[nr] : 1;
    }

    public static int ppmSc(int nr) {
        return nr >= 0 && nr < SIZE ? PPM_SC[nr] : 0;
    }

    public static String ppmScName(int code) {
        return code >= 0 && code < PPM_SC_NAMES.length ? PPM_SC_NAMES[code] : "";
    }
}
