package io.jdig.capture;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written java.lang.foreign bindings to the parts of libbpf.so.1 (and libc) that the loader uses.
 * Only the cold path goes through here: opening, loading and attaching the driver, and map updates.
 * The ring buffers are read directly from mapped memory by {@link RingReader}.
 */
final class Libbpf {
    private Libbpf() {}

    static final Linker LINKER = Linker.nativeLinker();
    private static final Arena GLOBAL = Arena.global();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VH =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");

    static final int BPF_MAP_TYPE_RINGBUF = 27;
    static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1;
    static final int CLOCK_REALTIME = 0, CLOCK_BOOTTIME = 7;

    private static volatile SymbolLookup libbpf;
    private static volatile String loadError;

    /** Loads libbpf.so.1 once; throws a CaptureException saying how to install it when missing. */
    static synchronized void ensureLoaded() throws CaptureException {
        if (libbpf != null) {
            return;
        }
        if (loadError != null) {
            throw new CaptureException(loadError);
        }
        try {
            libbpf = SymbolLookup.libraryLookup("libbpf.so.1", GLOBAL);
        } catch (IllegalArgumentException e) {
            loadError = "libbpf.so.1 not found: install libbpf (Debian/Ubuntu: apt-get install libbpf1)";
            throw new CaptureException(loadError, e);
        }
        H.init();
        installPrint();
    }

    private static MethodHandle bpf(String name, FunctionDescriptor fd, Linker.Option... opts) {
        return LINKER.downcallHandle(libbpf.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libbpf.so.1 lacks " + name)), fd, opts);
    }

    private static MethodHandle libc(String name, FunctionDescriptor fd, Linker.Option... opts) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc lacks " + name)), fd, opts);
    }

    /** Method handles, bound once libbpf is known to be present. */
    static final class H {
        static MethodHandle setPrint, openMem, objLoad, objClose, findMap, nextProgram, progName, setAutoload,
                progAttach, progFd, linkDestroy, mapFd, mapSetMaxEntries, mapSetInnerMapFd, mapSetInitialValue,
                mapCreate, mapUpdate, mapLookup, numCpus, mmap, munmap, clockGettime, vsnprintf, strerror, close,
                geteuid, objBtf;

