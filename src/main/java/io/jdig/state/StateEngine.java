package io.jdig.state;

import io.jdig.event.EventFlags;
import io.jdig.event.EventInfo;
import io.jdig.event.EventTable;
import io.jdig.event.EventView;
import io.jdig.event.meta.FdRecord;
import io.jdig.event.meta.GroupRecord;
import io.jdig.event.meta.InterfaceRecord;
import io.jdig.event.meta.MachineRecord;
import io.jdig.event.meta.MetadataSink;
import io.jdig.event.meta.ThreadRecord;
import io.jdig.event.meta.UserRecord;

import java.util.ArrayList;
import java.util.List;

import static io.jdig.event.EventTypes.*;

/**
 * Keeps the state that system calls imply (threads, their fds, users, containers) current, event by event, and
 * tells the consumers of each event which thread and fd it belongs to.
 */
public final class StateEngine implements MetadataSink {
    private static final long CLONE_STALE_TIME_NS = 2_000_000_000L;
    private static final int AT_FDCWD = -100;
    private static final int PPM_O_DIRECTORY = 1 << 10;
    private static final int PPM_FCNTL_F_DUPFD = 1;
    private static final int PPM_FCNTL_F_DUPFD_CLOEXEC = 26;
    private static final boolean[] STORE_ENTER = new boolean[EventTable.size()];

    static {
        for (int t : new int[]{SENDTO_E, OPEN_E, CREAT_E, OPENAT_E, OPENAT_2_E, OPENAT2_E, SOCKET_E, EVENTFD_E,
                CHDIR_E, FCHDIR_E, SHUTDOWN_E, GETRLIMIT_E, SETRLIMIT_E, PRLIMIT_E, SENDMSG_E, SENDFILE_E,
                SETRESUID_E, SETRESGID_E, SETUID_E, SETGID_E, EXECVE_18_E, EXECVE_19_E, EXECVEAT_E, SETPGID_E}) {
            STORE_ENTER[t] = true;
        }
    }

    private final LongMap<ThreadInfo> threads = new LongMap<>();
    private final Users users = new Users();
    private final List<InterfaceRecord> interfaces = new ArrayList<>();
    private final Containers containers = new Containers();
    private MachineRecord machine;
    private boolean linkPending;
    private final EventView enter = new EventView();
    /** Whether a filter decides, between {@link #reset} and {@link #parse}, which events are parsed. */
    private boolean filterBeforeParse;
    private PortNames portNames = PortNames.NUMBERS;

    // the current event
    private ThreadInfo tinfo;
    private FdInfo fdinfo;
    private int errorCode;
    private boolean enterRetrieved;

    // removals deferred to the next event
    private ThreadInfo fdOwnerToClean;
    private long[] fdsToRemove = new long[8];
    private int nFdsToRemove;
    private long tidToRemove = -1;

    public ThreadInfo thread() {
        return tinfo;
    }

    public FdInfo fd() {
        return fdinfo;
    }

    /**
     * Told when a tid enters or leaves the thread table, in the order it happens: for consumers that must walk the
     * table in the order sysdig's own table would (csysdig's views list idle threads in that order).
     */
    public interface TableObserver {
        void added(long tid);

        void removed(long tid);

        void cleared();

        /** One observer that tells {@code a}, then {@code b} (the table takes one observer). */
        static TableObserver both(TableObserver a, TableObserver b) {
            return new TableObserver() {
                @Override
                public void added(long tid) {
                    a.added(tid);
                    b.added(tid);
                }

                @Override
                public void removed(long tid) {
                    a.removed(tid);
                    b.removed(tid);
                }

                @Override
                public void cleared() {
                    a.cleared();
                    b.cleared();
                }
            };
        }
    }

    private TableObserver tableObserver;

    /** Sets the one observer of the thread table's membership (null: none). */
    public void observeTable(TableObserver o) {
        tableObserver = o;
    }

    /** The current thread and fd. */
    public record Current(ThreadInfo thread, FdInfo fd) {
    }

    /**
     * Makes {@code t} and {@code f} the current thread and fd (for evaluating a filter on a synthetic event, as
     * a chisel's get_thread_table(filter) does) and returns what was current before, to be swapped back.
     */
    public Current swapCurrent(ThreadInfo t, FdInfo f) {
        Current c = new Current(tinfo, fdinfo);
        tinfo = t;
        fdinfo = f;
        return c;
    }

    /**
     * Tells whether events are filtered between {@link #reset} and {@link #parse} (a capture filter, not a display
     * filter): sinsp then finds the fd of a write whose enter event did not pair.
     */
    /** How ports are written in the socket names the engine gives fds, and wherever fields print ports ({@code -R}). */
    public void portNames(PortNames names) {
        portNames = names;
    }

    public PortNames portNames() {
        return portNames;
    }

    public void filterBeforeParse(boolean on) {
        filterBeforeParse = on;
    }

    public int errorCode() {
        return errorCode;
    }

    public Users users() {
        return users;
    }

    public Containers containers() {
        return containers;
    }

    public MachineRecord machine() {
        return machine;
    }

    public List<InterfaceRecord> interfaces() {
        return interfaces;
    }

    public ThreadInfo lookup(long tid) {
        return threads.get(tid);
    }

    public LongMap<ThreadInfo> threads() {
        return threads;
    }

    // ---- metadata ----------------------------------------------------------------------------------------

    @Override
    public void onSectionStart() {
        forgetRecent();
        threads.clear();
        if (tableObserver != null) {
            tableObserver.cleared();
        }
        users.clear();
        interfaces.clear();
        containers.clear();
        nFdsToRemove = 0;
        tidToRemove = -1;
    }

    @Override
    public void onMachine(MachineRecord m) {
        machine = m;
    }

    @Override
    public void onInterface(InterfaceRecord itf) {
        interfaces.add(itf);
    }

    @Override
    public void onUser(UserRecord user) {
        users.add(user);
    }

    @Override
    public void onGroup(GroupRecord group) {
        users.add(group);
    }

    @Override
    public void onThread(ThreadRecord r) {
        ThreadInfo t = new ThreadInfo();
        t.tid = r.tid();
        t.pid = r.pid();
        t.ptid = r.ptid();
        t.sid = r.sid();
        t.vpgid = r.vpgid();
        t.setComm(r.comm());
        t.exe = r.exe();
        t.exepath = r.exepath();
        t.args = r.args();
        t.cwd = Paths.asCwd("", r.cwd(), !r.cwd().isEmpty());
        t.fdlimit = r.fdlimit();
        t.flags = r.flags();
        t.uid = r.uid();
        t.gid = r.gid();
        t.vmsizeKb = Integer.toUnsignedLong(r.vmsizeKb());
        t.vmrssKb = Integer.toUnsignedLong(r.vmrssKb());
        t.vmswapKb = Integer.toUnsignedLong(r.vmswapKb());
        t.pfmajor = r.pfmajor();
        t.pfminor = r.pfminor();
        t.env = r.env();
        t.vtid = r.vtid();
        t.vpid = r.vpid();
        t.cgroups = r.cgroups();
        t.root = r.root();
        t.loginuid = r.loginuid();
        t.containerId = containerIdOf(t.cgroups);
        putThread(t);
        linkPending = true;
    }

    @Override
    public void onFds(long tid, List<FdRecord> fds) {
        ThreadInfo t = threads.get(tid);
        if (t == null) {
            return;
        }
        serverBytes.reset();
        for (FdRecord r : fds) {
            if (r.type() == FdRecord.UNKNOWN) {
                continue;
            }
            FdInfo f = fromRecord(r, interfaces, portNames);
            serverBytes.read(f);
            t.fds.put(r.fd(), f);
        }
    }

