package io.jdig.pipeline;

import io.jdig.event.EventSource;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Live capture for csysdig's views: at the first event of each new second (and not more often than every half
 * second of wall time), a {@code procinfo} event for every thread that has used CPU, carrying its user and system
 * times in clock ticks from {@code /proc/PID/task/TID/stat}, handed on before that event with its timestamp. This is
 * what sysdig's library does when csysdig asks it for the processes' CPU; {@code thread.cpu} reads these events.
 */
final class ProcessCpuEvents extends WrappedSource {
    private static final long SECOND_NS = 1_000_000_000L;
    private static final int PARAMS = 2;
    private static final int EVENT_LEN = EventView.HEADER_LEN + 2 * PARAMS + 8 * PARAMS;

    private final Path proc;
    private final byte[] event = new byte[EVENT_LEN];
    private long[] tids = new long[256];
    private long[] user = new long[256];
    private long[] system = new long[256];
    private int count;
    /** The next of {@link #tids} to hand on; {@link #count} when the held event is next. */
    private int nextIndex;
    private boolean injecting;
    private long nextSecondNs;
    private long lastReadNs = Long.MIN_VALUE / 2;

    ProcessCpuEvents(EventSource inner) {
        this(inner, Path.of("/proc"));
    }

    ProcessCpuEvents(EventSource inner, Path proc) {
        super(inner);
        this.proc = proc;
    }

    @Override
    public boolean next() throws IOException {
        if (injecting) {
            if (nextIndex < count) {
                fill(nextIndex++);
                return true;
            }
            injecting = false; // the event that crossed into the new second, still held by the inner source
            return true;
        }
        if (!inner.next()) {
            return false;
        }
        long ts = readLong(inner.buffer(), inner.offset());
        if (ts <= nextSecondNs) {
            return true;
        }
        boolean first = nextSecondNs == 0;
        nextSecondNs = ts - Long.remainderUnsigned(ts, SECOND_NS) + SECOND_NS;
        long now = System.nanoTime();
        if (first || now - lastReadNs <= SECOND_NS / 2) {
            return true;
        }
        lastReadNs = now;
        readThreads();
        if (count == 0) {
            return true;
        }
        writeLong(event, 0, ts);
        injecting = true;
        nextIndex = 1;
        fill(0);
        return true;
    }

    @Override
    public byte[] buffer() {
        return injecting ? event : inner.buffer();
    }

    @Override
    public int offset() {
        return injecting ? 0 : inner.offset();
    }

    @Override
    public int flags() {
        return injecting ? 0 : inner.flags();
    }

    private void fill(int i) {
        byte[] e = event;
        writeLong(e, 8, tids[i]);
        writeInt(e, 16, EVENT_LEN);
        e[20] = (byte) EventTypes.PROCINFO_E;
        e[21] = (byte) (EventTypes.PROCINFO_E >>> 8);
        writeInt(e, 22, PARAMS);
        int p = EventView.HEADER_LEN;
        e[p] = 8;
        e[p + 1] = 0;
        e[p + 2] = 8;
        e[p + 3] = 0;
        writeLong(e, p + 4, user[i]);
        writeLong(e, p + 12, system[i]);
    }

    /** Every thread's CPU times, skipping those that have used none (as sysdig does). */
    private void readThreads() {
        count = 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, ProcessCpuEvents::numeric)) {
            for (Path pid : pids) {
                try (DirectoryStream<Path> tasks = Files.newDirectoryStream(pid.resolve("task"),
                        ProcessCpuEvents::numeric)) {
                    for (Path task : tasks) {
                        readStat(task);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            count = 0;
        }
    }

    private void readStat(Path task) {
        String s;
        try {
            s = Files.readString(task.resolve("stat"));
        } catch (IOException | RuntimeException e) {
            return; // the thread ended meanwhile
        }
        long[] t = cpuTimes(s);
        if (t == null || (t[0] == 0 && t[1] == 0)) {
            return;
        }
        if (count == tids.length) {
            tids = java.util.Arrays.copyOf(tids, count * 2);
            user = java.util.Arrays.copyOf(user, count * 2);
            system = java.util.Arrays.copyOf(system, count * 2);
        }
        tids[count] = Long.parseLong(task.getFileName().toString());
        user[count] = t[0];
        system[count] = t[1];
        count++;
    }

    /** utime and stime (the 14th and 15th fields) of a stat line, whose command may hold spaces and parentheses. */
    static long[] cpuTimes(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] f = stat.substring(close + 1).trim().split(" ");
        // f[0] is the 3rd field (state): utime is f[11], stime f[12]
        if (f.length < 13) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean numeric(Path p) {
        String n = p.getFileName().toString();
        if (n.isEmpty()) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            if (n.charAt(i) < '0' || n.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long readLong(byte[] b, int o) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[o + i] & 0xff);
        }
        return v;
    }

    private static void writeLong(byte[] b, int o, long v) {
        for (int i = 0; i < 8; i++) {
            b[o + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void writeInt(byte[] b, int o, int v) {
        for (int i = 0; i < 4; i++) {
            b[o + i] = (byte) (v >>> (8 * i));
        }
    }
}
