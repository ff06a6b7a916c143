package io.jdig.event;

/** Numbers of the event types that jdig's state engine and fields treat specially (sysdig's PPME_* codes). */
public final class EventTypes {
    public static final int GENERIC_E = 0, GENERIC_X = 1;
    public static final int OPEN_E = 2, OPEN_X = 3, CLOSE_E = 4, CLOSE_X = 5, READ_E = 6, READ_X = 7;
    public static final int WRITE_E = 8, WRITE_X = 9, EXECVE_8_X = 13, CLONE_11_X = 15, PROCEXIT_E = 16;
    public static final int SOCKET_E = 18, SOCKET_X = 19, BIND_X = 21, CONNECT_E = 22, CONNECT_X = 23;
    public static final int ACCEPT_X = 27, SEND_X = 29, SENDTO_E = 30, SENDTO_X = 31, RECV_X = 33;
    public static final int RECVFROM_X = 35, SHUTDOWN_X = 37, SOCKETPAIR_X = 43, SENDMSG_E = 48, SENDMSG_X = 49;
    public static final int RECVMSG_X = 53, ACCEPT4_X = 57, CREAT_E = 58, CREAT_X = 59, PIPE_X = 61;
    public static final int EVENTFD_X = 63, GETCWD_X = 93, CHDIR_X = 95, FCHDIR_E = 96, FCHDIR_X = 97;
    public static final int OPENAT_E = 102, OPENAT_X = 103, PREAD_X = 113, PWRITE_X = 115, READV_X = 117;
    public static final int WRITEV_X = 119, PREADV_X = 121, PWRITEV_X = 123, DUP_X = 125, SIGNALFD_X = 127;
    public static final int TIMERFD_CREATE_X = 137, INOTIFY_INIT_X = 139, SCHEDSWITCH_1_E = 146;
    public static final int DROP_E = 148, DROP_X = 149, FCNTL_E = 150, FCNTL_X = 151, SCHEDSWITCH_6_E = 152;
    public static final int EXECVE_13_X = 155, CLONE_16_X = 157, BRK_4_X = 159, MMAP_X = 161, MMAP2_X = 163;
    public static final int MUNMAP_X = 165, EXECVE_14_X = 173, FORK_X = 183, VFORK_X = 185, PROCEXIT_1_E = 186;
    public static final int SENDFILE_X = 189, SETRESUID_X = 193, SETRESGID_X = 195, SETUID_X = 199;
    public static final int SETGID_X = 201, EXECVE_15_X = 215, CLONE_17_X = 217, FORK_17_X = 219;
    public static final int VFORK_17_X = 221, CLONE_20_X = 223, FORK_20_X = 225, VFORK_20_X = 227;
    public static final int CONTAINER_E = 228, EXECVE_16_X = 231, SIGNALDELIVER_E = 232, PROCINFO_E = 234;
    public static final int ACCEPT_5_X = 247, ACCEPT4_5_X = 249, CHROOT_X = 267, CONTAINER_JSON_E = 272;
    public static final int SETSID_X = 275, EXECVE_17_X = 283, EXECVE_18_X = 289, EXECVE_19_X = 293;
    public static final int SETPGID_X = 295, OPENAT_2_E = 306, OPENAT_2_X = 307, CONTAINER_JSON_2_E = 324;
    public static final int OPENAT2_E = 326, OPENAT2_X = 327, EXECVEAT_X = 331, COPY_FILE_RANGE_X = 333;
    public static final int CLONE3_X = 335, USER_ADDED_E = 354, USER_DELETED_E = 356, GROUP_ADDED_E = 358;
    public static final int GROUP_DELETED_E = 360;

    private EventTypes() {
    }

    public static boolean isClone(int t) {
        return switch (t) {
            case CLONE_11_X, CLONE_16_X, CLONE_17_X, CLONE_20_X, FORK_X, FORK_17_X, FORK_20_X, VFORK_X, VFORK_17_X,
                 VFORK_20_X, CLONE3_X -> true;
            default -> false;
        };
    }

    public static boolean isExecve(int t) {
        return switch (t) {
            case EXECVE_8_X, EXECVE_13_X, EXECVE_14_X, EXECVE_15_X, EXECVE_16_X, EXECVE_17_X, EXECVE_18_X,
                 EXECVE_19_X, EXECVEAT_X -> true;
            default -> false;
        };
    }
}