    /** sinsp's socket-address union as it reads one process's fds from a process list. */
    private final ServerSocketBytes serverBytes = new ServerSocketBytes();

    static FdInfo fromRecord(FdRecord r, List<InterfaceRecord> itfs, PortNames portNames) {
        FdInfo f = new FdInfo();
        f.fd = r.fd();
        f.type = FdType.of(r.type());
        f.ino = r.ino();
        f.openFlags = r.openFlags();
        f.dev = r.dev();
        f.l4proto = r.l4proto();
        f.sip = r.sip4();
        f.dip = r.dip4();
        f.sip6 = r.sip6();
        f.dip6 = r.dip6();
        f.sport = r.sport();
        f.dport = r.dport();
        f.unixSource = r.source();
        f.unixDest = r.dest();
        if (f.type == FdType.IPV6_SOCK && f.sip6 != null && f.dip6 != null && NetFormat.isV4Mapped(f.sip6, 0)
                && NetFormat.isV4Mapped(f.dip6, 0)) {
            f.type = FdType.IPV4_SOCK;
            f.sip = NetFormat.le32(f.sip6, 12);
            f.dip = NetFormat.le32(f.dip6, 12);
        }
        if (f.type == FdType.IPV4_SOCK) {
            NetworkInterfaces.inferAddresses(f, itfs);
        }
        if ((f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK) && f.l4proto == FdInfo.L4_TCP) {
            f.socketConnected = true; // a TCP socket the process list describes is taken as connected
        }
        if (f.type == FdType.UNIX_SOCK) {
            f.role = r.name().isEmpty() ? FdInfo.ROLE_CLIENT : FdInfo.ROLE_SERVER;
        }
        String n = NetFormat.socketName(f, portNames);
        f.setName(n != null ? n : r.name());
        return f;
    }

    /** After a process list: threads of one process share the main thread's fd table, as sysdig does. */
    private void linkThreads() {
        linkPending = false;
        // sockets read from /proc: a local port that some server socket listens on makes the fd a server side
        java.util.Set<Integer> serverPorts = new java.util.HashSet<>();
        threads.forEachValue(t -> t.fds.forEach(f -> {
            if (f.type == FdType.IPV4_SERVSOCK || f.type == FdType.IPV6_SERVSOCK) {
                serverPorts.add(f.sport);
            }
        }));
        threads.forEachValue(t -> t.fds.forEach(f -> {
            if (f.type == FdType.IPV4_SOCK && f.role == FdInfo.ROLE_NONE) {
                if (serverPorts.contains(f.sport)) {
                    swap(f);
                    f.setName(NetFormat.socketName(f, portNames));
                    f.role = FdInfo.ROLE_SERVER;
                } else {
                    f.role = FdInfo.ROLE_CLIENT;
                }
            }
        }));
        threads.forEachValue(t -> {
            if (!t.isMain()) {
                ThreadInfo main = threads.get(t.pid);
                if (main != null && main != t && t.fds.size() == 0) {
                    t.fds = main.fds;
                }
            }
        });
        countThreadsOfProcesses();
    }

    /**
     * Counts, for every process, its threads besides the main one (nchilds, the reference count that keeps a
     * main thread in the table while its threads live): every entry made by a clone with CLONE_THREAD counts
     * once in the main thread of its pid, which is looked up as for an event (made up when missing).
     */
    private void countThreadsOfProcesses() {
        List<ThreadInfo> members = new ArrayList<>();
        threads.forEachValue(t -> {
            if ((t.flags & ThreadInfo.CL_CLONE_THREAD) != 0) {
                members.add(t);
            }
        });
        for (ThreadInfo t : members) {
            countInMainThread(t);
        }
    }

    private void countInMainThread(ThreadInfo t) {
        if ((t.flags & ThreadInfo.CL_CLONE_THREAD) != 0) {
            getOrCreate(t.pid).nchilds++;
        }
    }

    // ---- per event -----------------------------------------------------------------------------------------

    /** Applies one event to the state and sets the current thread and fd. */
    public void process(EventView ev) {
        if (reset(ev)) {
            parse(ev);
        }
    }

    /**
     * Finishes taking in a process list now rather than at the next event (threads linked to their process's fd
     * table, sockets' sides told from the listening ports), so that the tables can be amended before any event.
     */
    public void linkNow() {
        if (linkPending) {
            linkThreads();
        }
    }

    /**
     * First half of processing: finds the event's thread and fd and keeps the enter/exit bookkeeping. Returns
     * whether {@link #parse} should follow (false for events that carry no state to apply).
     */
    public boolean reset(EventView ev) {
        if (linkPending) {
            linkThreads();
        }
        applyDeferredRemovals();
        dropKeptEnter();
        currentIsExit = !ev.isEnter();
        tinfo = null;
        fdinfo = null;
        fdNameChanged = false;
        fdNameChangedByParse = false;
        errorCode = 0;
        enterRetrieved = false;
        EventInfo info = ev.info();
        int type = ev.type();
        int eflags = info.flags();
        if ((eflags & EventFlags.SKIPPARSERESET) != 0) {
            if (type == PROCINFO_E) {
                tinfo = find(ev.tid());
            }
            return false;
        }
        switch (type) {
            case USER_ADDED_E, USER_DELETED_E, GROUP_ADDED_E, GROUP_DELETED_E, CONTAINER_JSON_E, CONTAINER_JSON_2_E -> {
                return true;
            }
            default -> {
            }
        }
        boolean queryOs = !(isClone(type) || type == SCHEDSWITCH_6_E);
        tinfo = queryOs ? getOrCreate(ev.tid()) : find(ev.tid());
        if (type == SCHEDSWITCH_6_E) {
            return true;
        }
        if (tinfo != null) {
            if (queryOs) {
                tinfo.flags |= ThreadInfo.CL_ACTIVE;
            }
            if (ev.isEnter()) {
                tinfo.lastEventFd = -1;
                tinfo.lastEventType = type;
                if ((eflags & EventFlags.USES_FD) != 0 && ev.paramCount() > 0) {
                    tinfo.lastEventFd = ev.paramAsLong(0, true);
                    fdinfo = tinfo.fds.get(tinfo.lastEventFd);
                }
                tinfo.latency = 0;
                tinfo.lastEnterTs = ev.ts();
            } else {
                if (tinfo.lastEnterTs != 0) {
                    tinfo.latency = ev.ts() - tinfo.lastEnterTs;
                }
                if (type == tinfo.lastEventType + 1) {
                    tinfo.lastEventDataValid = true;
                    resetExit(ev, info, eflags, type);
                } else {
                    tinfo.lastEventDataValid = false;
                }
                if (type == WRITE_X && fdinfo == null && filterBeforeParse) {
                    // sinsp looks up a write's fd for its filter even when the enter was not paired (filtered out)
                    fdinfo = tinfo.fds.get(tinfo.lastEventFd);
                }
            }
        }
        return true;
    }

    /** The event was filtered out before its state was applied: its exit must not pair with it. */
    public void filteredOut(EventView ev) {
        if (tinfo != null && !ev.info().has(EventFlags.SKIPPARSERESET) && ev.type() != SCHEDSWITCH_6_E) {
            tinfo.lastEventType = -2;
        }
    }

    /** Second half of processing: applies what the event changes. */
    public void parse(EventView ev) {
        parseEvent(ev);
        FdInfo f = fdinfo;
        fdNameChangedByParse = f != null && f.nameChangedSinceLookup();
    }

    /**
     * Whether parsing the current event changed the name of its fd (fd.name_changed). As in sysdig, this is
     * known only once the event has passed the capture filter, so the filter itself always sees false.
     */
    public boolean fdNameChanged() {
        return fdNameChanged;
    }

