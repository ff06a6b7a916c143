package io.jdig.capture;

import io.jdig.event.EventSource;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Live events from the eBPF driver: one ring buffer per CPU, read from their memory mappings and merged in
 * timestamp order. Each event is copied into one reusable buffer; nothing is allocated per event and the kernel
 * never wakes the consumer (it parks about a millisecond when every ring is empty).
 *
 * <p>{@link #next()} blocks until an event arrives or {@link #stop()} was called; after stop it returns what is
 * still in the rings and then false. Use from one consumer thread; {@link #stop()} may be called from any.
 */
public final class LiveEventSource implements EventSource {

    /** Capture options. {@code interesting} null or empty means every syscall. */
    public record Options(long ringBytesPerCpu, int snaplen, Set<String> interesting, boolean schedSwitch,
                          long parkNanos) {
        public static Options defaults() {
            return new Options(16L << 20, 80, null, false, 1_000_000L);
        }

        public Options withRingBytes(long bytes) {
            return new Options(bytes, snaplen, interesting, schedSwitch, parkNanos);
        }

        public Options withSnaplen(int n) {
            return new Options(ringBytesPerCpu, n, interesting, schedSwitch, parkNanos);
        }

        public Options withInteresting(Set<String> names) {
            return new Options(ringBytesPerCpu, snaplen, names, schedSwitch, parkNanos);
        }

        public Options withSchedSwitch(boolean on) {
            return new Options(ringBytesPerCpu, snaplen, interesting, on, parkNanos);
        }
    }

    /** Syscalls always captured because the thread and fd state depends on them. */
    static final Set<String> STATE_SYSCALLS = Set.of("clone", "fork", "vfork", "clone3", "execve", "execveat",
            "procexit", "chdir", "fchdir");

    private final BpfLoader loader;
    private final RingReader[] rings;
    private final Arena arena = Arena.ofShared();
    private final byte[] buf = new byte[(1 << 16) + 64];
    private final long parkNanos;
    private int cpu;
    private long delivered;
    private volatile boolean stopping;
    private volatile long stopAt;
    private volatile boolean closed;

    private LiveEventSource(BpfLoader loader, RingReader[] rings, long parkNanos) {
        this.loader = loader;
        this.rings = rings;
        this.parkNanos = parkNanos;
    }

    /** Starts capturing with default options. */
    public static LiveEventSource open() throws CaptureException {
        return open(Options.defaults());
    }

    /** Warms the consumer up, loads and attaches the driver, maps the rings, then turns emission on. */
    public static LiveEventSource open(Options opts) throws CaptureException {
        StartupTrace.mark("open");
        Thread warm = startWarmUp(); // compiles the reader while the kernel verifies the driver
        BpfLoader loader = BpfLoader.load(new BpfLoader.Options(opts.ringBytesPerCpu(), opts.snaplen(), opts.schedSwitch()));
        StartupTrace.mark("driver loaded and attached");
        RingReader[] rings = new RingReader[loader.cpus()];
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Libbpf.newErrnoSegment(a);
            for (int c = 0; c < rings.length; c++) {
                rings[c] = RingReader.map(loader.ringFd(c), loader.ringBytes(), errno);
            }
        } catch (CaptureException e) {
            for (RingReader r : rings) {
                if (r != null) {
                    r.unmap();
                }
            }
            loader.close();
            throw e;
        }
        LiveEventSource src = new LiveEventSource(loader, rings, Math.max(10_000L, opts.parkNanos()));
        try {
            warm.join();
            StartupTrace.mark("warm-up done");
            src.applyInteresting(opts.interesting(), opts.schedSwitch());
            loader.setEnabled(true);
            StartupTrace.mark("capture enabled");
        } catch (CaptureException e) {
            src.closeQuietly();
            throw e;
        } catch (InterruptedException e) {
            src.closeQuietly();
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while starting the capture");
        }
        return src;
    }

    @Override
    public boolean next() {
        return next(Long.MAX_VALUE);
    }

    /**
     * Like {@link #next()}, waiting at most about {@code maxWaitNs} for an event: false when none came by then (or
     * when the capture is over: see {@link #over()}).
     */
    public boolean next(long maxWaitNs) {
        RingReader[] rs = rings;
        long start = maxWaitNs == Long.MAX_VALUE ? 0 : System.nanoTime();
        while (true) {
            int best = -1;
            long bestTs = Long.MAX_VALUE;
            for (int i = 0; i < rs.length; i++) {
                RingReader r = rs[i];
                if (r.peek() && r.headTs < bestTs) {
                    bestTs = r.headTs;
                    best = i;
                }
            }
            if (best >= 0) {
                rs[best].take(buf);
                cpu = best;
                delivered++;
                return true;
            }
            if (closed) {
                return false;
            }
            if (over()) {
                return false; // emission is off and in-flight events had time to land: drained
            }
            if (maxWaitNs != Long.MAX_VALUE && System.nanoTime() - start >= maxWaitNs) {
                return false;
            }
            LockSupport.parkNanos(parkNanos);
        }
    }

    /** Whether the capture is closed, or stopped with its rings drained: no event will come any more. */
    public boolean over() {
        return closed || (stopping && System.nanoTime() - stopAt > 5_000_000L);
    }

    /**
     * Returns the next event if one is ready now, without parking; false when every ring is empty.
     */
    public boolean poll() {
        int best = -1;
        long bestTs = Long.MAX_VALUE;
        for (int i = 0; i < rings.length; i++) {
            RingReader r = rings[i];
            if (r.peek() && r.headTs < bestTs) {
                bestTs = r.headTs;
                best = i;
            }
        }
        if (best < 0) {
            return false;
        }
        rings[best].take(buf);
        cpu = best;
        delivered++;
        return true;
    }

    @Override
    public byte[] buffer() {
        return buf;
    }

    @Override
    public int offset() {
        return 0;
    }

    @Override
    public int cpu() {
        return cpu;
    }

    @Override
    public int flags() {
        return 0;
    }

    /** Stops emission; {@link #next()} then returns what is left in the rings and false after that. */
    public void stop() {
        if (stopping) {
            return;
        }
        try {
            loader.setEnabled(false);
        } catch (CaptureException e) {
            // the rings still drain; nothing else to do
        }
        stopAt = System.nanoTime();
        stopping = true;
    }

    public void setSnaplen(int snaplen) throws CaptureException {
        loader.setSnaplen(snaplen);
    }

    public int snaplen() {
        return loader.snaplen();
    }

    /**
     * Restricts capture to the named syscalls/events (names as sysdig's evt.type: native syscall names,
     * event names such as {@code accept} or {@code procexit}, or ppm_sc names); the kernel skips the rest.
     * Null or empty selects everything. Process-lifecycle syscalls (clone family, execve, procexit, chdir)
     * are always kept because the state depends on them.
     */
    public void setInterestingSyscalls(Set<String> names) throws CaptureException {
        applyInteresting(names, schedSwitchOn);
    }

    private boolean schedSwitchOn;

    private void applyInteresting(Set<String> names, boolean schedSwitch) throws CaptureException {
        loader.setInteresting(interestingSlots(names, schedSwitch));
        schedSwitchOn = schedSwitch;
    }

    static boolean[] interestingSlots(Set<String> names, boolean schedSwitch) {
        boolean[] slots = new boolean[BpfLoader.INTERESTING_SIZE];
        boolean all = names == null || names.isEmpty();
        for (int nr = 0; nr < SyscallTable.SIZE && nr < BpfLoader.SLOT_SIGNAL; nr++) {
            if (all) {
                slots[nr] = true;
                continue;
            }
            String nat = SyscallTable.nativeName(nr);
            String ev = SyscallTable.eventName(SyscallTable.enterEvent(nr));
            String sc = SyscallTable.ppmScName(SyscallTable.ppmSc(nr));
            if (nat.isEmpty() && sc.isEmpty()) {
                continue;
            }
            String generic = SyscallTable.enterEvent(nr) == 0 ? sc : ev;
            slots[nr] = match(names, nat) || match(names, generic) || match(names, sc)
                    || STATE_SYSCALLS.contains(nat);
        }
        slots[BpfLoader.SLOT_PROCEXIT] = true;
        slots[BpfLoader.SLOT_SIGNAL] = all || names.contains("signaldeliver");
        slots[BpfLoader.SLOT_SWITCH] = (all && schedSwitch) || (!all && names.contains("switch"));
        return slots;
    }

    private static boolean match(Set<String> names, String n) {
        return !n.isEmpty() && (names.contains(n) || names.contains(n.toLowerCase(Locale.ROOT)));
    }

    /** Ring-full drops per CPU (events the kernel could not write). */
    public long[] dropsPerCpu() {
        return loader.stats()[BpfLoader.STAT_DROPS].clone();
    }

    /** Events the driver produced: written to the rings plus dropped. */
    public long eventsSeen() {
        long[][] s = loader.stats();
        long n = 0;
        for (int c = 0; c < s[0].length; c++) {
            n += s[BpfLoader.STAT_EVENTS][c] + s[BpfLoader.STAT_DROPS][c];
        }
        return n;
    }

    /** Events returned by {@link #next()} / {@link #poll()} so far. */
    public long eventsDelivered() {
        return delivered;
    }

    /** User-memory reads that failed (the parameter was left empty), per CPU. */
    public long[] readFailuresPerCpu() {
        return loader.stats()[BpfLoader.STAT_READ_FAIL].clone();
    }

    public BpfLoader.Flavour flavour() {
        return loader.flavour();
    }

    public int cpus() {
        return rings.length;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        for (RingReader r : rings) {
            if (r != null) {
                r.unmap();
            }
        }
        loader.close();
        arena.close();
    }

    // ---- JIT warm-up ------------------------------------------------------------------------------

    private static volatile boolean warmedUp;
    private static Thread warmer;

    /**
     * Starts the reader's warm-up ({@link #warmUp()}) on its own thread, once; callers may start it early (before
     * the driver is loaded) and {@link #open(Options)} waits for it before turning emission on.
     */
    public static synchronized Thread startWarmUp() {
        if (warmer == null) {
            warmer = Thread.ofPlatform().daemon().name("jdig-warmup").start(LiveEventSource::warmUp);
        }
        return warmer;
    }

    /**
     * Runs the merge loop over synthetic in-memory rings until C2 has compiled it, so that the first second of a
     * capture is not consumed by an interpreted reader (which drops events).
     */
    static void warmUp() {
        if (warmedUp) {
            return;
        }
        try (Arena a = Arena.ofConfined()) {
            long sink = 0;
            for (int round = 0; round < 12; round++) {
                RingReader[] rs = {
                    RingReader.synthetic(a, 1 << 18, 3000, 40 + (round & 7), 1000, 2),
                    RingReader.synthetic(a, 1 << 18, 3000, 52, 1001, 2),
                };
                LiveEventSource s = new LiveEventSource(null, rs, 1000);
                s.closed = true;
                while (s.poll()) {
                    sink += s.buf[20];
                }
            }
            if (sink == 42) {
                System.err.print("");
            }
        }
        warmedUp = true;
    }
}