        static void init() {
            setPrint = bpf("libbpf_set_print", FunctionDescriptor.of(ADDRESS, ADDRESS));
            openMem = bpf("bpf_object__open_mem", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS), ERRNO);
            objLoad = bpf("bpf_object__load", FunctionDescriptor.of(JAVA_INT, ADDRESS));
            objClose = bpf("bpf_object__close", FunctionDescriptor.ofVoid(ADDRESS));
            findMap = bpf("bpf_object__find_map_by_name", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
            nextProgram = bpf("bpf_object__next_program", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
            progName = bpf("bpf_program__name", FunctionDescriptor.of(ADDRESS, ADDRESS));
            setAutoload = bpf("bpf_program__set_autoload", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_BOOLEAN));
            progAttach = bpf("bpf_program__attach", FunctionDescriptor.of(ADDRESS, ADDRESS), ERRNO);
            progFd = bpf("bpf_program__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
            linkDestroy = bpf("bpf_link__destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
            mapFd = bpf("bpf_map__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
            mapSetMaxEntries = bpf("bpf_map__set_max_entries", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
            mapSetInnerMapFd = bpf("bpf_map__set_inner_map_fd", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
            mapSetInitialValue = bpf("bpf_map__set_initial_value",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
            mapCreate = bpf("bpf_map_create",
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
            mapUpdate = bpf("bpf_map_update_elem",
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), ERRNO);
            mapLookup = bpf("bpf_map_lookup_elem", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), ERRNO);
            numCpus = bpf("libbpf_num_possible_cpus", FunctionDescriptor.of(JAVA_INT));
            objBtf = bpf("bpf_object__btf", FunctionDescriptor.of(ADDRESS, ADDRESS));
            mmap = libc("mmap", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT,
                    JAVA_LONG), ERRNO);
            munmap = libc("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
            clockGettime = libc("clock_gettime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
            vsnprintf = libc("vsnprintf", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
            strerror = libc("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
            close = libc("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            geteuid = libc("geteuid", FunctionDescriptor.of(JAVA_INT));
        }
    }

    // ---- libbpf log -------------------------------------------------------------------------------

    private static final int LOG_KEEP = 200;
    private static final ArrayDeque<String> LOG = new ArrayDeque<>();
    static volatile boolean verbose = Boolean.getBoolean("jdig.bpf.verbose");
    private static StringBuilder partial = new StringBuilder();
    private static final int PRINT_BUF = 8 << 20;
    private static MemorySegment printBuf;

    private static void installPrint() {
        try {
            MethodHandle target = MethodHandles.lookup().findStatic(Libbpf.class, "onPrint",
                    MethodType.methodType(int.class, int.class, MemorySegment.class, MemorySegment.class));
            MemorySegment stub = LINKER.upcallStub(target,
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), GLOBAL);
            MemorySegment prev = (MemorySegment) H.setPrint.invokeExact(stub);
        } catch (Throwable t) {
            // logging is a convenience: loading works without it
        }
    }

    /** libbpf_print_fn_t; va_list is passed on to vsnprintf (x86-64 SysV: it is a pointer). Never throws. */
    private static int onPrint(int level, MemorySegment fmt, MemorySegment ap) {
        try {
            synchronized (LOG) {
                if (printBuf == null) {
                    printBuf = GLOBAL.allocate(PRINT_BUF);
                }
                int n = (int) H.vsnprintf.invokeExact(printBuf, (long) PRINT_BUF, fmt, ap);
                String s = printBuf.getString(0);
                partial.append(s);
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    String line = partial.substring(0, nl);
                    partial.delete(0, nl + 1);
                    if (level < 2 || verbose) { // 0 warn, 1 info, 2 debug
                        LOG.addLast(line);
                        if (LOG.size() > LOG_KEEP) {
                            LOG.removeFirst();
                        }
                    }
                    if (verbose) {
                        System.err.println(line);
                    }
                }
                return n;
            }
        } catch (Throwable t) {
            return 0;
        }
    }

    static void clearLog() {
        synchronized (LOG) {
            LOG.clear();
            partial.setLength(0);
        }
    }

    static List<String> lastLog(int n) {
        synchronized (LOG) {
            List<String> all = new ArrayList<>(LOG);
            return all.subList(Math.max(0, all.size() - n), all.size());
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static MemorySegment newErrnoSegment(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO_VH.get(state, 0L);
    }

    static String strerror(int errno) {
        try {
            MemorySegment p = (MemorySegment) H.strerror.invokeExact(errno);
            return p.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    static String cstring(MemorySegment p) {
        return p.equals(MemorySegment.NULL) ? null : p.reinterpret(4096).getString(0);
    }

    static int geteuid() {
        try {
            return (int) H.geteuid.invokeExact();
        } catch (Throwable t) {
            return -1;
        }
    }

    /** CLOCK_REALTIME - CLOCK_BOOTTIME in ns, sampled a few times to keep the tightest bracket. */
    static long bootToEpochNs() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ts = a.allocate(16);
            long best = 0, bestWidth = Long.MAX_VALUE;
            for (int i = 0; i < 8; i++) {
                int r1 = (int) H.clockGettime.invokeExact(CLOCK_BOOTTIME, ts);
                long b1 = ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
                int r2 = (int) H.clockGettime.invokeExact(CLOCK_REALTIME, ts);
                long rt = ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
                int r3 = (int) H.clockGettime.invokeExact(CLOCK_BOOTTIME, ts);
                long b2 = ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
                if (b2 - b1 < bestWidth) {
                    bestWidth = b2 - b1;
                    best = rt - (b1 + (b2 - b1) / 2);
                }
            }
            return best;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void closeFd(int fd) {
        try {
            int r = (int) H.close.invokeExact(fd);
        } catch (Throwable t) {
            // nothing to do
        }
    }
}
