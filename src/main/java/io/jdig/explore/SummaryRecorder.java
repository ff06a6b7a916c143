package io.jdig.explore;

import io.jdig.event.ByteBuf;
import io.jdig.event.EventTable;
import io.jdig.event.EventView;
import io.jdig.field.EventContext;
import io.jdig.field.Field;
import io.jdig.field.FieldRegistry;
import io.jdig.state.FdInfo;
import io.jdig.state.FdType;
import io.jdig.state.StateEngine;
import io.jdig.state.ThreadInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the overview ({@link Summary}) as the {@code wsysdig_summary} chisel would, in one read of the capture.
 *
 * <p>The chisel reads a capture twice: once for its duration, then again with samples of a 399th of it. Here the
 * capture is read once: while it is read, each event's contribution (a count, bytes, a file or port that was
 * touched, a process that appeared or left the thread table) is logged against the event's number in a few
 * primitive arrays; once the duration is known, {@link #build} walks the events' times in the store (no decoding,
 * no state) and plays the log into the chisel's samples. Only events that contribute are logged. The same log
 * answers the overview of a time range (the chisel run with an {@code evt.rawtime} filter) with another walk.
 *
 * <p>Live, the overview is that of the events the ring holds (the views, dig and echo can only replay those), so
 * the log is pruned to them ({@link #pruneBefore}): before an event, when the log is nearly full, the entries of
 * events the ring has dropped go, their effect on the tables that carry over from sample to sample (processes,
 * those holding fds, containers, listening ports) folded into the tables the log starts from, and the interned
 * names and container sets no remaining entry uses go with them. Folding the dropped entries into per-sample
 * totals instead would keep sparklines over the whole session, but the samples of a live session are those of
 * the ring (its duration keeps growing, so the sample length keeps changing), and a tile's count of distinct
 * files or connections cannot be folded without keeping the names; so pruning to the ring is what keeps every
 * tile right. The log then holds at most twice the entries of the events in the ring (a pruned log is given
 * room for twice what it keeps), whatever the length of the session.
 */
final class SummaryRecorder implements StateEngine.TableObserver {
    /** The chisel's metrics, in the order it lists them. */
    enum M {
        notifications("Sysdig Secure Notifications", "general", "notifications", "", "NONE", -1, false, true),
        procCount("Running Processes", "general", "procs", "", "", -1, true, false),
        containerCount("Running Containers", "general", "containers", "", "", -1, true, false),
        syscallCount("System Calls", "general", "syscalls", "", "", -1, false, false),
        fileBytes("File Bytes In+Out", "file", "files", "", "fd.directory", 2, false, false),
        fileBytesR("File Bytes In", "file", "files", "", "fd.directory", 0, false, false),
        fileBytesW("File Bytes Out", "file", "files", "", "fd.directory", 1, false, false),
        fileCount("Accessed Files", "file", "files", "evt.is_io_read=true", "fd.directory", 2, false, true),
        fileCountW("Modified Files", "file", "files", "evt.is_io_write=true", "fd.directory", 1, false, true),
        netBytes("Net Bytes In+Out", "network", "sports", "", "fd.directory", 4, false, false),
        netBytesR("Net Bytes In", "network", "sports", "", "fd.sport", 2, false, false),
        netBytesW("Net Bytes Out", "network", "sports", "", "fd.sport", 3, false, false),
        connectionCount("Active Network Connections", "network", "connections", "evt.is_io=true", "fd.sport", 8,
                false, true),
        listeningPortCount("Listening Ports", "network", "port_bindings", "", "fd.sport", -1, true, true),
        newListeningPorts("New Listening Ports", "network", "port_bindings", "", "fd.sport", -1, false, true),
        newConnectionsO("New Outbound Connections", "network", "dig",
                "evt.type=connect and evt.dir=< and fd.sport exists", "NONE", -1, false, true),
        newConnectionsI("New Inbound Connections", "network", "dig",
                "evt.type=accept and evt.dir=< and fd.sport exists", "", -1, false, true),
        executedCommands("Executed Commands", "security", "spy_users_wsysdig", "", "", -1, false, false),
        executedInteractiveCommands("Executed Interactive Commands", "security", "spy_users_wsysdig",
                "proc.pname=bash", "NONE", -1, false, true),
        newSymLinksCount("New Symlinks", "security", "dig",
                "(evt.type=symlink or evt.type=symlinkat) and evt.dir=< and evt.failed = false", "NONE", -1, false,
                true),
        sysFileCountW("Modified System Files", "security", "files", "evt.is_io_write=true", "NONE", 1, false, true),
        sudoInvocations("Sudo Invocations", "security", "dig", "evt.type=execve and evt.arg.exe=sudo", "NONE", -1,
                false, true),
        setnsInvocations("Setns Invocations", "security", "dig", "evt.type=setns", "NONE", -1, false, true),
        newConnectionsSsh("New SSH Connections", "security", "dig",
                "(evt.type=accept or evt.type=connect) and evt.dir=< and fd.sport=22", "", -1, false, true),
        fileDeletionsCount("Deleted Files", "security", "dig", "evt.type=unlink or evt.type=unlinkat", "NONE", -1,
                false, true),
        sysReqCountHttp("HTTP Requests", "performance", "echo",
                "(fd.type=ipv4 or fd.type=ipv6) and evt.buffer contains \"HTTP/\"", "fd.directory", -1, false, true),
        sysErrCountHttp("HTTP Errors", "performance", "echo", "(fd.type=ipv4 or fd.type=ipv6) and evt.arg.data "
                + "startswith \"HTTP/\" and not evt.arg.data contains \"200\"", "fd.directory", -1, false, true),
        openErrorCount("File Open Errors", "performance", "dig", "evt.type=open and evt.rawres<0", "fd.directory", -1,
                false, true),
        forkCount("Fork Count", "performance", "dig", "evt.type=clone and evt.rawres=0", "NONE", -1, false, true),
        connectErrorCount("Failed Connection Attempts", "performance", "dig", "evt.type=connect and (fd.type=ipv4 "
                + "or fd.type=ipv6) and evt.rawres<0 and evt.res!=EINPROGRESS", "NONE", -1, false, true),
        signalCount("Received Signals", "performance", "dig", "evt.type=signaldeliver", "NONE", -1, false, true),
        segfaultCount("Segmentation Faults", "performance", "dig",
                "evt.type=signaldeliver and evt.arg.sig=SIGSEV", "NONE", -1, false, true),
        over1msFileIoCount("Slow File I/O calls (1ms+)", "performance", "slow_io", "", "NONE", 1, false, true),
        over10msFileIoCount("Slow File I/O calls (10ms+)", "performance", "slow_io", "", "NONE", 1, false, true),
        over100msFileIoCount("Slow File I/O calls (100ms+)", "performance", "slow_io", "", "NONE", 1, false, true),
        appLogCount("App Log Messages", "logs", "echo", LOG_FILES + " and evt.is_io_write=true", "NONE", -1, false,
                true),
        appLogCountW("App Log Warning Messages", "logs", "echo", LOG_FILES_I
                + " and evt.is_io_write=true and evt.arg.data icontains warn", "NONE", -1, false, true),
        appLogCountE("App Log Error Messages", "logs", "echo", LOG_FILES + " and evt.is_io_write=true and "
                + "(evt.arg.data icontains error or evt.arg.data icontains critic or evt.arg.data icontains emerg "
                + "or evt.arg.data icontains alert)", "NONE", -1, false, true),
        sysLogCount("Syslog Messages", "logs", "spy_syslog", "", "NONE", -1, false, true),
        sysLogCountW("Syslog Warning Messages", "logs", "spy_syslog", "syslog.severity=4", "NONE", -1, false, true),
        sysLogCountE("Syslog Error Messages", "logs", "spy_syslog", "syslog.severity<4", "NONE", -1, false, true),
        dockerEvtsCount("Docker Events", "infrastructure", "docker_events", "", "NONE", -1, false, true);

        final String title;
        final String category;
        final String view;
        final String filter;
        final String drill;
        final int sortCol;
        final boolean avg;
        final boolean excludable;

        M(String title, String category, String view, String filter, String drill, int sortCol, boolean avg,
          boolean excludable) {
            this.title = title;
            this.category = category;
            this.view = view;
            this.filter = filter;
            this.drill = drill;
            this.sortCol = sortCol;
            this.avg = avg;
            this.excludable = excludable;
        }
    }

    private static final String LOG_FILES = "((fd.name contains .log or fd.name contains _log or fd.name contains "
            + "/var/log) and not (fd.name contains .gz or fd.name contains .tgz))";
    private static final String LOG_FILES_I = "((fd.name contains .log or fd.name contains _log or fd.name contains "
            + "/var/log) and not (fd.name contains .gz or fd.name icontains .tgz))";

    // log codes beyond the metrics: changes of the thread table's processes, containers, listening ports;
    // per-sample distinct keys (files, connections); protocol and docker categories
    private static final int N = M.values().length;
    private static final int PROC_ADD = 1000;
    private static final int PROC_DEL = 1001;
    private static final int CONT_SET = 1002;
    private static final int PORT_CLOSE = 1003;
    private static final int PROTO = 1004;
    private static final int DOCKER = 1005;
    /** A process's main thread got its first fd, or lost its last (a thread table filtered on fds lists only those with one). */
    private static final int FDS_ON = 1006;
    private static final int FDS_OFF = 1007;

    /** Well-known ports and the protocol names the chisel gives them. */
    private static final Map<Integer, String> SERVICES = services();
    private static final List<String> PROTOCOLS = new ArrayList<>(new java.util.TreeSet<>(SERVICES.values()));

    private static Map<Integer, String> services() {
        Map<Integer, String> m = new HashMap<>();
        Object[] pairs = {80, "HTTP", 8080, "HTTP", 443, "HTTPs", 22, "SSH", 53, "DNS", 6666, "Sysdig Agent",
                6667, "Sysdig Agent", 6443, "Sysdig Agent", 2379, "etcd", 22379, "etcd", 3306, "mysql",
                5432, "postgres", 6379, "redis", 5984, "couchdb", 9880, "fluentd", 8125, "statsd", 4730, "gearman",
                50070, "hadoop", 8020, "hadoop", 9000, "hadoop", 60000, "hbase", 60010, "hbase", 60020, "hbase",
                60030, "hbase", 2181, "kafka", 1978, "Kyoto Tycoon", 11211, "memcached", 27017, "mongodb",
                27018, "mongodb", 27019, "mongodb", 28017, "mongodb", 5672, "rabbitmq", 8087, "riak", 8098, "riak",
                8983, "solr", 5555, "voltdb"};
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Integer) pairs[i], (String) pairs[i + 1]);
        }
        for (int p = 9200; p <= 9400; p++) {
            m.put(p, "elasticsearch");
        }
        return m;
    }

    private final StateEngine state;
    /** The fields events are read through; none in a copy, which reads no event. */
    private final Extractors fields;
    private final ByteBuf text = new ByteBuf(256);

    // the log: event number, code, value (a count, bytes, or an interned key)
    private long[] logOrd = new long[4096];
    private int[] logCode = new int[4096];
    private long[] logVal = new long[4096];
    private int logN;
    /** Raw events the loop did not deliver (leading container events, state-only events): their numbers. */
    private long[] skipped = new long[64];
    private int skippedN;
    private long nextDelivered;

    private KeyInterner keys = new KeyInterner();
    private final List<String> dockerNames = new ArrayList<>();
    private final Map<String, Integer> dockerIds = new HashMap<>();

    private boolean tableDirty = true;
    private final Set<Long> procs = new HashSet<>();
    /** Processes whose main thread holds at least one fd, as last logged. */
    private final Set<Long> withFds = new HashSet<>();
    private Set<String> containerIds = Set.of();
    private final Map<String, String> containerNames = new TreeMap<>();
    /**
     * The tables as they were before the first event the log still holds: at the start of the capture (the ports
     * servers listened on then), or, live, at the point the log was last pruned to.
     */
    private final Set<Long> basePorts = new HashSet<>();
    private final Tables base = new Tables(new HashSet<>(), new HashSet<>(), Set.of());
    private long firstTs;
    private long lastTs;
    private long delivered;
    /** Sections the capture had (a second one means the state was started again mid-way). */
    int sections;

    SummaryRecorder(StateEngine state) {
        this.state = state;
        this.fields = new Extractors();
    }

    /**
     * A copy of what {@link #build} reads: the log, the tables before it, the names, the times. Live, it is taken
     * under the recorder's lock and built from without it, so the capture waits for the copy only, not for a read
     * of the ring.
     */
    SummaryRecorder frozen() {
        return new SummaryRecorder(this);
    }

    private SummaryRecorder(SummaryRecorder o) {
        this.state = null;
        this.fields = null;
        logOrd = Arrays.copyOf(o.logOrd, o.logN);
        logCode = Arrays.copyOf(o.logCode, o.logN);
        logVal = Arrays.copyOf(o.logVal, o.logN);
        logN = o.logN;
        skipped = Arrays.copyOf(o.skipped, o.skippedN);
        skippedN = o.skippedN;
        nextDelivered = o.nextDelivered;
        dockerNames.addAll(o.dockerNames);
        containerNames.putAll(o.containerNames);
        basePorts.addAll(o.basePorts);
        base.procs.addAll(o.base.procs);
        base.withFds.addAll(o.base.withFds);
        base.containers = o.base.containers; // the sets of container ids are never changed once made
        containerSets = new ArrayList<>(o.containerSets);
        containerKeys.putAll(o.containerKeys);
        firstTs = o.firstTs;
        lastTs = o.lastTs;
        delivered = o.delivered;
        sections = o.sections;
    }

    /** The number after the last event delivered so far: a build of a copy reads no further. */
    long end() {
        return nextDelivered;
    }

    private static Field f(String name) {
        Field x = FieldRegistry.create(name, null);
        if (x == null) {
            throw new IllegalStateException("no field " + name);
        }
        return x;
    }

    // ---- the thread table's membership (the state engine tells) ----------------------------------------

    @Override
    public void added(long tid) {
        tableDirty = true;
    }

    @Override
    public void removed(long tid) {
        tableDirty = true;
    }

    @Override
    public void cleared() {
        tableDirty = true;
        sections++;
    }

    /** The capture's header has been read: the ports servers listen on then (the chisel's on_capture_start). */
    void start() {
        state.threads().forEachValue(t -> t.fds.forEach(fd -> {
            if (isServer(fd)) {
                basePorts.add((long) fd.sport);
            }
        }));
    }

    private static boolean isServer(FdInfo fd) {
        return switch (fd.type) {
            case IPV4_SOCK, IPV6_SOCK -> fd.role == FdInfo.ROLE_SERVER;
            case IPV4_SERVSOCK, IPV6_SERVSOCK -> true;
            default -> false;
        };
    }

    /** A raw event the loop did not hand to the sinks. */
    void skipped(long rawOrd) {
        if (skippedN == skipped.length) {
            skipped = Arrays.copyOf(skipped, skippedN * 2);
        }
        skipped[skippedN++] = rawOrd;
    }

    // ---- one event, as the chisel's on_event sees it --------------------------------------------------------

    void onEvent(EventContext c, long ord) {
        if (oldestHeld != null && (logN + PRUNE_SLACK > logOrd.length || skippedN + PRUNE_SLACK > skipped.length)) {
            // between events, when no interned name is in hand: the names are numbered again
            prune(oldestHeld.getAsLong());
        }
        for (long o = nextDelivered; o < ord; o++) {
            skipped(o);
        }
        nextDelivered = ord + 1;
        long ts = c.ev.ts();
        if (delivered++ == 0) {
            firstTs = ts;
        }
        lastTs = ts;
        if (tableDirty) {
            tableDirty = false;
            diffTables(ord);
        }
        checkFds(c, ord);
        if (!fields.dir.extract(c)) {
            return;
        }
        String etype = EventTable.name(c.ev.type());
        boolean exit = fields.dir.value.str.length() > 0 && fields.dir.value.str.array()[0] == '<';
        if (exit) {
            boolean hasRes = fields.rawres.extract(c);
            long rawres = fields.rawres.value.num;
            if (hasRes && rawres >= 0) {
                boolean w = fields.write.extract(c) && fields.write.value.num != 0;
                boolean r = fields.read.extract(c) && fields.read.value.num != 0;
                if (w || r) {
                    io(c, ord, w, r);
                } else {
                    switch (etype) {
                        case "execve" -> {
                            log(ord, M.executedCommands, 1);
                            if (fields.pname.extract(c) && contains(fields.pname.value.str, BASH)) {
                                log(ord, M.executedInteractiveCommands, 1);
                            }
                            if (text(fields.exe, c) && equals(text, "sudo")) {
                                log(ord, M.sudoInvocations, 1);
                            }
                        }
                        case "bind" -> {
                            if (fields.sport.extract(c)) {
                                log(ord, M.listeningPortCount, fields.sport.value.num);
                                log(ord, M.newListeningPorts, 1);
                            }
                        }
                        case "connect" -> connect(c, ord, M.newConnectionsO);
                        case "accept" -> connect(c, ord, M.newConnectionsI);
                        case "unlink", "unlinkat" -> log(ord, M.fileDeletionsCount, 1);
                        case "symlink", "symlinkat" -> log(ord, M.newSymLinksCount, 1);
                        case "clone", "fork" -> {
                            if (rawres > 0) {
                                log(ord, M.forkCount, 1);
                            }
                        }
                        case "setns" -> log(ord, M.setnsInvocations, 1);
                        default -> {
                        }
                    }
                }
            } else if (etype.equals("connect")) {
                connect(c, ord, M.newConnectionsO);
                if (!hasRes || rawres != -115) {
                    FdInfo fd = c.fd();
                    if (fd != null && fd.type.isIp() && fdTypeIs(c, "ipv4", "ipv6")) {
                        log(ord, M.connectErrorCount, 1);
                    }
                }
            } else if (etype.equals("accept")) {
                connect(c, ord, M.newConnectionsI);
            } else if (etype.equals("open")) {
                log(ord, M.openErrorCount, 1);
            }
        } else {
            switch (etype) {
                case "close" -> {
                    if (fields.sport.extract(c) && text(fields.typechar, c) && equals(text, "2")) {
                        log(ord, PORT_CLOSE, fields.sport.value.num);
                    }
                }
                case "signaldeliver" -> {
                    log(ord, M.signalCount, 1);
                    if (text(fields.sig, c) && equals(text, "SIGSEGV")) {
                        log(ord, M.segfaultCount, 1);
                    }
                }
                case "notification" -> log(ord, M.notifications, 1);
                case "infra" -> {
                    if (text(fields.source, c) && equals(text, "docker")) {
                        log(ord, M.dockerEvtsCount, 1);
                        String name = text(fields.infraname, c) ? text.toString() : "nil";
                        int id = dockerIds.computeIfAbsent(name, k -> {
                            dockerNames.add(k);
                            return dockerNames.size() - 1;
                        });
                        log(ord, DOCKER, id);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static final byte[] BASH = "bash".getBytes(StandardCharsets.US_ASCII);

    private boolean fdTypeIs(EventContext c, String a, String b) {
        FdInfo fd = c.fd();
        if (fd == null) {
            return false;
        }
        String l = fd.type.label;
        return l.equals(a) || l.equals(b);
    }

    private void connect(EventContext c, long ord, M which) {
        if (fields.sport.extract(c)) {
            log(ord, which, 1);
            if (fields.sport.value.num == 22) {
                log(ord, M.newConnectionsSsh, 1);
            }
        }
    }

    private void io(EventContext c, long ord, boolean w, boolean r) {
        FdInfo fd = c.fd();
        String type = fd == null ? "" : fd.type.label;
        if (type.equals("file")) {
            long buflen = fields.buflen.extract(c) ? fields.buflen.value.num : 0;
            int key = key(fields.contname, c);
            if (key >= 0) {
                log(ord, M.fileCount, key);
            }
            boolean hasName = text(fields.name, c);
            if (w) {
                if (key >= 0) {
                    log(ord, M.fileCountW, key);
                }
                log(ord, M.fileBytes, buflen);
                log(ord, M.fileBytesW, buflen);
                if (hasName && isSystemDir(text)) {
                    log(ord, M.sysFileCountW, keys.intern(text.array(), text.length()));
                }
                if (fields.sev.extract(c)) {
                    syslog(ord, fields.sev.value.num);
                } else if (hasName && isLogFile(text) && fields.buffer.extract(c)) {
                    appLog(ord, fields.buffer.value.str);
                }
            } else {
                log(ord, M.fileBytes, buflen);
                log(ord, M.fileBytesR, buflen);
            }
            if (fields.latency.extract(c) && !(hasName && startsWith(text, "/dev/"))) {
                long lat = fields.latency.value.num;
                if (lat > 100_000_000L) {
                    log(ord, M.over100msFileIoCount, 1);
                }
                if (lat > 10_000_000L) {
                    log(ord, M.over10msFileIoCount, 1);
                }
                if (lat > 1_000_000L) {
                    log(ord, M.over1msFileIoCount, 1);
                }
            }
        } else if (type.equals("ipv4") || type.equals("ipv6")) {
            long buflen = fields.buflen.extract(c) ? fields.buflen.value.num : 0;
            int key = key(fields.contname, c);
            if (key >= 0) {
                log(ord, M.connectionCount, key);
            }
            log(ord, M.netBytes, buflen);
            log(ord, w ? M.netBytesW : M.netBytesR, buflen);
            if (fields.sport.extract(c)) {
                String proto = SERVICES.get((int) fields.sport.value.num);
                if (proto != null) {
                    log(ord, PROTO, ((long) PROTOCOLS.indexOf(proto) << 40) | (buflen & 0xff_ffff_ffffL));
                }
            }
            if (fields.buffer.extract(c) && startsWith(fields.buffer.value.str, "HTTP/")) {
                log(ord, M.sysReqCountHttp, 1);
                if (!secondWordIs200(fields.buffer.value.str)) {
                    log(ord, M.sysErrCountHttp, 1);
                }
            }
        } else if (type.equals("unix") && w) {
            if (fields.sev.extract(c)) {
                syslog(ord, fields.sev.value.num);
            }
        }
    }

    private void syslog(long ord, long sev) {
        log(ord, M.sysLogCount, 1);
        if (sev == 4) {
            log(ord, M.sysLogCountW, 1);
        } else if (sev < 4) {
            log(ord, M.sysLogCountE, 1);
        }
    }

    /** The chisel splits the buffer at newlines and looks at each non-empty message. */
    private void appLog(long ord, ByteBuf buf) {
        byte[] b = buf.array();
        int n = buf.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || b[i] == '\n') {
                if (i > start) {
                    log(ord, M.appLogCount, 1);
                    if (containsLower(b, start, i, "warn")) {
                        log(ord, M.appLogCountW, 1);
                    } else if (containsLower(b, start, i, "error") || containsLower(b, start, i, "critic")
                            || containsLower(b, start, i, "emergency") || containsLower(b, start, i, "alert")) {
                        log(ord, M.appLogCountE, 1);
                    }
                }
                start = i + 1;
            }
        }
    }

    /** tonumber(second space-separated word) == 200, as the chisel's split and tonumber. */
    private static boolean secondWordIs200(ByteBuf buf) {
        byte[] b = buf.array();
        int n = buf.length();
        int sp = -1;
        for (int i = 0; i < n; i++) {
            if (b[i] == ' ') {
                sp = i;
                break;
            }
        }
        if (sp < 0) {
            return false;
        }
        int end = sp + 1;
        while (end < n && b[end] != ' ') {
            end++;
        }
        String word = new String(b, sp + 1, end - sp - 1, StandardCharsets.ISO_8859_1).strip();
        try {
            return Double.parseDouble(word) == 200;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private int key(Field f, EventContext c) {
        if (!text(f, c)) {
            return -1;
        }
        return keys.intern(text.array(), text.length());
    }

    private boolean text(Field f, EventContext c) {
        text.clear();
        if (!f.extract(c)) {
            return false;
        }
        f.appendText(text);
        return true;
    }

    private static boolean equals(ByteBuf b, String s) {
        if (b.length() != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b.array()[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(ByteBuf b, String s) {
        if (b.length() < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b.array()[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(ByteBuf b, byte[] s) {
        return indexOf(b.array(), 0, b.length(), s, false) >= 0;
    }

    private static boolean containsLower(byte[] b, int from, int to, String s) {
        return indexOf(b, from, to, s.getBytes(StandardCharsets.US_ASCII), true) >= 0;
    }

    private static int indexOf(byte[] b, int from, int to, byte[] s, boolean lower) {
        outer:
        for (int i = from; i + s.length <= to; i++) {
            for (int j = 0; j < s.length; j++) {
                int x = b[i + j];
                if (lower && x >= 'A' && x <= 'Z') {
                    x += 'a' - 'A';
                }
                if (x != s[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static final String[] SYSTEM_DIRS = {"/bin/", "/sbin/", "/boot/", "/etc/", "/lib", "/usr/bin/",
            "/usr/sbin/", "/usr/share/", "/usr/lib"};

    private static boolean isSystemDir(ByteBuf name) {
        for (String d : SYSTEM_DIRS) {
            if (startsWith(name, d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLogFile(ByteBuf name) {
        byte[] b = name.array();
        int n = name.length();
        return (has(b, n, ".log") || has(b, n, "_log") || has(b, n, "/var/log")) && !(has(b, n, ".gz")
                || has(b, n, ".tgz"));
    }

    private static boolean has(byte[] b, int n, String s) {
        return indexOf(b, 0, n, s.getBytes(StandardCharsets.US_ASCII), false) >= 0;
    }

    /** Whether the event's process's main thread came to hold fds, or to hold none. */
    private void checkFds(EventContext c, long ord) {
        ThreadInfo t = c.eventThread();
        if (t == null) {
            return;
        }
        ThreadInfo main = t.tid == t.pid ? t : state.lookup(t.pid);
        if (main == null || main.tid != main.pid) {
            return;
        }
        boolean has = main.fds.size() > 0;
        if (main == fdsSeen && has == fdsSeenHas) {
            return; // as at the last event (most come from the process of the one before): no look-up
        }
        if (has != withFds.contains(main.pid)) {
            fdsChanged(ord, main.pid, has);
        }
        fdsSeen = main;
        fdsSeenHas = has;
    }

    /** The main thread the last event's process had, and whether it held fds then. */
    private ThreadInfo fdsSeen;
    private boolean fdsSeenHas;

    private void fdsChanged(long ord, long pid, boolean has) {
        fdsSeen = null;
        if (has) {
            withFds.add(pid);
            log(ord, FDS_ON, pid);
        } else {
            withFds.remove(pid);
            log(ord, FDS_OFF, pid);
        }
    }

    /** After a change of the thread table: which processes (tid = pid) came and went, and the containers now. */
    private void diffTables(long ord) {
        Set<Long> now = new HashSet<>();
        Set<Long> holding = new HashSet<>();
        state.threads().forEachValue(t -> {
            if (t.tid == t.pid) {
                now.add(t.pid);
                if (t.fds.size() > 0) {
                    holding.add(t.pid);
                }
            }
        });
        for (Long p : holding) {
            if (!withFds.contains(p)) {
                fdsChanged(ord, p, true);
            }
        }
        for (Long p : List.copyOf(withFds)) {
            if (!holding.contains(p)) {
                fdsChanged(ord, p, false);
            }
        }
        for (Long p : now) {
            if (!procs.contains(p)) {
                log(ord, PROC_ADD, p);
            }
        }
        for (Long p : procs) {
            if (!now.contains(p)) {
                log(ord, PROC_DEL, p);
            }
        }
        procs.clear();
        procs.addAll(now);
        checkContainers(ord);
    }

    private List<Set<String>> containerSets = new ArrayList<>();

    private void checkContainers(long ord) {
        Map<String, io.jdig.state.Containers.Info> all = state.containers().all();
        if (all.size() == containerIds.size() && containerIds.containsAll(all.keySet())) {
            return;
        }
        containerIds = new HashSet<>(all.keySet());
        all.forEach((id, info) -> containerNames.put(id, info.name()));
        containerSets.add(containerIds);
        log(ord, CONT_SET, containerSets.size() - 1);
    }

    private void log(long ord, M m, long v) {
        log(ord, m.ordinal(), v);
    }

    private void log(long ord, int code, long v) {
        if (logN == logOrd.length) {
            int cap = logN * 2;
            logOrd = Arrays.copyOf(logOrd, cap);
            logCode = Arrays.copyOf(logCode, cap);
            logVal = Arrays.copyOf(logVal, cap);
        }
        logOrd[logN] = ord;
        logCode[logN] = code;
        logVal[logN] = v;
        logN++;
        logged++;
    }

    /** Containers can also appear through container events the table does not see change: looked at each event. */
    void checkContainersEachEvent(long ord) {
        if (state.containers().all().size() != containerIds.size()) {
            checkContainers(ord);
        }
    }

    long delivered() {
        return delivered;
    }

    // ---- live: the log keeps only what the ring holds ----------------------------------------------------------

    /** The number of the oldest event the ring still holds: entries of older events are pruned as the log fills. */
    private java.util.function.LongSupplier oldestHeld;
    /** Entries logged in all (pruned ones included), and prunes made, for tests. */
    private long logged;
    private long prunes;

    /** Room left in the log below which it is pruned before the next event. */
    private static final int PRUNE_SLACK = 32;

    /** The room the log starts with and never goes below when pruned (tests make it small). */
    private int minRoom = 4096;

    void pruneBefore(java.util.function.LongSupplier oldest) {
        this.oldestHeld = oldest;
    }

    /** Sets the log's least room (before any event). */
    void logRoom(int room) {
        minRoom = room;
        logOrd = new long[room];
        logCode = new int[room];
        logVal = new long[room];
    }

    /**
     * Drops the entries of the events before number {@code cut}: their effect on the tables (processes, their fds,
     * containers, listening ports) goes into the tables the log starts from; the interned names, the container
     * sets and names the remaining entries do not use go too, so that every structure holds what the ring holds
     * and the tables of the moment, whatever the length of the session.
     */
    void prune(long cut) {
        prunes++;
        int keepFrom = 0;
        while (keepFrom < logN && logOrd[keepFrom] < cut) {
            long v = logVal[keepFrom];
            int code = logCode[keepFrom];
            if (!base.apply(code, v)) {
                if (code == PORT_CLOSE) {
                    basePorts.remove(v);
                } else if (code == M.listeningPortCount.ordinal()) {
                    basePorts.add(v);
                }
            }
            keepFrom++;
        }
        int n = logN - keepFrom;
        int cap = room(n, minRoom);
        if (cap > logOrd.length || cap * 4 <= logOrd.length) {
            logOrd = Arrays.copyOfRange(logOrd, keepFrom, keepFrom + cap);
            logCode = Arrays.copyOfRange(logCode, keepFrom, keepFrom + cap);
            logVal = Arrays.copyOfRange(logVal, keepFrom, keepFrom + cap);
        } else {
            // the same arrays, what is kept moved to their start: no new arrays (they can be large) to collect
            System.arraycopy(logOrd, keepFrom, logOrd, 0, n);
            System.arraycopy(logCode, keepFrom, logCode, 0, n);
            System.arraycopy(logVal, keepFrom, logVal, 0, n);
        }
        logN = n;
        int sk = 0;
        while (sk < skippedN && skipped[sk] < cut) {
            sk++;
        }
        int sn = skippedN - sk;
        int skRoom = room(sn, 64);
        if (skRoom > skipped.length || skRoom * 4 <= skipped.length) {
            skipped = Arrays.copyOfRange(skipped, sk, sk + skRoom);
        } else {
            System.arraycopy(skipped, sk, skipped, 0, sn);
        }
        skippedN = sn;
        // the names the entries left use, numbered again; the container sets likewise
        KeyInterner kept = new KeyInterner();
        int[] renumber = new int[keys.size()];
        Arrays.fill(renumber, -1);
        List<Set<String>> sets = new ArrayList<>();
        Map<Integer, Integer> setIds = new HashMap<>();
        for (int i = 0; i < logN; i++) {
            int code = logCode[i];
            if (code == M.fileCount.ordinal() || code == M.fileCountW.ordinal() || code == M.sysFileCountW.ordinal()
                    || code == M.connectionCount.ordinal()) {
                int old = (int) logVal[i];
                if (renumber[old] < 0) {
                    byte[] b = keys.bytes(old);
                    renumber[old] = kept.intern(b, b.length);
                }
                logVal[i] = renumber[old];
            } else if (code == CONT_SET) {
                int old = (int) logVal[i];
                logVal[i] = setIds.computeIfAbsent(old, k -> {
                    sets.add(containerSets.get(k));
                    return sets.size() - 1;
                });
            }
        }
        keys = kept;
        containerSets = sets;
        Set<String> named = new HashSet<>(base.containers);
        named.addAll(containerIds);
        sets.forEach(named::addAll);
        containerNames.keySet().retainAll(named);
        containerKeys.clear();
    }

    /**
     * Room for {@code n} entries after a prune: twice the power of two above them and the slack, so that the next
     * prune comes only after as many entries again (a prune copies the log: not one every event).
     */
    private static int room(int n, int least) {
        return Math.max(least, Integer.highestOneBit(n + PRUNE_SLACK) * 2);
    }

    /** Entries the log holds now, the room it has, and how many were logged in all (for tests). */
    long[] logSize() {
        return new long[] {logN, logOrd.length, logged, keys.size(), containerSets.size(), skipped.length, prunes};
    }

    long firstTs() {
        return firstTs;
    }

    long lastTs() {
        return lastTs;
    }

    // ---- the samples ------------------------------------------------------------------------------------------

    /** The chisel's samples over the events held in {@code events} (the same stream the log was made from). */
    Summary build(io.jdig.event.EventSource events, long firstOrd, int samples) {
        return build(events, firstOrd, samples, firstTs, lastTs, null);
    }

    /**
     * The same over the events from number {@code firstOrd} on, from {@code firstTs} to {@code lastTs}; with a
     * {@code range}, what the chisel prints when it is run with that range as a filter on {@code evt.rawtime}: the
     * samples still divide the whole capture (the chisel measures its duration over every event, and its timers
     * run on the events the filter drops), but only the events in the range count, the thread table it reads
     * at each sample is filtered too (a process is listed when its main thread holds an fd that passes, and
     * only while the event that closes the sample is in the range), and so is the table of listening ports it
     * starts from (read before any event: time 0).
     */
    Summary build(io.jdig.event.EventSource events, long firstOrd, int samples, long firstTs, long lastTs,
                  TimeRange range) {
        return build(events, firstOrd, Long.MAX_VALUE, samples, firstTs, lastTs, range);
    }

    /**
     * The same, reading no event numbered {@code endOrd} or after (a copy's: the events the live capture stored
     * since are not in its log). Returns null when the events ended before {@code endOrd} (the ring recycled the
     * part being read).
     */
    Summary build(io.jdig.event.EventSource events, long firstOrd, long endOrd, int samples, long firstTs,
                  long lastTs, TimeRange range) {
        long duration = lastTs - firstTs;
        long period = (long) ((double) duration / (samples - 1));
        Samples s = new Samples();
        int li = 0;
        int si = 0;
        long ord = firstOrd;
        boolean first = true;
        long lastSample = 0;
        Tables now = new Tables(new HashSet<>(base.procs), new HashSet<>(base.withFds), base.containers);
        boolean startPorts = range == null || range.contains(0);
        Set<Long> ports = new HashSet<>();
        if (startPorts) {
            ports.addAll(basePorts);
        }
        long[] portTot = {ports.size()};
        int li0 = 0;
        for (; li0 < logN && logOrd[li0] < firstOrd; li0++) {
            // what happened before the events held (live): only the tables' membership carries over
            long v = logVal[li0];
            int code = logCode[li0];
            if (!now.apply(code, v) && startPorts) {
                if (code == PORT_CLOSE && ports.remove(v)) {
                    portTot[0]--;
                } else if (code == M.listeningPortCount.ordinal() && ports.add(v)) {
                    portTot[0]++;
                }
            }
        }
        li = li0;
        Set<Long> none = Set.of();
        try (events) {
            while (ord < endOrd && events.next()) {
                long o = ord++;
                while (si < skippedN && skipped[si] < o) {
                    si++;
                }
                if (si < skippedN && skipped[si] == o) {
                    continue;
                }
                long ts = EventView.i64(events.buffer(), events.offset());
                boolean in = range == null || range.contains(ts);
                // the thread table as the event left it
                int lj = li;
                while (lj < logN && logOrd[lj] < o) {
                    lj++;
                }
                while (lj < logN && logOrd[lj] == o) {
                    now.apply(logCode[lj], logVal[lj]);
                    lj++;
                }
                if (first) {
                    first = false;
                    lastSample = ts;
                } else if (period > 0 && ts - lastSample >= period) {
                    Set<Long> listed = range == null ? now.procs : in ? now.withFds : none;
                    long t;
                    for (t = lastSample; t <= ts - period; t += period) {
                        s.close(t, listed, now.containers, ports, portTot[0], true);
                    }
                    lastSample = t;
                }
                while (li < logN && logOrd[li] < o) {
                    li++; // entries of events that were not delivered (cannot happen) are passed over
                }
                if (!in) {
                    while (li < logN && logOrd[li] == o) {
                        li++;
                    }
                    continue;
                }
                s.add(M.syscallCount, 1);
                for (; li < logN && logOrd[li] == o; li++) {
                    int code = logCode[li];
                    long v = logVal[li];
                    if (code < N) {
                        M m = M.values()[code];
                        switch (m) {
                            case fileCount, fileCountW, sysFileCountW, connectionCount -> s.distinct(m, v);
                            case listeningPortCount -> {
                                if (ports.add(v)) {
                                    portTot[0]++;
                                }
                            }
                            default -> s.add(m, v);
                        }
                    } else if (code == PORT_CLOSE) {
                        if (ports.remove(v)) {
                            portTot[0]--;
                        }
                    } else if (code == PROTO) {
                        s.proto((int) (v >>> 40), v & 0xff_ffff_ffffL);
                    } else if (code == DOCKER) {
                        s.docker((int) v);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (endOrd != Long.MAX_VALUE && ord < endOrd) {
            return null;
        }
        if (!first) {
            s.close(lastTs, Set.of(), Set.of(), ports, portTot[0], false);
        }
        if (first) {
            return s.summary(firstTs, lastTs, 0, 0);
        }
        return s.summary(firstTs, lastTs, duration, period);
    }

    /**
     * The thread table's membership at one point of the log: its processes, those whose main thread holds an fd,
     * and the containers' ids.
     */
    private final class Tables {
        final Set<Long> procs;
        final Set<Long> withFds;
        Set<String> containers;

        Tables(Set<Long> procs, Set<Long> withFds, Set<String> containers) {
            this.procs = procs;
            this.withFds = withFds;
            this.containers = containers;
        }

        /** Applies one entry of the log; false when the entry is not about these tables. */
        boolean apply(int code, long v) {
            switch (code) {
                case PROC_ADD -> procs.add(v);
                case PROC_DEL -> procs.remove(v);
                case FDS_ON -> withFds.add(v);
                case FDS_OFF -> withFds.remove(v);
                case CONT_SET -> containers = containerSets.get((int) v);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    /** The fields the chisel reads each event through. */
    private static final class Extractors {
        final Field dir = f("evt.dir");
        final Field rawres = f("evt.rawres");
        final Field contname = f("fd.containername");
        final Field name = f("fd.name");
        final Field write = f("evt.is_io_write");
        final Field read = f("evt.is_io_read");
        final Field buffer = f("evt.buffer");
        final Field buflen = f("evt.buflen");
        final Field sport = f("fd.sport");
        final Field typechar = f("fd.typechar");
        final Field exe = f("evt.arg.exe");
        final Field sig = f("evt.arg.sig");
        final Field latency = f("evt.latency");
        final Field sev = f("syslog.severity");
        final Field source = f("evt.arg.source");
        final Field infraname = f("evt.arg.name");
        final Field pname = f("proc.pname");
    }

    /** The chisel's global summary and the current sample. */
    private final class Samples {
        private final long[] cur = new long[N];
        private final long[] tot = new long[N];
        private final long[] max = new long[N];
        private final List<long[]> timeline = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();
        private final List<Set<Long>> curKeys = new ArrayList<>();
        private final List<Set<Long>> union = new ArrayList<>();
        private final long[] protoCur = new long[PROTOCOLS.size()];
        private final long[] protoTot = new long[PROTOCOLS.size()];
        private final long[] protoMax = new long[PROTOCOLS.size()];
        private final List<long[]> protoLine = new ArrayList<>();
        private long[] dockerCur = new long[0];
        private long[] dockerTot = new long[0];
        private long[] dockerMax = new long[0];
        private final List<long[]> dockerLine = new ArrayList<>();

        Samples() {
            for (int i = 0; i < N; i++) {
                curKeys.add(new HashSet<>());
                union.add(new HashSet<>());
            }
        }

        void add(M m, long v) {
            cur[m.ordinal()] += v;
        }

        void distinct(M m, long key) {
            if (curKeys.get(m.ordinal()).add(key)) {
                cur[m.ordinal()]++;
            }
        }

        void proto(int p, long bytes) {
            protoCur[p] += bytes;
        }

        void docker(int id) {
            if (id >= dockerCur.length) {
                dockerCur = Arrays.copyOf(dockerCur, id + 1);
                dockerTot = Arrays.copyOf(dockerTot, id + 1);
                dockerMax = Arrays.copyOf(dockerMax, id + 1);
            }
            dockerCur[id]++;
        }

        /** on_interval (withTables: the thread and container tables are read) or the end of the capture. */
        void close(long t, Set<Long> procNow, Set<String> contNow, Set<Long> ports, long portTot,
                   boolean withTables) {
            if (withTables) {
                cur[M.procCount.ordinal()] = procNow.size();
                curKeys.get(M.procCount.ordinal()).addAll(procNow);
                cur[M.containerCount.ordinal()] = contNow.size();
                Set<Long> cs = curKeys.get(M.containerCount.ordinal());
                for (String id : contNow) {
                    cs.add((long) containerKey(id));
                }
            }
            cur[M.listeningPortCount.ordinal()] = portTot;
            curKeys.get(M.listeningPortCount.ordinal()).addAll(ports);
            long[] v = cur.clone();
            for (int i = 0; i < N; i++) {
                tot[i] += v[i];
                max[i] = Math.max(max[i], v[i]);
                union.get(i).addAll(curKeys.get(i));
                curKeys.get(i).clear();
                cur[i] = 0;
            }
            timeline.add(v);
            times.add(t);
            long[] pv = protoCur.clone();
            for (int i = 0; i < pv.length; i++) {
                protoTot[i] += pv[i];
                protoMax[i] = Math.max(protoMax[i], pv[i]);
                protoCur[i] = 0;
            }
            protoLine.add(pv);
            long[] dv = dockerCur.clone();
            for (int i = 0; i < dv.length; i++) {
                dockerTot[i] += dv[i];
                dockerMax[i] = Math.max(dockerMax[i], dv[i]);
                dockerCur[i] = 0;
            }
            dockerLine.add(dv);
        }

        Summary summary(long start, long end, long duration, long period) {
            long[] ts = times.stream().mapToLong(Long::longValue).toArray();
            List<Summary.Metric> out = new ArrayList<>();
            for (M m : M.values()) {
                int i = m.ordinal();
                boolean table = switch (m) {
                    case procCount, containerCount, fileCount, fileCountW, sysFileCountW, connectionCount,
                         listeningPortCount -> true;
                    default -> false;
                };
                long total = table ? union.get(i).size() : tot[i];
                if (m.excludable && total == 0) {
                    continue;
                }
                long[] vals = new long[timeline.size()];
                for (int k = 0; k < vals.length; k++) {
                    vals[k] = timeline.get(k)[i];
                }
                out.add(new Summary.Metric(m.name(), m.title, m.category, m.view, m.filter, m.drill, m.sortCol,
                        m.avg ? "avg" : "sum", total, max[i], ts, vals));
                if (m == M.dockerEvtsCount) {
                    for (int d = 0; d < dockerTot.length; d++) {
                        if (dockerTot[d] == 0) {
                            continue;
                        }
                        long[] dvals = new long[dockerLine.size()];
                        for (int k = 0; k < dvals.length; k++) {
                            long[] row = dockerLine.get(k);
                            dvals[k] = d < row.length ? row[d] : 0;
                        }
                        String n = dockerNames.get(d);
                        out.add(new Summary.Metric("dockerEvtsCount" + n, n + " Events", "infrastructure",
                                "docker_events", "evt.arg.name=\"" + n + "\"", "NONE", -1, "sum", dockerTot[d],
                                dockerMax[d], ts, dvals));
                    }
                }
            }
            for (int p = 0; p < PROTOCOLS.size(); p++) {
                if (protoTot[p] == 0) {
                    continue;
                }
                String proto = PROTOCOLS.get(p);
                StringBuilder flt = new StringBuilder();
                new TreeMap<>(SERVICES).forEach((port, name) -> {
                    if (name.equals(proto)) {
                        flt.append(flt.isEmpty() ? "" : " or ").append("fd.sport=").append(port);
                    }
                });
                long[] pvals = new long[protoLine.size()];
                for (int k = 0; k < pvals.length; k++) {
                    pvals[k] = protoLine.get(k)[p];
                }
                out.add(new Summary.Metric("protoBytes_" + proto, proto + " Bytes", "napps", "connections",
                        flt.toString(), "NONE", -1, "sum", protoTot[p], protoMax[p], ts, pvals));
            }
            return new Summary(start, end, duration, period, new LinkedHashMap<>(containerNames), List.copyOf(out));
        }
    }

    private final Map<String, Integer> containerKeys = new HashMap<>();

    private int containerKey(String id) {
        return containerKeys.computeIfAbsent(id, k -> containerKeys.size());
    }

    /** Interns byte strings (file and connection names) as small numbers, without a String per event. */
    private static final class KeyInterner {
        private byte[][] keys = new byte[1024][];
        private int[] ids = new int[1024];
        private byte[][] byId = new byte[512][];
        private int size;

        int size() {
            return size;
        }

        byte[] bytes(int id) {
            return byId[id];
        }

        int intern(byte[] b, int len) {
            int h = 1;
            for (int i = 0; i < len; i++) {
                h = 31 * h + b[i];
            }
            int mask = keys.length - 1;
            int i = mix(h) & mask;
            while (keys[i] != null) {
                if (Arrays.equals(keys[i], 0, keys[i].length, b, 0, len)) {
                    return ids[i];
                }
                i = (i + 1) & mask;
            }
            keys[i] = Arrays.copyOf(b, len);
            if (size == byId.length) {
                byId = Arrays.copyOf(byId, size * 2);
            }
            byId[size] = keys[i];
            ids[i] = size++;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        private static int mix(int h) {
            return h ^ (h >>> 16) * 0x45d9f3b;
        }

        private void grow() {
            byte[][] ok = keys;
            int[] oi = ids;
            keys = new byte[ok.length * 2][];
            ids = new int[ok.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] == null) {
                    continue;
                }
                int h = 1;
                for (byte x : ok[j]) {
                    h = 31 * h + x;
                }
                int i = mix(h) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                ids[i] = oi[j];
            }
        }
    }
}