    /** The event passed the capture filter: what its parsing changed becomes visible to fields. */
    public void accepted() {
        fdNameChanged = fdNameChangedByParse;
        if (currentIsExit) {
            enterToDrop = tinfo;
        }
    }

    /**
     * sinsp frees a thread's kept enter event once an exit of that thread has been fully handled (not for exits the
     * filter dropped), so an exit never pairs with an enter older than the previous exit. Done when the next event
     * starts, so that fields of the accepted exit can still read its enter.
     */
    private void dropKeptEnter() {
        ThreadInfo t = enterToDrop;
        if (t != null) {
            t.lastEnterLen = 0;
            t.lastEventDataValid = false;
            enterToDrop = null;
        }
    }

    private ThreadInfo enterToDrop;
    private boolean currentIsExit;

    private boolean fdNameChanged;
    private boolean fdNameChangedByParse;

    private void parseEvent(EventView ev) {
        int type = ev.type();
        switch (type) {
            case USER_ADDED_E, USER_DELETED_E, GROUP_ADDED_E, GROUP_DELETED_E -> {
                parseUserGroup(ev, type);
                return;
            }
            case CONTAINER_JSON_E, CONTAINER_JSON_2_E -> {
                String id = containers.parseJsonEvent(ev.paramAsString(0));
                if (id != null) {
                    // the event belongs to a stand-in thread named after the container, as in sysdig
                    ThreadInfo t = new ThreadInfo();
                    t.tid = -1;
                    t.pid = -1;
                    t.vtid = -2;
                    t.vpid = -2;
                    t.setComm("container:" + id);
                    t.containerId = id;
                    tinfo = t;
                }
                return;
            }
            case SCHEDSWITCH_6_E -> {
                parseContextSwitch(ev);
                return;
            }
            default -> {
            }
        }
        if (tinfo != null && ev.isEnter() && (STORE_ENTER[type] || type == FCNTL_E && isDupfdCommand(ev))) {
            tinfo.storeEnter(ev.buffer(), ev.offset(), ev.length(), ev.cpu());
        }
        dispatch(ev, type);
    }

    private void resetExit(EventView ev, EventInfo info, int eflags, int type) {
        if (info.firstIsResult() && ev.paramCount() > 0) {
            long res = ev.paramAsLong(0, true);
            if (res < 0) {
                errorCode = (int) -res;
            }
        }
        if ((eflags & EventFlags.USES_FD) != 0) {
            if (type == COPY_FILE_RANGE_X && ev.paramCount() > 1) {
                tinfo.lastEventFd = ev.paramAsLong(1, true);
            }
            fdinfo = tinfo.fds.get(tinfo.lastEventFd);
        }
    }

    private void applyDeferredRemovals() {
        if (nFdsToRemove > 0) {
            if (fdOwnerToClean != null) {
                for (int i = 0; i < nFdsToRemove; i++) {
                    fdOwnerToClean.fds.remove(fdsToRemove[i]);
                }
            }
            nFdsToRemove = 0;
            fdOwnerToClean = null;
        }
        if (tidToRemove >= 0) {
            removeThread(tidToRemove, false);
            tidToRemove = -1;
        }
    }

    /** Recently used threads by the low bits of their tid: most events find their thread here, not in the map. */
    private final ThreadInfo[] recent = new ThreadInfo[RECENT];
    private static final int RECENT = 64;
    /** A tid just looked up and not found (context switches of the idle task hit this all the time). */
    private long lastMissTid = Long.MIN_VALUE;

    private void forgetRecent() {
        java.util.Arrays.fill(recent, null);
    }

    /** The thread table's entry for that tid changes: the cache must not keep the old one. */
    private void forgetRecent(long tid) {
        recent[(int) tid & (RECENT - 1)] = null;
    }

    /** Adds a thread to the table, or replaces the one with its tid, keeping the lookup caches in step. */
    private void putThread(ThreadInfo t) {
        if (threads.put(t.tid, t) == null && tableObserver != null) {
            tableObserver.added(t.tid);
        }
        recent[(int) t.tid & (RECENT - 1)] = t;
        lastMissTid = Long.MIN_VALUE;
    }

    /** The thread with that tid, or null; no thread is made up. */
    private ThreadInfo find(long tid) {
        int slot = (int) tid & (RECENT - 1);
        ThreadInfo t = recent[slot];
        if (t != null && t.tid == tid) {
            return t;
        }
        if (tid == lastMissTid) {
            return null;
        }
        t = threads.get(tid);
        if (t == null) {
            lastMissTid = tid;
        } else {
            recent[slot] = t;
        }
        return t;
    }

    private ThreadInfo getOrCreate(long tid) {
        ThreadInfo t = find(tid);
        if (t == null) {
            t = new ThreadInfo();
            t.tid = tid;
            t.pid = tid;
            t.ptid = -1;
            t.setComm("<NA>");
            t.exe = "<NA>";
            t.uid = -1;
            t.gid = -1;
            t.loginuid = -1;
            long[] n = {0};
            threads.forEachValue(o -> {
                if (o.pid == tid) {
                    n[0]++;
                }
            });
            t.nchilds = n[0];
            putThread(t);
        }
        return t;
    }

    /**
     * Removes a thread from the table, as sinsp does: a main thread whose threads are still counted stays unless
     * {@code force}; forcing it out recounts the threads of all processes.
     */
    private void removeThread(long tid, boolean force) {
        ThreadInfo t = threads.get(tid);
        if (t == null) {
            return;
        }
        long held = t.nchilds;
        if (held != 0 && !force) {
            return;
        }
        forgetRecent(tid);
        if ((t.flags & ThreadInfo.CL_CLONE_THREAD) != 0) {
            ThreadInfo main = threads.get(t.pid);
            if (main != null && main.nchilds > 0) {
                main.nchilds--;
            }
        }
        threads.remove(tid);
        if (tableObserver != null) {
            tableObserver.removed(tid);
        }
        if (held != 0) {
            threads.forEachValue(o -> o.nchilds = 0);
            countThreadsOfProcesses();
        }
    }

    /** Whether the enter event of the current exit was stored and can be read through {@link #enter()}. */
    private boolean retrieveEnter(int exitType) {
        if (tinfo == null || !tinfo.lastEventDataValid || tinfo.lastEnterLen == 0) {
            return false;
        }
        if (!enter.wrap(tinfo.lastEnter, 0, tinfo.lastEnterCpu, 0)) {
            return false;
        }
        if (enter.type() != exitType - 1) {
            tinfo.lastEventDataValid = false;
            return false;
        }
        enterRetrieved = true;
        return true;
    }

