package io.jdig.scap;

import io.jdig.event.meta.Metadata;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code -w} with sysdig's rotation options, after libsinsp 0.29's {@code cycle_writer}:
 * <ul>
 * <li>{@code -C MB}: before writing an event, if the file is larger than MB×10^6 bytes, start a new one. Names get the
 * file index appended, zero-padded to the digits of {@code -W} ({@code x.scap0, x.scap1...}).</li>
 * <li>{@code -G SECS}: start a new file when an event is SECS seconds (event time) after the start of the current
 * one. A name with {@code %} is a strftime pattern of the file's start time; without, the index is appended.</li>
 * <li>{@code -W N}: with {@code -C} or {@code -e}, a ring of N files (the index wraps and old files are overwritten);
 * with {@code -G} alone, stop after N files, as sysdig's help says.</li>
 * <li>{@code -e N}: a new file every N events, named base + index. As in sysdig, the event that reaches the count
 * opens the next file, so the first file holds N-1 events and the later ones N.</li>
 * </ul>
 * Every file starts with its own metadata (for live capture, the first a /proc snapshot, the later ones the state
 * engine's tables at the moment the file starts).
 */
public final class CycleWriter implements Closeable {
    public record Config(String base, long rolloverMb, long durationSecs, int fileLimit, long eventLimit,
                         boolean gzip, boolean live) {
        public boolean cycling() {
            return rolloverMb > 0 || durationSecs > 0 || fileLimit > 0 || eventLimit > 0;
        }
    }

    private final Config cfg;
    private final Supplier<Metadata> metadata;
    private final long rolloverBytes;
    private final String[] pastNames;
    private final String limitFormat;
    private ScapWriter current;
    private String currentName;
    private long lastTime;
    private int fileIndex;
    private int filesOpened;
    private long eventCount;
    private boolean pendingOpen;
    private long totalEvents;
    private boolean keepCurrent;

    /**
     * @param metadata what to write at the start of each file: called once per file, the first call for the
     *                 first file
     */
    public CycleWriter(Config cfg, Supplier<Metadata> metadata) {
        this.cfg = cfg;
        this.metadata = metadata;
        this.rolloverBytes = cfg.rolloverMb() * 1_000_000L;
        this.pastNames = cfg.durationSecs() > 0 && cfg.fileLimit() > 0 ? new String[cfg.fileLimit()] : null;
        int digits = 0;
        for (int l = cfg.fileLimit(); l > 0; l /= 10) {
            digits++;
        }
        this.limitFormat = digits == 0 ? "%d" : "%0" + digits + "d";
    }

    /** Opens the first file (for a file source with a strftime name, when the first event gives the time). */
    public CycleWriter open() throws IOException {
        if (!cfg.live() && cfg.durationSecs() > 0 && cfg.base().contains("%")) {
            pendingOpen = true;
            return this;
        }
        if (cfg.live()) {
            lastTime = System.currentTimeMillis() / 1000;
        }
        if (!nextFile()) {
            throw new IOException("cannot open a first file");
        }
        return this;
    }

    public String currentName() {
        return currentName;
    }

    public long events() {
        return totalEvents;
    }

    /** Writes one event, opening the next file first when a limit says so; false when -W says to stop. */
    public boolean write(byte[] b, int off, int cpu, int flags, long ts) throws IOException {
        if (pendingOpen) {
            pendingOpen = false;
            lastTime = ts / 1_000_000_000L;
            nextFile();
        } else if (cfg.cycling() && !consider(ts)) {
            return false;
        }
        current.writeEvent(b, off, cpu, flags);
        totalEvents++;
        return true;
    }

    /** From now on every event goes to the current file: no rotation, no -W stop (the capture is ending). */
    public void keepCurrentFile() {
        keepCurrent = true;
    }

    /** cycle_writer::consider: false = stop. */
    private boolean consider(long ts) throws IOException {
        if (keepCurrent) {
            return true;
        }
        eventCount++;
        long secs = ts / 1_000_000_000L;
        if (cfg.durationSecs() > 0) {
            if (lastTime == 0) {
                lastTime = secs;
            }
            if (secs - lastTime >= cfg.durationSecs()) {
                lastTime = secs;
                return nextFile();
            }
        }
        if (rolloverBytes > 0 && current.fileSize() > rolloverBytes) {
            return nextFile();
        }
        if (cfg.eventLimit() > 0 && eventCount >= cfg.eventLimit()) {
            eventCount = 0;
            return nextFile();
        }
        return true;
    }

    private boolean nextFile() throws IOException {
        if (cfg.fileLimit() > 0 && fileIndex >= cfg.fileLimit()) {
            if (cfg.durationSecs() > 0 && cfg.rolloverMb() <= 0 && cfg.eventLimit() <= 0) {
                return false; // -G with -W: exit after N files
            }
            fileIndex = 0;
        }
        String name;
        String base = cfg.base();
        if (cfg.durationSecs() > 0) {
            if (base.contains("%")) {
                name = strftime(base, lastTime);
                if (pastNames != null) {
                    String old = pastNames[fileIndex];
                    if (old != null && !old.equals(name)) {
                        Files.deleteIfExists(Path.of(old));
                    }
                    pastNames[fileIndex] = name;
                }
            } else {
                name = base + fileIndex;
            }
        } else {
            name = base;
        }
        if (rolloverBytes > 0) {
            name += String.format(Locale.ROOT, limitFormat, fileIndex);
        }
        if (cfg.eventLimit() > 0) {
            name = base + fileIndex;
        }
        fileIndex++;
        closeCurrent();
        ScapWriter w = ScapWriter.create(Path.of(name), cfg.gzip());
        current = w;
        currentName = name;
        filesOpened++;
        w.writeHeader(metadata.get());
        return true;
    }

    public int filesOpened() {
        return filesOpened;
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            ScapWriter w = current;
            current = null;
            w.close();
        }
    }

    public void flush() throws IOException {
        if (current != null) {
            current.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (pendingOpen) {
            // no event came: still leave a (metadata-only) file, as sysdig does
            pendingOpen = false;
            lastTime = System.currentTimeMillis() / 1000;
            nextFile();
        }
        closeCurrent();
    }

    // ---- strftime ------------------------------------------------------------------------------------------

    /** The strftime conversions people put in file names, in the local time zone. */
    static String strftime(String fmt, long epochSecs) {
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecs), ZoneId.systemDefault());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char f = fmt.charAt(++i);
            switch (f) {
                case 'Y' -> sb.append(t.getYear());
                case 'y' -> pad(sb, t.getYear() % 100, 2);
                case 'C' -> pad(sb, t.getYear() / 100, 2);
                case 'm' -> pad(sb, t.getMonthValue(), 2);
                case 'd' -> pad(sb, t.getDayOfMonth(), 2);
                case 'e' -> sb.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
                case 'H' -> pad(sb, t.getHour(), 2);
                case 'I' -> pad(sb, (t.getHour() + 11) % 12 + 1, 2);
                case 'M' -> pad(sb, t.getMinute(), 2);
                case 'S' -> pad(sb, t.getSecond(), 2);
                case 'j' -> pad(sb, t.getDayOfYear(), 3);
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 's' -> sb.append(epochSecs);
                case 'u' -> sb.append(t.getDayOfWeek().getValue());
                case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT));
                case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ROOT));
                case 'b', 'h' -> sb.append(t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT));
                case 'B' -> sb.append(t.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ROOT));
                case 'F' -> sb.append(strftime("%Y-%m-%d", epochSecs));
                case 'T' -> sb.append(strftime("%H:%M:%S", epochSecs));
                case 'R' -> sb.append(strftime("%H:%M", epochSecs));
                case 'D' -> sb.append(strftime("%m/%d/%y", epochSecs));
                case 'z' -> sb.append(t.getOffset().getId().replace(":", "").replace("Z", "+0000"));
                case 'Z' -> sb.append(t.getZone().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT));
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '%' -> sb.append('%');
                default -> sb.append('%').append(f);
            }
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
