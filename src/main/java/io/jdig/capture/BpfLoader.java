package io.jdig.capture;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the jdig eBPF driver ({@code jdig.bpf.o}, a classpath resource) with libbpf, configures it, creates
 * one ring buffer per CPU and attaches it. Attach flavours are tried in order (tp_btf, raw_tp, classic
 * tracepoint) unless {@code -Djdig.bpf.flavour=btf|raw|tp} forces one. Every failure becomes a
 * {@link CaptureException} with a one-line message.
 */
public final class BpfLoader implements AutoCloseable {

    /** How the driver hooks the syscall tracepoints. */
    public enum Flavour {
        BTF("b_", "tp_btf"), RAW_TP("r_", "raw_tp"), TRACEPOINT("t_", "tracepoint");

        final String prefix;
        final String label;

        Flavour(String prefix, String label) {
            this.prefix = prefix;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Load options. */
    public record Options(long ringBytesPerCpu, int snaplen, boolean schedSwitch) {
        public static Options defaults() {
            return new Options(16L << 20, DEFAULT_SNAPLEN, false);
        }
    }

    // The driver's constants and structures (src/main/bpf/jdig.h); DriverContractTest checks these against it.
    static final int STAT_EVENTS = 0, STAT_DROPS = 1, STAT_READ_FAIL = 2, STAT_TOO_BIG = 3, STAT_MAX = 4;
    static final int SLOT_SIGNAL = 509, SLOT_PROCEXIT = 510, SLOT_SWITCH = 511, INTERESTING_SIZE = 512;
    static final int MAX_SNAPLEN = 32768, DEFAULT_SNAPLEN = 80;
    /** struct jdig_rt: offsets of snaplen, enabled (both __u32) and interesting[], and its size. */
    static final int RT_SNAPLEN = 0, RT_ENABLED = 4, RT_INTERESTING = 8, RT_SIZE = RT_INTERESTING + INTERESTING_SIZE;
    /** struct jdig_ro: offsets of boot_to_epoch_ns (__u64) and self_tgid (__u32), and its size. */
    static final int RO_BOOT_TO_EPOCH_NS = 0, RO_SELF_TGID = 8, RO_SIZE = 16;
    static final String RESOURCE = "/io/jdig/capture/jdig.bpf.o";
    private static final Pattern FILLER = Pattern.compile("[brt]_(\\d+)");

    private final Arena arena = Arena.ofShared();
    private final MemorySegment errnoState = Libbpf.newErrnoSegment(arena);
    private MemorySegment obj = MemorySegment.NULL;
    private final List<MemorySegment> links = new ArrayList<>();
    private final Flavour flavour;
    private final int ncpu;
    private final long ringBytes;
    private final int[] ringFds;
    private int statsFd = -1, rtFd = -1;
    /** Mirror of {@code struct jdig_rt} (the {@code .data.rt} section): snaplen, enabled, interesting[]. */
    private final byte[] rt = new byte[RT_SIZE];
    private int snaplen;
    private boolean enabled;

    private BpfLoader(Flavour flavour, int ncpu, long ringBytes) {
        this.flavour = flavour;
        this.ncpu = ncpu;
        this.ringBytes = ringBytes;
        this.ringFds = new int[ncpu];
        java.util.Arrays.fill(ringFds, -1);
    }

    /** Checks the environment (root, BTF, libbpf) and says what is missing, or returns null when fine. */
    public static String environmentProblem() {
        if (!Files.isReadable(Path.of("/sys/kernel/btf/vmlinux"))) {
            return "kernel BTF missing (/sys/kernel/btf/vmlinux): live capture needs a kernel built with CONFIG_DEBUG_INFO_BTF=y";
        }
        try {
            Libbpf.ensureLoaded();
        } catch (CaptureException e) {
            return e.getMessage();
        }
        if (Libbpf.geteuid() != 0) {
            return "live capture needs root (run with sudo, or grant CAP_BPF, CAP_PERFMON and CAP_SYS_RESOURCE)";
        }
        return null;
    }

    /** Opens, loads and attaches the driver; events are not emitted until {@link #setEnabled(boolean)}. */
    public static BpfLoader load(Options opts) throws CaptureException {
        String problem = environmentProblem();
        if (problem != null) {
            throw new CaptureException(problem);
        }
        byte[] object = readObject();
        int ncpu;
        try {
            ncpu = (int) Libbpf.H.numCpus.invokeExact();
        } catch (Throwable t) {
            throw new CaptureException("libbpf_num_possible_cpus failed: " + t);
        }
        if (ncpu <= 0) {
            throw new CaptureException("cannot determine the number of CPUs (libbpf_num_possible_cpus returned " + ncpu + ")");
        }
        long ring = Long.highestOneBit(Math.max(1L << 16, opts.ringBytesPerCpu()));
        String forced = System.getProperty("jdig.bpf.flavour", "").toLowerCase(Locale.ROOT);
        List<Flavour> order = switch (forced) {
            case "btf", "tp_btf" -> List.of(Flavour.BTF);
            case "raw", "raw_tp" -> List.of(Flavour.RAW_TP);
            case "tp", "tracepoint" -> List.of(Flavour.TRACEPOINT);
            default -> List.of(Flavour.BTF, Flavour.RAW_TP, Flavour.TRACEPOINT);
        };
        CaptureException first = null;
        for (Flavour f : order) {
            BpfLoader l = new BpfLoader(f, ncpu, ring);
            try {
                l.open(object, opts);
                l.attach();
                return l;
            } catch (CaptureException e) {
                l.close();
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    private static byte[] readObject() throws CaptureException {
        try (InputStream in = BpfLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CaptureException("eBPF driver " + RESOURCE
                        + " is not on the classpath: rebuild jdig (mvn package needs clang and bpftool)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CaptureException("cannot read the eBPF driver " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private MemorySegment map(String name) throws CaptureException {
        try {
            MemorySegment m = (MemorySegment) Libbpf.H.findMap.invokeExact(obj, arena.allocateFrom(name));
            if (m.equals(MemorySegment.NULL)) {
                throw new CaptureException("eBPF driver has no map '" + name + "': rebuild jdig");
            }
            return m;
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("bpf_object__find_map_by_name(" + name + "): " + t, t);
        }
    }

    private static int call(int rc, String what) throws CaptureException {
        if (rc < 0) {
            throw new CaptureException(what + " failed: " + Libbpf.strerror(-rc));
        }
        return rc;
    }

    private void open(byte[] object, Options opts) throws CaptureException {
        Libbpf.clearLog();
        try {
            MemorySegment buf = arena.allocate(object.length, 8);
            MemorySegment.copy(object, 0, buf, JAVA_BYTE, 0, object.length);
            obj = (MemorySegment) Libbpf.H.openMem.invokeExact(errnoState, buf, (long) object.length, MemorySegment.NULL);
            if (obj.equals(MemorySegment.NULL)) {
                throw new CaptureException("cannot open the eBPF driver: " + Libbpf.strerror(Libbpf.errno(errnoState)) + logTail());
            }
            // load-time constants
            MemorySegment ro = arena.allocate(RO_SIZE, 8);
            ro.set(JAVA_LONG, RO_BOOT_TO_EPOCH_NS, Libbpf.bootToEpochNs());
            ro.set(JAVA_INT, RO_SELF_TGID, (int) ProcessHandle.current().pid());
            call((int) Libbpf.H.mapSetInitialValue.invokeExact(map(".rodata.cfg"), ro, (long) RO_SIZE),
                    "setting the driver's constants");
            // sizes
            call((int) Libbpf.H.mapSetMaxEntries.invokeExact(map("frames"), ncpu), "sizing frames");
            MemorySegment rings = map("rings");
            call((int) Libbpf.H.mapSetMaxEntries.invokeExact(rings, ncpu), "sizing rings");
            // rings, one per CPU, created up front: the first one is also the inner-map template
            for (int cpu = 0; cpu < ncpu; cpu++) {
                int fd = (int) Libbpf.H.mapCreate.invokeExact(errnoState, Libbpf.BPF_MAP_TYPE_RINGBUF,
                        arena.allocateFrom("jdig_ring"), 0, 0, (int) ringBytes, MemorySegment.NULL);
                if (fd < 0) {
                    throw new CaptureException("cannot create a " + (ringBytes >> 20) + " MiB ring buffer: "
                            + Libbpf.strerror(Libbpf.errno(errnoState)) + " (try a smaller buffer)");
                }
                ringFds[cpu] = fd;
            }
            call((int) Libbpf.H.mapSetInnerMapFd.invokeExact(rings, ringFds[0]), "setting the ring template");
            // one flavour
            for (MemorySegment p = nextProgram(MemorySegment.NULL); !p.equals(MemorySegment.NULL); p = nextProgram(p)) {
                String name = Libbpf.cstring((MemorySegment) Libbpf.H.progName.invokeExact(p));
                boolean on = name.startsWith(flavour.prefix);
                int rc = (int) Libbpf.H.setAutoload.invokeExact(p, on);
            }
            StartupTrace.mark("object opened, rings created");
            int rc = (int) Libbpf.H.objLoad.invokeExact(obj);
            StartupTrace.mark("object loaded (verifier)");
            if (rc != 0) {
                throw new CaptureException("the kernel refused the eBPF driver (" + flavour.label + "): "
                        + Libbpf.strerror(-rc) + logTail());
            }
            statsFd = (int) Libbpf.H.mapFd.invokeExact(map("stats"));
            rtFd = (int) Libbpf.H.mapFd.invokeExact(map(".data.rt"));
            int ringsFd = (int) Libbpf.H.mapFd.invokeExact(rings);
            int enterFd = (int) Libbpf.H.mapFd.invokeExact(map("enter_progs"));
            int exitFd = (int) Libbpf.H.mapFd.invokeExact(map("exit_progs"));
            // fillers into the program arrays
            MemorySegment key = arena.allocate(4), val = arena.allocate(4);
            for (MemorySegment p = nextProgram(MemorySegment.NULL); !p.equals(MemorySegment.NULL); p = nextProgram(p)) {
                String name = Libbpf.cstring((MemorySegment) Libbpf.H.progName.invokeExact(p));
                if (!name.startsWith(flavour.prefix)) {
                    continue;
                }
                Matcher m = FILLER.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                int ev = Integer.parseInt(m.group(1));
                key.set(JAVA_INT, 0, ev);
                val.set(JAVA_INT, 0, (int) Libbpf.H.progFd.invokeExact(p));
                update((ev & 1) == 0 ? enterFd : exitFd, key, val, "registering filler " + name);
            }
            for (int cpu = 0; cpu < ncpu; cpu++) {
                key.set(JAVA_INT, 0, cpu);
                val.set(JAVA_INT, 0, ringFds[cpu]);
                update(ringsFd, key, val, "installing ring " + cpu);
            }
            setSnaplen(opts.snaplen());
            setEnabled(false);
            boolean[] all = new boolean[INTERESTING_SIZE];
            java.util.Arrays.fill(all, true);
            all[SLOT_SWITCH] = opts.schedSwitch();
            setInteresting(all);
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("loading the eBPF driver failed: " + t, t);
        }
    }

    /** Attaches the dispatchers (syscall enter/exit, process exit, scheduler switch); they emit once enabled. */
    private void attach() throws CaptureException {
        try {
            for (MemorySegment p = nextProgram(MemorySegment.NULL); !p.equals(MemorySegment.NULL); p = nextProgram(p)) {
                String name = Libbpf.cstring((MemorySegment) Libbpf.H.progName.invokeExact(p));
                if (!name.startsWith(flavour.prefix) || FILLER.matcher(name).matches()) {
                    continue;
                }
                MemorySegment link = (MemorySegment) Libbpf.H.progAttach.invokeExact(errnoState, p);
                if (link.equals(MemorySegment.NULL)) {
                    String hint = flavour == Flavour.TRACEPOINT && !Files.isDirectory(Path.of("/sys/kernel/tracing/events"))
                            ? " (tracefs is not mounted: mount -t tracefs nodev /sys/kernel/tracing)" : "";
                    throw new CaptureException("cannot attach " + name + " (" + flavour.label + "): "
                            + Libbpf.strerror(Libbpf.errno(errnoState)) + hint + logTail());
                }
                links.add(link);
            }
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("attaching the eBPF driver failed: " + t, t);
        }
    }

    private MemorySegment nextProgram(MemorySegment prev) throws Throwable {
        return (MemorySegment) Libbpf.H.nextProgram.invokeExact(obj, prev);
    }

    private void update(int fd, MemorySegment key, MemorySegment val, String what) throws CaptureException {
        try {
            int rc = (int) Libbpf.H.mapUpdate.invokeExact(errnoState, fd, key, val, 0L);
            if (rc != 0) {
                throw new CaptureException(what + " failed: " + Libbpf.strerror(Libbpf.errno(errnoState)));
            }
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException(what + " failed: " + t, t);
        }
    }

    /** The informative end of libbpf's log: the verifier's complaint when there is one, else the last lines. */
    private static String logTail() {
        List<String> log = Libbpf.lastLog(400);
        if (log.isEmpty()) {
            return "";
        }
        List<String> pick = new ArrayList<>();
        int end = -1;
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).contains("END PROG LOAD LOG")) {
                end = i;
                break;
            }
        }
        if (end > 0) {
            for (int i = end - 1; i >= 0 && pick.size() < 3; i--) {
                String l = log.get(i).strip();
                if (l.isEmpty() || l.startsWith("processed ") || l.startsWith("verification time")
                        || l.startsWith("stack depth") || l.contains("BEGIN PROG LOAD LOG")) {
                    continue;
                }
                pick.addFirst(l);
            }
            for (int i = end + 1; i < log.size(); i++) {
                pick.add(log.get(i).replace("libbpf: ", "").strip());
            }
        } else {
            for (String l : log.subList(Math.max(0, log.size() - 4), log.size())) {
                pick.add(l.replace("libbpf: ", "").strip());
            }
        }
        return " | libbpf: " + String.join(" / ", pick);
    }

    /** Writes the whole runtime configuration ({@code struct jdig_rt}) in one map update. */
    private synchronized void writeConfig() throws CaptureException {
        rt[RT_SNAPLEN] = (byte) snaplen;
        rt[RT_SNAPLEN + 1] = (byte) (snaplen >> 8);
        rt[RT_SNAPLEN + 2] = (byte) (snaplen >> 16);
        rt[RT_SNAPLEN + 3] = (byte) (snaplen >> 24);
        rt[RT_ENABLED] = (byte) (enabled ? 1 : 0);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment key = a.allocate(4), val = a.allocate(RT_SIZE, 8);
            key.set(JAVA_INT, 0, 0);
            MemorySegment.copy(rt, 0, val, JAVA_BYTE, 0, RT_SIZE);
            update(rtFd, key, val, "updating the capture configuration");
        }
    }

    public synchronized void setSnaplen(int snaplen) throws CaptureException {
        this.snaplen = Math.max(0, Math.min(MAX_SNAPLEN, snaplen));
        writeConfig();
    }

    public synchronized int snaplen() {
        return snaplen;
    }

    /** Turns event emission on or off without detaching. */
    public synchronized void setEnabled(boolean on) throws CaptureException {
        this.enabled = on;
        writeConfig();
    }

    /** Sets which syscall numbers (and the signal, process-exit and switch slots) are captured. */
    public synchronized void setInteresting(boolean[] slots) throws CaptureException {
        for (int i = 0; i < INTERESTING_SIZE; i++) {
            rt[RT_INTERESTING + i] = (byte) (i < slots.length && slots[i] ? 1 : 0);
        }
        writeConfig();
    }

    /** Per-CPU kernel counters: {@code [stat][cpu]} with stat one of STAT_*. */
    public long[][] stats() {
        long[][] out = new long[STAT_MAX][ncpu];
        if (statsFd < 0) {
            return out;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment key = a.allocate(4), vals = a.allocate(JAVA_LONG, ncpu);
            for (int s = 0; s < STAT_MAX; s++) {
                key.set(JAVA_INT, 0, s);
                int rc = (int) Libbpf.H.mapLookup.invokeExact(errnoState, statsFd, key, vals);
                if (rc == 0) {
                    for (int c = 0; c < ncpu; c++) {
                        out[s][c] = vals.getAtIndex(JAVA_LONG, c);
                    }
                }
            }
        } catch (Throwable t) {
            // counters stay zero
        }
        return out;
    }

    public Flavour flavour() {
        return flavour;
    }

    public int cpus() {
        return ncpu;
    }

    public long ringBytes() {
        return ringBytes;
    }

    int ringFd(int cpu) {
        return ringFds[cpu];
    }

    @Override
    public synchronized void close() {
        try {
            for (MemorySegment l : links) {
                int rc = (int) Libbpf.H.linkDestroy.invokeExact(l);
            }
            links.clear();
            for (int i = 0; i < ringFds.length; i++) {
                if (ringFds[i] >= 0) {
                    Libbpf.closeFd(ringFds[i]);
                    ringFds[i] = -1;
                }
            }
            if (!obj.equals(MemorySegment.NULL)) {
                Libbpf.H.objClose.invokeExact(obj);
                obj = MemorySegment.NULL;
            }
        } catch (Throwable t) {
            // best effort
        }
    }
}