    private void dispatch(EventView ev, int type) {
        switch (type) {
            case READ_X, WRITE_X, RECV_X, SEND_X, RECVFROM_X, RECVMSG_X, SENDTO_X, SENDMSG_X, READV_X, WRITEV_X,
                 PREAD_X, PWRITE_X, PREADV_X, PWRITEV_X -> parseReadWrite(ev, type);
            case OPEN_X, CREAT_X, OPENAT_X, OPENAT_2_X, OPENAT2_X -> parseOpen(ev, type);
            case CLONE_11_X, CLONE_16_X, CLONE_17_X, CLONE_20_X, FORK_X, FORK_17_X, FORK_20_X, VFORK_X, VFORK_17_X,
                 VFORK_20_X, CLONE3_X -> parseClone(ev, type);
            case EXECVE_8_X, EXECVE_13_X, EXECVE_14_X, EXECVE_15_X, EXECVE_16_X, EXECVE_17_X, EXECVE_18_X,
                 EXECVE_19_X, EXECVEAT_X -> parseExecve(ev, type);
            case PROCEXIT_E, PROCEXIT_1_E -> parseThreadExit();
            case PIPE_X -> parsePipe(ev);
            case SOCKET_X -> parseSocket(ev);
            case BIND_X -> parseBind(ev);
            case CONNECT_E -> parseConnectEnter(ev);
            case CONNECT_X -> parseConnectExit(ev);
            case ACCEPT_X, ACCEPT_5_X, ACCEPT4_X, ACCEPT4_5_X -> parseAccept(ev);
            case CLOSE_E -> {
                if (fdinfo != null) {
                    fdinfo.closeInProgress = true;
                }
            }
            case CLOSE_X -> parseCloseExit(ev);
            case FCNTL_X -> parseFcntlExit(ev);
            case EVENTFD_X -> addSimpleFd(ev, FdType.EVENT);
            case SIGNALFD_X -> addSimpleFd(ev, FdType.SIGNALFD);
            case TIMERFD_CREATE_X -> addSimpleFd(ev, FdType.TIMERFD);
            case INOTIFY_INIT_X -> addSimpleFd(ev, FdType.INOTIFY);
            case CHDIR_X -> parseChdir(ev);
            case FCHDIR_X -> parseFchdir(ev);
            case GETCWD_X -> parseChdir(ev);
            case DUP_X -> parseDup(ev);
            case SOCKETPAIR_X -> parseSocketpair(ev);
            case BRK_4_X, MMAP_X, MMAP2_X, MUNMAP_X -> parseMemory(ev);
            case SETUID_X -> parseSetId(ev, true);
            case SETGID_X -> parseSetId(ev, false);
            case SETRESUID_X -> parseSetResId(ev, true);
            case SETRESGID_X -> parseSetResId(ev, false);
            case SETSID_X -> {
                if (tinfo != null && ev.paramAsLong(0, true) >= 0) {
                    tinfo.sid = ev.paramAsLong(0, true);
                }
            }
            case CHROOT_X -> {
                if (tinfo != null && ev.paramAsLong(0, true) == 0 && ev.paramCount() > 1) {
                    tinfo.root = ev.paramAsString(1);
                }
            }
            case GETSOCKOPT_X -> {
                // the fd is a parameter of the exit (the enter has none): sinsp takes it from there, whatever the
                // result, so the event has the socket's fields
                if (tinfo != null && ev.paramCount() > 1) {
                    tinfo.lastEventFd = ev.paramAsLong(1, true);
                    fdinfo = tinfo.fds.get(tinfo.lastEventFd);
                }
            }
            case SCHEDSWITCH_1_E -> parseContextSwitch(ev);
            default -> {
            }
        }
    }

    // ---- parsers --------------------------------------------------------------------------------------------

    private String str(EventView ev, int i) {
        return ev.hasParam(i) ? ev.paramAsString(i) : "";
    }

    private static boolean isNullName(EventView e, int i) {
        if (!e.hasParam(i) || e.paramLen(i) == 0) {
            return true;
        }
        return e.paramLen(i) == 7 && "(NULL)".equals(e.paramAsString(i));
    }

    private void parseOpen(EventView ev, int type) {
        if (tinfo == null) {
            return;
        }
        boolean haveEnter = retrieveEnter(type);
        long fd = ev.paramAsLong(0, true);
        String name;
        long flags;
        int dev = 0;
        String dir;
        switch (type) {
            case OPEN_X -> {
                name = str(ev, 1);
                flags = ev.paramAsLong(2, false);
                if (ev.paramCount() > 4) {
                    dev = (int) ev.paramAsLong(4, false);
                }
                if (haveEnter && enter.paramCount() >= 2 && !isNullName(enter, 0)) {
                    name = enter.paramAsString(0);
                    flags = enter.paramAsLong(1, false);
                }
                dir = cwd(tinfo);
            }
            case CREAT_X -> {
                name = str(ev, 1);
                flags = 0;
                if (ev.paramCount() > 3) {
                    dev = (int) ev.paramAsLong(3, false);
                }
                if (haveEnter && enter.paramCount() >= 1 && !isNullName(enter, 0)) {
                    name = enter.paramAsString(0);
                }
                dir = cwd(tinfo);
            }
            case OPENAT_X -> {
                if (!haveEnter || enter.paramCount() < 3) {
                    return;
                }
                name = enter.paramAsString(1);
                flags = enter.paramAsLong(2, false);
                dir = dirfdBase(name, enter.paramAsLong(0, true));
            }
            default -> {
                name = str(ev, 2);
                flags = ev.paramAsLong(3, false);
                long dirfd = ev.paramAsLong(1, true);
                if (type == OPENAT_2_X && ev.paramCount() > 5) {
                    dev = (int) ev.paramAsLong(5, false);
                }
                if (haveEnter && enter.paramCount() >= 3 && !isNullName(enter, 1)) {
                    name = enter.paramAsString(1);
                    flags = enter.paramAsLong(2, false);
                    dirfd = enter.paramAsLong(0, true);
                }
                dir = dirfdBase(name, dirfd);
            }
        }
        String full = Paths.concatenate(dir, name);
        if (fd >= 0) {
            FdInfo f = new FdInfo();
            f.type = (flags & PPM_O_DIRECTORY) != 0 ? FdType.DIRECTORY : FdType.FILE_V2;
            f.openFlags = (int) flags;
            f.dev = dev;
            f.setName(full);
            fdinfo = addFd(tinfo, fd, f);
        }
    }

    /** Adds an fd to the thread's table; like sysdig, this makes it the thread's last used fd. */
    private static FdInfo addFd(ThreadInfo t, long fd, FdInfo f) {
        t.lastEventFd = fd;
        return t.fds.put(fd, f);
    }

    private String cwd(ThreadInfo t) {
        ThreadInfo main = t.isMain() ? t : threads.get(t.pid);
        String c = main != null ? main.cwd : t.cwd;
        return c == null ? "/" : c;
    }

    private String dirfdBase(String name, long dirfd) {
        boolean absolute = !name.isEmpty() && name.charAt(0) == '/';
        if (!absolute && dirfd != AT_FDCWD) {
            fdinfo = tinfo.fds.get(dirfd);
        }
        return dirfdBase(tinfo, absolute, dirfd);
    }

    /**
     * The directory that a path given relative to {@code dirfd} (the *at calls) joins, as the state resolves it:
     * "." for an absolute path, the process's working directory for AT_FDCWD, else the directory fd's name and
     * '/', or "<UNKNOWN>" when the thread has no such fd. Without a thread: "" for AT_FDCWD, "<UNKNOWN>" else.
     */
    public String dirfdBase(ThreadInfo t, boolean absolute, long dirfd) {
        if (absolute) {
            return ".";
        }
        if (dirfd == AT_FDCWD) {
            return t == null ? "" : cwd(t);
        }
        FdInfo d = t == null ? null : t.fds.get(dirfd);
        return d == null ? "<UNKNOWN>" : d.name() + "/";
    }

    private void parseSocket(EventView ev) {
        if (tinfo == null) {
            return;
        }
        long fd = ev.paramAsLong(0, true);
        if (fd < 0 || !retrieveEnter(SOCKET_X) || enter.paramCount() < 3) {
            return;
        }
        long domain = enter.paramAsLong(0, false);
        long stype = enter.paramAsLong(1, false);
        long proto = enter.paramAsLong(2, false);
        FdInfo f = new FdInfo();
        f.type = FdType.UNKNOWN;
        if (domain == 1) {
            f.type = FdType.UNIX_SOCK;
        } else if (domain == 2 || domain == 10) {
            f.type = domain == 2 ? FdType.IPV4_SOCK : FdType.IPV6_SOCK;
            int l4 = FdInfo.L4_UNKNOWN;
            boolean raw = stype == 3;
            if (proto == 6) {
                l4 = raw ? FdInfo.L4_RAW : FdInfo.L4_TCP;
            } else if (proto == 17) {
                l4 = raw ? FdInfo.L4_RAW : FdInfo.L4_UDP;
            } else if (proto == 0) {
                if ((stype & 0xff) == 1) {
                    l4 = FdInfo.L4_TCP;
                } else if ((stype & 0xff) == 2) {
                    l4 = FdInfo.L4_UDP;
                }
            } else if (proto == 1) {
                l4 = raw ? FdInfo.L4_RAW : FdInfo.L4_ICMP;
            } else if (proto == 255) {
                l4 = FdInfo.L4_RAW;
            }
            f.l4proto = l4;
        } else if (domain == 16) {
            f.type = FdType.NETLINK;
        } else {
            if (domain != 10 && domain != 17) {
                // other families stay unknown-typed sockets, as sysdig leaves them
            }
        }
        if (f.type == FdType.UNKNOWN) {
            f.type = FdType.UNKNOWN;
        }
        fdinfo = addFd(tinfo, fd, f);
    }

    private void parseBind(EventView ev) {
        if (fdinfo == null || ev.paramAsLong(0, true) < 0 || ev.paramLen(1) == 0) {
            return;
        }
        byte[] b = ev.buffer();
        int o = ev.paramOffset(1);
        int fam = b[o];
        FdInfo f = fdinfo;
        if (fam == 2 && ev.paramLen(1) >= 7) {
            int port = Short.toUnsignedInt(EventView.u16(b, o + 5));
            if (port > 0) {
                ServerSocketBytes.bound(f);
                f.type = FdType.IPV4_SERVSOCK;
                f.sip = EventView.i32(b, o + 1);
                f.sport = port;
                f.role = FdInfo.ROLE_SERVER;
            }
        } else if (fam == 10 && ev.paramLen(1) >= 19) {
            int port = Short.toUnsignedInt(EventView.u16(b, o + 17));
            if (port > 0) {
                if (NetFormat.isV4Mapped(b, o + 1)) {
                    ServerSocketBytes.bound(f);
                    f.type = FdType.IPV4_SERVSOCK;
                    f.sip = EventView.i32(b, o + 13);
                } else {
                    f.type = FdType.IPV6_SERVSOCK;
                    f.sip6 = java.util.Arrays.copyOfRange(b, o + 1, o + 17);
                }
                f.sport = port;
                f.role = FdInfo.ROLE_SERVER;
            }
        }
        f.setName(ParamText.sockaddr(b, o, ev.paramLen(1), f.l4proto, portNames));
    }

    private void parseConnectEnter(EventView ev) {
        if (fdinfo == null || ev.paramCount() < 2 || ev.paramLen(1) == 0) {
            return;
        }
        byte[] b = ev.buffer();
        int o = ev.paramOffset(1);
        int fam = b[o];
        FdInfo f = fdinfo;
        if (fam == 2 && ev.paramLen(1) >= 7) {
            f.type = FdType.IPV4_SOCK;
            f.dip = EventView.i32(b, o + 1);
            f.dport = Short.toUnsignedInt(EventView.u16(b, o + 5));
        } else if (fam == 10 && ev.paramLen(1) >= 19) {
            int port = Short.toUnsignedInt(EventView.u16(b, o + 17));
            if (NetFormat.isV4Mapped(b, o + 1)) {
                f.type = FdType.IPV4_SOCK;
                f.dip = EventView.i32(b, o + 13);
            } else {
                f.type = FdType.IPV6_SOCK;
                f.dip6 = java.util.Arrays.copyOfRange(b, o + 1, o + 17);
            }
            f.dport = port;
        } else {
            f.setName(ParamText.sockaddr(b, o, ev.paramLen(1), f.l4proto, portNames));
        }
    }

    private void parseConnectExit(EventView ev) {
        if (fdinfo == null) {
            return;
        }
        long res = ev.paramAsLong(0, true);
        if (res < 0 && res != -115) {
            return;
        }
        fdinfo.socketConnected = true;
        if (ev.paramLen(1) == 0) {
            return;
        }
        fillClientSocket(ev.buffer(), ev.paramOffset(1), ev.paramLen(1), fdinfo);
    }

    private void fillClientSocket(byte[] b, int o, int len, FdInfo f) {
        int fam = b[o];
        if (fam == 2 || fam == 10) {
            boolean changed;
            if (fam == 10) {
                if (len < 37) {
                    return;
                }
                if (!(NetFormat.isV4Mapped(b, o + 1) && NetFormat.isV4Mapped(b, o + 19))) {
                    f.type = FdType.IPV6_SOCK;
                    changed = setV6(f, b, o);
                } else {
                    asIpv4Tuple(f);
                    changed = setV4(f, EventView.i32(b, o + 13), u16(b, o + 17), EventView.i32(b, o + 31),
                            u16(b, o + 35));
                }
            } else {
                if (len < 13) {
                    return;
                }
                asIpv4Tuple(f);
                changed = setV4(f, EventView.i32(b, o + 1), u16(b, o + 5), EventView.i32(b, o + 7), u16(b, o + 11));
            }
            if (changed && f.isServer() && f.isUdp()) {
                swap(f);
            }
            f.setName(NetFormat.socketName(f, portNames));
        } else {
            f.setName(ParamText.socktuple(b, o, len, f.l4proto, portNames));
            if (fam == 1 && len >= 17) {
                f.unixSource = EventView.i64(b, o + 1);
                f.unixDest = EventView.i64(b, o + 9);
            }
        }
        if (f.role == FdInfo.ROLE_NONE) {
            f.role = FdInfo.ROLE_CLIENT;
        }
    }

    /** The fd becomes an IPv4 tuple; a server socket is then read as sinsp reads its union ({@link ServerSocketBytes}). */
    private static void asIpv4Tuple(FdInfo f) {
        if (f.type == FdType.IPV4_SERVSOCK) {
            ServerSocketBytes.asTuple(f);
        }
        f.type = FdType.IPV4_SOCK;
    }

    private static int u16(byte[] b, int o) {
        return Short.toUnsignedInt(EventView.u16(b, o));
    }

    /** sysdig's address update: the source side always, the destination only where it is still unset. */
    private static boolean setV4(FdInfo f, int sip, int sport, int dip, int dport) {
        if (f.type == FdType.IPV4_SOCK) {
            if (f.sip == sip && f.sport == sport && f.dip == dip && f.dport == dport
                    || f.sip == dip && f.sport == dport && f.dip == sip && f.dport == sport) {
                return false;
            }
        }
        boolean changed = false;
        if (f.sip != sip) {
            f.sip = sip;
            changed = true;
        }
        if (f.sport != sport) {
            f.sport = sport;
            changed = true;
        }
        if (f.dip == 0) {
            f.dip = dip;
            changed = true;
        }
        if (f.dport == 0) {
            f.dport = dport;
            changed = true;
        }
        return changed;
    }

    private static final byte[] ZERO16 = new byte[16];

    private static boolean setV6(FdInfo f, byte[] b, int o) {
        int sport = u16(b, o + 17);
        int dport = u16(b, o + 35);
        byte[] fs = f.sip6 == null ? ZERO16 : f.sip6;
        byte[] fd = f.dip6 == null ? ZERO16 : f.dip6;
        boolean sSame = java.util.Arrays.equals(b, o + 1, o + 17, fs, 0, 16);
        if (f.type == FdType.IPV6_SOCK) {
            if (sSame && sport == f.sport && java.util.Arrays.equals(b, o + 19, o + 35, fd, 0, 16) && dport == f.dport
                    || java.util.Arrays.equals(b, o + 19, o + 35, fs, 0, 16) && dport == f.sport
                    && java.util.Arrays.equals(b, o + 1, o + 17, fd, 0, 16) && sport == f.dport) {
                return false;
            }
        }
        byte[] d = java.util.Arrays.copyOfRange(b, o + 19, o + 35);
        boolean changed = false;
        if (!sSame) {
            f.sip6 = java.util.Arrays.copyOfRange(b, o + 1, o + 17);
            changed = true;
        }
        if (f.sport != sport) {
            f.sport = sport;
            changed = true;
        }
        if (java.util.Arrays.equals(fd, ZERO16)) {
            f.dip6 = d;
            changed = true;
        }
        if (f.dport == 0) {
            f.dport = dport;
            changed = true;
        }
        return changed;
    }

    private static void swap(FdInfo f) {
        int ip = f.sip;
        f.sip = f.dip;
        f.dip = ip;
        byte[] ip6 = f.sip6;
        f.sip6 = f.dip6;
        f.dip6 = ip6;
        int p = f.sport;
        f.sport = f.dport;
        f.dport = p;
    }

    private void parseReadWrite(EventView ev, int type) {
        if (fdinfo == null) {
            return;
        }
        long res = ev.paramAsLong(0, true);
        if (res < 0) {
            return;
        }
        FdInfo f = fdinfo;
        if (f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK) {
            f.socketConnected = true;
        }
        boolean reads = (ev.info().flags() & EventFlags.READS_FROM_FD) != 0;
        if (reads) {
            int tp = type == RECVFROM_X ? 2 : type == RECVMSG_X ? 3 : -1;
            if (tp >= 0 && ev.paramCount() > tp && (f.name().isEmpty() || f.l4proto != FdInfo.L4_TCP)) {
                updateFromTuple(f, ev.buffer(), ev.paramOffset(tp), ev.paramLen(tp), true);
            }
        } else {
            int tp = type == SENDTO_X || type == SENDMSG_X ? 2 : -1;
            if (tp >= 0 && (f.name().isEmpty() || f.l4proto != FdInfo.L4_TCP)) {
                if (!retrieveEnter(type) || enter.paramCount() <= tp) {
                    return;
                }
                updateFromTuple(f, enter.buffer(), enter.paramOffset(tp), enter.paramLen(tp), false);
            }
        }
    }

    private void updateFromTuple(FdInfo f, byte[] b, int o, int len, boolean incoming) {
        if (len == 0) {
            return;
        }
        int fam = b[o];
        boolean changed;
        if (fam == 2) {
            if (len < 13) {
                return;
            }
            asIpv4Tuple(f);
            changed = setV4(f, EventView.i32(b, o + 1), u16(b, o + 5), EventView.i32(b, o + 7), u16(b, o + 11));
        } else if (fam == 10) {
            if (len < 37) {
                return;
            }
            if (NetFormat.isV4Mapped(b, o + 1) && NetFormat.isV4Mapped(b, o + 19)) {
                asIpv4Tuple(f);
                changed = setV4(f, EventView.i32(b, o + 13), u16(b, o + 17), EventView.i32(b, o + 31),
                        u16(b, o + 35));
            } else {
                changed = setV6(f, b, o);
                if (!changed) {
                    return;
                }
            }
        } else if (fam == 1) {
            // as sinsp: the unix tuple's ends are kept, and the fd is named after the whole tuple as an event prints it
            f.type = FdType.UNIX_SOCK;
            if (len >= 17) {
                f.unixSource = EventView.i64(b, o + 1);
                f.unixDest = EventView.i64(b, o + 9);
                f.setName(ParamText.socktuple(b, o, len, f.l4proto, portNames));
            }
            return;
        } else {
            return;
        }
        if (!changed) {
            return;
        }
        if ((f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK) && f.l4proto == FdInfo.L4_UNKNOWN) {
            f.l4proto = FdInfo.L4_UDP;
        }
        NetworkInterfaces.inferAddresses(f, interfaces);
        if (f.type == FdType.IPV4_SOCK || f.type == FdType.IPV6_SOCK) {
            if (f.role == FdInfo.ROLE_NONE) {
                guessRole(f, incoming);
            }
            if (incoming ? f.isClient() : f.isServer()) {
                swap(f);
            }
            f.setName(NetFormat.socketName(f, portNames));
        } else {
            f.setName(ParamText.socktuple(b, o, len, f.l4proto, portNames));
        }
    }

    /**
     * sinsp's guess of a socket's role: server when the process owns the destination port, client when it does
     * not; when it owns both that port and the source port (the socket itself counts for both), the first transfer
     * decides (a read makes a server). sinsp reads both ports through its IPv4 view of the socket, which for an
     * IPv6 socket are bytes 8 to 11 of the source address.
     */
    private void guessRole(FdInfo f, boolean incoming) {
        int dport = v4ViewDport(f);
        int sport = v4ViewSport(f);
        roleBound = false;
        roleClientPort = false;
        tinfo.fds.forEach(o -> {
            if (o.type == FdType.IPV4_SOCK && o.dport == dport || o.type == FdType.IPV4_SERVSOCK && o.sport == dport) {
                roleBound = true;
            }
            if (o.type == FdType.IPV4_SOCK && o.sport == sport) {
                roleClientPort = true;
            }
        });
        if (!roleBound) {
            f.role = FdInfo.ROLE_CLIENT;
        } else if (!roleClientPort) {
            f.role = FdInfo.ROLE_SERVER;
        } else {
            f.role = incoming ? FdInfo.ROLE_SERVER : FdInfo.ROLE_CLIENT;
        }
    }

    private boolean roleBound;
    private boolean roleClientPort;

    private static int v4ViewSport(FdInfo f) {
        return f.type == FdType.IPV6_SOCK ? sip6Port(f, 8) : f.sport;
    }

    private static int v4ViewDport(FdInfo f) {
        return f.type == FdType.IPV6_SOCK ? sip6Port(f, 10) : f.dport;
    }

    private static int sip6Port(FdInfo f, int i) {
        return f.sip6 == null ? 0 : (f.sip6[i] & 0xFF) | (f.sip6[i + 1] & 0xFF) << 8;
    }

    private void parseAccept(EventView ev) {
        if (tinfo == null) {
            return;
        }
        long fd = ev.paramAsLong(0, true);
        if (fd < 0) {
            return;
        }
        tinfo.lastEventFd = fd;
        if (ev.paramLen(1) == 0) {
            return;
        }
        byte[] b = ev.buffer();
        int o = ev.paramOffset(1);
        int len = ev.paramLen(1);
        int fam = b[o];
        FdInfo f = new FdInfo();
        if (fam == 2 && len >= 13) {
            f.type = FdType.IPV4_SOCK;
            setV4(f, EventView.i32(b, o + 1), u16(b, o + 5), EventView.i32(b, o + 7), u16(b, o + 11));
            f.l4proto = FdInfo.L4_TCP;
        } else if (fam == 10 && len >= 37) {
            if (NetFormat.isV4Mapped(b, o + 1) && NetFormat.isV4Mapped(b, o + 19)) {
                f.type = FdType.IPV4_SOCK;
                setV4(f, EventView.i32(b, o + 13), u16(b, o + 17), EventView.i32(b, o + 31), u16(b, o + 35));
            } else {
                f.type = FdType.IPV6_SOCK;
                setV6(f, b, o);
            }
            f.l4proto = FdInfo.L4_TCP;
        } else if (fam == 1) {
            f.type = FdType.UNIX_SOCK;
            if (len >= 17) {
                f.unixSource = EventView.i64(b, o + 1);
                f.unixDest = EventView.i64(b, o + 9);
            }
        } else {
            return;
        }
        f.setName(ParamText.socktuple(b, o, len, f.l4proto, portNames));
        f.role = FdInfo.ROLE_SERVER;
        f.socketConnected = true;
        fdinfo = addFd(tinfo, fd, f);
    }

    private void parseCloseExit(EventView ev) {
        long res = ev.paramAsLong(0, true);
        if (res >= 0) {
            if (fdinfo == null || tinfo == null) {
                return;
            }
            deferFdRemoval(tinfo, tinfo.lastEventFd);
        } else if (fdinfo != null) {
            fdinfo.closeInProgress = false;
        }
    }

    private void deferFdRemoval(ThreadInfo owner, long fd) {
        if (fdOwnerToClean != null && fdOwnerToClean != owner) {
            applyDeferredFdsNow();
        }
        fdOwnerToClean = owner;
        if (nFdsToRemove == fdsToRemove.length) {
            fdsToRemove = java.util.Arrays.copyOf(fdsToRemove, nFdsToRemove * 2);
        }
        fdsToRemove[nFdsToRemove++] = fd;
    }

    private void applyDeferredFdsNow() {
        for (int i = 0; i < nFdsToRemove; i++) {
            fdOwnerToClean.fds.remove(fdsToRemove[i]);
        }
        nFdsToRemove = 0;
    }

    private void parsePipe(EventView ev) {
        if (tinfo == null || ev.paramAsLong(0, true) < 0 || ev.paramCount() < 4) {
            return;
        }
        long ino = ev.paramAsLong(3, false);
        for (int i = 1; i <= 2; i++) {
            FdInfo f = new FdInfo();
            f.type = FdType.FIFO;
            f.ino = ino;
            f.setName("");
            addFd(tinfo, ev.paramAsLong(i, true), f);
        }
    }

    private void parseSocketpair(EventView ev) {
        if (tinfo == null || ev.paramAsLong(0, true) < 0 || ev.paramCount() < 5) {
            return;
        }
        long src = ev.paramAsLong(3, false);
        long peer = ev.paramAsLong(4, false);
        for (int i = 1; i <= 2; i++) {
            FdInfo f = new FdInfo();
            f.type = FdType.UNIX_SOCK;
            f.unixSource = src;
            f.unixDest = peer;
            f.setName("");
            addFd(tinfo, ev.paramAsLong(i, true), f);
        }
    }

    private void addSimpleFd(EventView ev, FdType type) {
        if (tinfo == null) {
            return;
        }
        long fd = ev.paramAsLong(0, true);
        if (fd < 0) {
            return;
        }
        FdInfo f = new FdInfo();
        f.type = type;
        f.setName("");
        fdinfo = addFd(tinfo, fd, f);
    }

    private void parseDup(EventView ev) {
        if (tinfo == null) {
            return;
        }
        long res = ev.paramAsLong(0, true);
        if (res < 0 || fdinfo == null) {
            return;
        }
        if (res == tinfo.lastEventFd) {
            return;
        }
        FdInfo c = fdinfo.copy();
        addFd(tinfo, res, c);
    }

    /** An fcntl enter whose command makes a new fd: sinsp keeps only those enters for the exit to find. */
    private static boolean isDupfdCommand(EventView ev) {
        if (ev.paramCount() < 2) {
            return false;
        }
        long cmd = ev.paramAsLong(1, false);
        return cmd == PPM_FCNTL_F_DUPFD || cmd == PPM_FCNTL_F_DUPFD_CLOEXEC;
    }

    /**
     * As sinsp does, the exit adds its result to the table as a copy of the fd it was called on whenever the kept
     * enter is an fcntl's; that enter may be an earlier F_DUPFD's when this call's command was another one.
     */
    private void parseFcntlExit(EventView ev) {
        if (tinfo == null || !retrieveEnter(FCNTL_X)) {
            return;
        }
        long res = ev.paramAsLong(0, true);
        if (res >= 0 && fdinfo != null) {
            fdinfo = addFd(tinfo, res, fdinfo.copy());
        }
    }

    private void parseChdir(EventView ev) {
        if (tinfo == null || ev.paramAsLong(0, true) < 0 || ev.paramCount() < 2) {
            return;
        }
        // sinsp passes the parameter's length with its terminating NUL: an empty path still keeps the directory
        setCwd(ev.paramAsString(1), ev.paramLen(1) > 0);
    }

    /** sinsp's set_cwd: the path joined to the process's working directory, always ending in '/'. */
    private void setCwd(String path, boolean present) {
        ThreadInfo main = tinfo.isMain() ? tinfo : threads.get(tinfo.pid);
        String c = Paths.asCwd(cwd(tinfo), path, present);
        if (main != null) {
            main.cwd = c;
        }
        tinfo.cwd = c;
    }

    private void parseFchdir(EventView ev) {
        if (tinfo == null || ev.paramAsLong(0, true) < 0 || fdinfo == null) {
            return;
        }
        String name = fdinfo.name();
        setCwd(name, !name.isEmpty());
    }

    private void parseMemory(EventView ev) {
        if (tinfo == null || ev.paramCount() < 4) {
            return;
        }
        tinfo.vmsizeKb = ev.paramAsLong(1, false);
        tinfo.vmrssKb = ev.paramAsLong(2, false);
        tinfo.vmswapKb = ev.paramAsLong(3, false);
    }

    private void parseSetId(EventView ev, boolean user) {
        if (tinfo == null || ev.paramAsLong(0, true) != 0 || !retrieveEnter(ev.type())) {
            return;
        }
        int id = (int) enter.paramAsLong(0, false);
        if (user) {
            tinfo.uid = id;
        } else {
            tinfo.gid = id;
        }
    }

    private void parseSetResId(EventView ev, boolean user) {
        if (tinfo == null || ev.paramAsLong(0, true) != 0 || !retrieveEnter(ev.type()) || enter.paramCount() < 2) {
            return;
        }
        long id = enter.paramAsLong(1, false);
        if (id != 0xFFFFFFFFL) {
            if (user) {
                tinfo.uid = (int) id;
            } else {
                tinfo.gid = (int) id;
            }
        }
    }

    private void parseContextSwitch(EventView ev) {
        if (tinfo == null) {
            return;
        }
        if (ev.type() == SCHEDSWITCH_6_E && ev.paramCount() >= 6) {
            tinfo.pfmajor = ev.paramAsLong(1, false);
            tinfo.pfminor = ev.paramAsLong(2, false);
            // the memory figures describe the process: sysdig keeps them on the main thread
            ThreadInfo main = tinfo.isMain() ? tinfo : find(tinfo.pid);
            if (main == null) {
                main = getOrCreate(tinfo.pid);
            }
            main.vmsizeKb = ev.paramAsLong(3, false);
            main.vmrssKb = ev.paramAsLong(4, false);
            main.vmswapKb = ev.paramAsLong(5, false);
        }
        if (tinfo.lastSwitchTs != 0) {
            tinfo.execTime = ev.ts() - tinfo.lastSwitchTs;
            tinfo.totExecTime += tinfo.execTime;
        }
        tinfo.lastSwitchTs = ev.ts();
    }

    private void parseThreadExit() {
        if (tinfo == null) {
            return;
        }
        tinfo.flags |= ThreadInfo.CL_CLOSED;
        tidToRemove = tinfo.tid;
    }

    private void parseUserGroup(EventView ev, int type) {
        switch (type) {
            case USER_ADDED_E -> users.add(new UserRecord((int) ev.paramAsLong(0, false),
                    (int) ev.paramAsLong(1, false), str(ev, 2), str(ev, 3), str(ev, 4)));
            case USER_DELETED_E -> users.removeUser((int) ev.paramAsLong(0, false));
            case GROUP_ADDED_E -> users.add(new GroupRecord((int) ev.paramAsLong(0, false), str(ev, 1)));
            default -> users.removeGroup((int) ev.paramAsLong(0, false));
        }
    }

    private void parseExecve(EventView ev, int type) {
        if (ev.paramAsLong(0, true) < 0 || tinfo == null) {
            return;
        }
        ThreadInfo t = tinfo;
        t.exe = str(ev, 1);
        switch (type) {
            case EXECVE_8_X, EXECVE_13_X, EXECVE_14_X -> t.setComm(t.exe);
            default -> t.setComm(str(ev, 13));
        }
        t.args = argLists.decode(ev, 2);
        t.pid = ev.paramAsLong(4, true);
        if (t.ptid == -1) {
            t.ptid = ev.paramAsLong(5, true);
        }
        t.fdlimit = ev.paramAsLong(7, true);
        if (type != EXECVE_8_X && ev.paramCount() > 12) {
            t.pfmajor = ev.paramAsLong(8, false);
            t.pfminor = ev.paramAsLong(9, false);
            t.vmsizeKb = ev.paramAsLong(10, false);
            t.vmrssKb = ev.paramAsLong(11, false);
            t.vmswapKb = ev.paramAsLong(12, false);
        }
        switch (type) {
            case EXECVE_8_X -> {
            }
            case EXECVE_13_X, EXECVE_14_X -> {
                if (type == EXECVE_14_X) {
                    t.env = envLists.decode(ev, 13);
                }
            }
            case EXECVE_15_X -> t.env = envLists.decode(ev, 14);
            default -> t.env = envLists.decode(ev, 15);
        }
        if (type != EXECVE_8_X && type != EXECVE_13_X && ev.paramCount() > 14) {
            t.cgroups = cgroupLists.decode(ev, 14);
            t.containerId = containerIdOf(t.cgroups);
        }
        switch (type) {
            case EXECVE_18_X, EXECVE_19_X, EXECVEAT_X -> {
                if (ev.paramCount() > 17) {
                    t.vpgid = ev.paramAsLong(17, true);
                }
            }
            default -> {
            }
        }
        if ((type == EXECVE_19_X || type == EXECVEAT_X) && ev.paramCount() > 18) {
            t.loginuid = (int) ev.paramAsLong(18, true);
        }
        if (type == EXECVE_19_X && retrieveEnter(type) && enter.paramCount() > 0) {
            String fn = enter.paramAsString(0);
            t.exepath = fn.equals("<NA>") ? "<NA>" : Paths.concatenate(cwd(t), fn);
        }
        t.flags &= ~ThreadInfo.CL_NAME_CHANGED;
    }

    /** Whether the thread is a stand-in made up for a tid the capture never described. */
    static boolean isMadeUp(ThreadInfo t) {
        return t.uid == -1 && t.comm().equals("<NA>");
    }

    private String cloneComm(EventView ev, int type) {
        return switch (type) {
            case CLONE_11_X, CLONE_16_X, FORK_X, VFORK_X -> str(ev, 1);
            default -> str(ev, 13);
        };
    }

    /** The container of a thread with these cgroups (the last answer is kept: threads mostly share them). */
    private String containerIdOf(List<String> cgroups) {
        if (cgroups != idCgroups && !cgroups.equals(idCgroups)) {
            idOfCgroups = Containers.idFromCgroups(cgroups);
            idCgroups = cgroups;
        }
        return idOfCgroups;
    }

    private final RepeatedList argLists = new RepeatedList();
    private final RepeatedList envLists = new RepeatedList();
    private final RepeatedList cgroupLists = new RepeatedList();
    private List<String> idCgroups = List.of();
    private String idOfCgroups = "";

    private void parseClone(EventView ev, int type) {
        long tid = ev.tid();
        long childtid = ev.paramAsLong(0, true);
        int flagsIdx = switch (type) {
            case CLONE_11_X -> 8;
            case CLONE_16_X, FORK_X, VFORK_X -> 13;
            case CLONE_17_X, FORK_17_X, VFORK_17_X -> 14;
            default -> 15;
        };
        int flags = (int) ev.paramAsLong(flagsIdx, false);
        if (childtid < 0) {
            return;
        }
        long vtid = tid;
        long vpid = -1;
        boolean v20 = type == CLONE_20_X || type == FORK_20_X || type == VFORK_20_X || type == CLONE3_X;
        if (v20 && ev.paramCount() > 19) {
            vtid = ev.paramAsLong(18, true);
            vpid = ev.paramAsLong(19, true);
        }
        boolean inContainer = (flags & ThreadInfo.CL_CHILD_IN_PIDNS) != 0 || tid != vtid;
        boolean inverted = false;
        if (childtid == 0) {
            if (tinfo != null && tinfo.cloneTs != 0 && ev.ts() - tinfo.cloneTs > CLONE_STALE_TIME_NS) {
                removeThread(tid, true);
                tinfo = null;
            }
            long parenttid = (flags & ThreadInfo.CL_CLONE_THREAD) != 0 ? ev.paramAsLong(4, true)
                    : ev.paramAsLong(5, true);
            if (tinfo == null) {
                inverted = true;
                childtid = tid;
                tid = parenttid;
            } else {
                if (inContainer) {
                    tinfo.vtid = vtid;
                    tinfo.vpid = vpid;
                }
                return;
            }
        } else if (inContainer) {
            return;
        }
        ThreadInfo parent = getOrCreate(tid);
        boolean collision = false;
        ThreadInfo existing = threads.get(childtid);
        if (existing != null) {
            if ((existing.flags & ThreadInfo.CL_CLONE_INVERTED) != 0) {
                return;
            }
            removeThread(childtid, true);
            collision = true;
        }
        ThreadInfo c = new ThreadInfo();
        c.tid = childtid;
        c.ptid = tid;
        boolean thread = (flags & ThreadInfo.CL_CLONE_THREAD) != 0;
        if (!isMadeUp(parent)) {
            c.copyIdentityFrom(parent);
            if (!thread) {
                c.env = parent.env;
            }
        } else {
            // a made-up caller: sinsp drops it and looks it up again, which makes up a fresh entry, and gives it
            // the program the event names
            removeThread(tid, true);
            collision = true;
            parent = getOrCreate(tid);
            parent.setComm(cloneComm(ev, type));
            parent.exe = str(ev, 1);
            parent.exepath = c.exepath;
            parent.args = argLists.decode(ev, 2);
        }
        c.pid = thread ? ev.paramAsLong(4, true) : childtid;
        if (thread) {
            c.fds = parent.fds;
        } else {
            c.fds = parent.fds.copy();
        }
        c.exe = str(ev, 1);
        c.setComm(cloneComm(ev, type));
        c.args = argLists.decode(ev, 2);
        if (!thread) {
            c.cwd = cwd(parent);
        }
        c.fdlimit = ev.paramAsLong(7, true);
        if (type != CLONE_11_X && ev.paramCount() > 12) {
            c.pfmajor = ev.paramAsLong(8, false);
            c.pfminor = ev.paramAsLong(9, false);
            c.vmsizeKb = ev.paramAsLong(10, false);
            c.vmrssKb = ev.paramAsLong(11, false);
            c.vmswapKb = ev.paramAsLong(12, false);
        }
        c.flags = flags;
        if (inverted) {
            c.flags |= ThreadInfo.CL_CLONE_INVERTED;
        }
        int uidIdx = flagsIdx + 1;
        c.uid = (int) ev.paramAsLong(uidIdx, false);
        c.gid = (int) ev.paramAsLong(uidIdx + 1, false);
        if (inContainer) {
            c.vtid = vtid;
            c.vpid = vpid;
        } else {
            c.vtid = childtid;
            c.vpid = c.pid;
        }
        if (v20) {
            c.cgroups = cgroupLists.decode(ev, 14);
            c.containerId = containerIdOf(c.cgroups);
        }
        c.cloneTs = ev.ts();
        countInMainThread(c);
        putThread(c);
        if (collision) {
            // the entry of the event's thread may have been replaced: look it up again
            tinfo = find(ev.tid());
        }
    }
}
