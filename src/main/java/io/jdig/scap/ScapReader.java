package io.jdig.scap;

import io.jdig.event.EventInfo;
import io.jdig.event.EventSource;
import io.jdig.event.EventTable;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.event.meta.FdRecord;
import io.jdig.event.meta.GroupRecord;
import io.jdig.event.meta.InterfaceRecord;
import io.jdig.event.meta.MachineRecord;
import io.jdig.event.meta.MetadataSink;
import io.jdig.event.meta.ThreadRecord;
import io.jdig.event.meta.UserRecord;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a sysdig trace file (plain or gzip, possibly several concatenated): metadata blocks go to a
 * {@link MetadataSink}, events are handed out in place, converted to the v2 header when the file has v1 events.
 */
public final class ScapReader implements EventSource {
    private static final int MAX_BLOCK = 256 << 20;

    /** The stream read into one buffer, or null when the buffer is the read-ahead's chunks. */
    private final InputStream in;
    /** The read-ahead thread whose chunks are the buffer, or null. */
    private final ReadAhead chunks;
    private final MetadataSink sink;
    private final String name;
    /** The bytes read and not yet consumed are buf[pos, limit); made on first use, or the read-ahead's chunks. */
    private byte[] buf = new byte[0];
    /** Whether buf is one of the read-ahead's chunks (it goes back to that thread once decoded). */
    private boolean bufIsChunk;
    private int pos;
    private int limit;
    private long consumed; // file offset of buf[0]
    private boolean eof;
    /** The compressed stream ended in the middle: whatever follows the last whole block is lost. */
    private boolean cutShort;

    private int evOff;
    private int evCpu;
    private int evFlags;
    private byte[] evBuf;
    private byte[] convert = new byte[1 << 16];
    private boolean inEvents;
    private int sections;
    private int majorVersion;
    private int minorVersion;
    private long eventCount;

    public ScapReader(InputStream in, String name, MetadataSink sink) {
        this(in, null, name, sink);
    }

    private ScapReader(InputStream in, ReadAhead chunks, String name, MetadataSink sink) {
        this.in = in;
        this.chunks = chunks;
        this.name = name;
        this.sink = sink;
    }

    /** Files smaller than this are read by the decoding thread itself, into a buffer their size. */
    private static final long SMALL_FILE = 1 << 20;

    /**
     * Opens a trace file, recognising gzip by its magic bytes. Either way a thread of its own reads a larger file
     * ahead (inflating it, or copying it out of the page cache), which overlaps with decoding the events.
     */
    public static ScapReader open(Path file, MetadataSink sink) throws IOException {
        CountingStream raw = new CountingStream(openFile(file));
        long size = Files.isRegularFile(file) ? Files.size(file) : -1;
        ScapReader r = open(raw, file.toString(), file.getFileName() == null ? "trace" : file.getFileName().toString(),
                size, sink);
        if (size > 0) {
            r.file = file;
            r.fileSize = size;
        }
        return r;
    }

    /** Reads a trace from a stream (standard input: {@code -r -}), plain or gzip, read ahead on a thread of its own. */
    public static ScapReader open(InputStream in, String name, MetadataSink sink) throws IOException {
        return open(new CountingStream(in), name, name, -1, sink);
    }

    private static ScapReader open(CountingStream raw, String name, String shortName, long size, MetadataSink sink)
            throws IOException {
        java.io.PushbackInputStream head = new java.io.PushbackInputStream(raw, 2);
        int a = head.read();
        int b = a < 0 ? -1 : head.read();
        if (b >= 0) {
            head.unread(b);
        }
        if (a >= 0) {
            head.unread(a);
        }
        InputStream source = head;
        if (a == 0x1f && b == 0x8b) {
            try {
                source = new GZIPInputStream(head, 1 << 16);
            } catch (ZipException e) {
                head.close();
                throw new ScapFormatException("corrupt gzip stream: " + e.getMessage(), 0);
            } catch (EOFException e) {
                head.close();
                throw new ScapFormatException("truncated file: the gzip header is cut short", 0);
            }
        }
        if (size >= 0 && size < SMALL_FILE) {
            // starting a thread and its chunks would cost more than reading such a file
            ScapReader r = new ScapReader(source, name, sink);
            r.counter = raw;
            r.firstBuffer = source == head ? (int) size + 8 : 1 << 20;
            return r;
        }
        ScapReader r = new ScapReader(null, new ReadAhead(source, shortName), name, sink);
        r.counter = raw;
        return r;
    }

    /** The file read, for {@link #readProgress()}; null for a stream. */
    private Path file;
    private long fileSize = -1;
    /** Where each section's events start (uncompressed offsets), for {@link #readProgress()}. */
    private long[] restarts = new long[2];
    private int restartCount;
    /** {@link #next()} has reported the end. */
    private boolean ended;
    private ReadProgress progress;

    /**
     * How far through the file sysdig's reader would be after the current event, in percent of the file size:
     * what its chisels get from {@code sysdig.get_read_progress()} (see {@link ReadProgress}). Worked out only when
     * asked. 0 for standard input, whose size is not known (as for sysdig reading a descriptor).
     */
    public double readProgress() {
        if (file == null || fileSize <= 0) {
            return 0;
        }
        try {
            if (progress == null) {
                progress = new ReadProgress(file, fileSize);
            }
            return progress.at(consumed + pos, ended, restarts, restartCount);
        } catch (IOException e) {
            return 0;
        }
    }

    private CountingStream counter;
    /** The size of the buffer first made for reading the stream. */
    private int firstBuffer = 1 << 20;

    /**
     * A plain stream on the file: it reads into the caller's array with one copy less than a channel's stream
     * (about a third of the time on a large trace). Failing to open gives the same exceptions as NIO does.
     */
    private static InputStream openFile(Path file) throws IOException {
        try {
            return new java.io.FileInputStream(file.toFile());
        } catch (java.io.FileNotFoundException e) {
            try {
                Files.newInputStream(file).close(); // throws NoSuchFileException, AccessDeniedException, ...
            } catch (java.nio.file.AccessDeniedException denied) {
                throw new IOException("permission denied");
            }
            throw e;
        }
    }

    /** Bytes of the file itself (compressed, for gzip files) read so far. */
    public long compressedPosition() {
        return counter != null ? counter.count : position();
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int r = super.read();
            if (r >= 0) {
                count++;
            }
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }
    }

    public String name() {
        return name;
    }

    public int majorVersion() {
        return majorVersion;
    }

    public int minorVersion() {
        return minorVersion;
    }

    /** Reads the section header and the metadata up to the first event; fails if the file is not a trace. */
    public void readHeader() throws IOException {
        if (!fill(8)) {
            int have = limit - pos;
            if (have >= 4 && EventView.i32(buf, pos) != BlockTypes.SHB || have > 0 && have < 4
                    && (buf[pos] != 0x0A || have > 1 && buf[pos + 1] != 0x0D)) {
                throw new ScapFormatException("not a sysdig trace file (no section header block at the start)", 0);
            }
            throw new ScapFormatException(have == 0 ? "empty file, not a trace file" :
                    "truncated file: " + have + " bytes, too short for a section header", consumed + limit);
        }
        if (EventView.i32(buf, pos) != BlockTypes.SHB) {
            throw new ScapFormatException("not a sysdig trace file (no section header block at the start)", 0);
        }
        readMetadata();
        if (!inEvents && eof) {
            throw new ScapFormatException("no events in file", consumed + pos);
        }
    }

    private ScapFormatException truncated(int type, long at) {
        return new ScapFormatException("truncated file: " + BlockTypes.describe(type) + " cut short", at);
    }

    /** Ensures n bytes are available from pos; false at a clean end of input. */
    private boolean fill(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        try {
            return chunks != null ? fillFromChunks(n) : fillFromStream(n);
        } catch (EOFException e) {
            cutShort = true;
            eof = true;
            return false;
        } catch (ZipException e) {
            throw new ScapFormatException("corrupt gzip data: " + e.getMessage(), consumed + limit);
        }
    }

    private boolean fillFromStream(int n) throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumed += pos;
            limit -= pos;
            pos = 0;
        }
        if (n > buf.length) {
            byte[] nb = new byte[Math.max(n, buf.length == 0 ? firstBuffer : buf.length * 2)];
            System.arraycopy(buf, 0, nb, 0, limit);
            buf = nb;
        }
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                return false;
            }
            limit += r;
        }
        return true;
    }

    /**
     * Takes the read-ahead thread's chunks as the buffer itself, so that events are decoded where that thread put
     * them. The unread end of the current buffer (part of one block) moves into the free space in front of the
     * next chunk's data; a block longer than that space is gathered in an array of its own.
     */
    private boolean fillFromChunks(int n) throws IOException {
        while (limit - pos < n) {
            ReadAhead.Chunk c = chunks.take();
            if (c == null) {
                eof = true;
                return false;
            }
            int tail = limit - pos;
            long tailAt = consumed + pos;
            byte[] old = buf;
            boolean oldIsChunk = bufIsChunk;
            if (tail <= c.start()) {
                byte[] d = c.data();
                System.arraycopy(old, pos, d, c.start() - tail, tail);
                buf = d;
                bufIsChunk = true;
                pos = c.start() - tail;
                limit = c.start() + c.length();
            } else {
                int need = tail + c.length();
                byte[] nb = !oldIsChunk && old.length >= need ? old : new byte[Math.max(need, Math.max(n, 1 << 20))];
                System.arraycopy(old, pos, nb, 0, tail);
                System.arraycopy(c.data(), c.start(), nb, tail, c.length());
                chunks.recycle(c.data());
                buf = nb;
                bufIsChunk = false;
                pos = 0;
                limit = need;
            }
            consumed = tailAt - pos;
            if (oldIsChunk && old != buf) {
                chunks.recycle(old);
            }
        }
        return true;
    }

    /** Reads blocks up to and including the header of the first event block (which is left unconsumed). */
    private void readMetadata() throws IOException {
        while (true) {
            if (!fill(8)) {
                if (limit - pos != 0) {
                    throw new ScapFormatException("truncated file: " + (limit - pos)
                            + " stray bytes where a block header should be", consumed + pos);
                }
                return;
            }
            int type = EventView.i32(buf, pos);
            if (BlockTypes.isEvent(type)) {
                inEvents = true;
                if (restartCount == restarts.length) {
                    restarts = java.util.Arrays.copyOf(restarts, restartCount * 2);
                }
                restarts[restartCount++] = consumed + pos;
                return;
            }
            readMetaBlock(type);
        }
    }

    private int checkedBlockLength(int type) throws ScapFormatException {
        int total = EventView.i32(buf, pos + 4);
        if (total < 12 || total > MAX_BLOCK || (total & 3) != 0 && type != BlockTypes.SHB) {
            throw new ScapFormatException("corrupt file: bad length " + Integer.toUnsignedString(total) + " for "
                    + BlockTypes.describe(type), consumed + pos);
        }
        return total;
    }

    private void readMetaBlock(int type) throws IOException {
        long at = consumed + pos;
        int total = checkedBlockLength(type);
        if (!fill(total)) {
            throw truncated(type, at);
        }
        int trailer = EventView.i32(buf, pos + total - 4);
        if (trailer != total) {
            throw new ScapFormatException("corrupt file: " + BlockTypes.describe(type) + " length " + total
                    + " does not match its trailer " + Integer.toUnsignedString(trailer), at);
        }
        MetaCursor c = new MetaCursor(buf, pos + 8, pos + total - 4, consumed, type);
        switch (type) {
            case BlockTypes.SHB -> readSectionHeader(c, at);
            case BlockTypes.MI, BlockTypes.MI_INT -> readMachine(c);
            case BlockTypes.IL, BlockTypes.IL_INT -> readInterfaces(c, false);
            case BlockTypes.IL_V2 -> readInterfaces(c, true);
            case BlockTypes.UL, BlockTypes.UL_INT -> readUsers(c, false);
            case BlockTypes.UL_V2 -> readUsers(c, true);
            case BlockTypes.FDL, BlockTypes.FDL_INT -> readFds(c, false);
            case BlockTypes.FDL_V2 -> readFds(c, true);
            default -> {
                int v = BlockTypes.processListVersion(type);
                if (v > 0) {
                    readProcesses(c, v);
                }
                // unknown blocks are skipped
            }
        }
        pos += total;
    }

    private void readSectionHeader(MetaCursor c, long at) throws IOException {
        int magic = c.i32();
        if (magic != BlockTypes.SHB_MAGIC) {
            throw new ScapFormatException("not a sysdig trace file (bad byte-order magic 0x"
                    + Integer.toHexString(magic) + ")", at + 8);
        }
        majorVersion = c.u16();
        minorVersion = c.u16();
        if (majorVersion > 1) {
            throw new ScapFormatException("trace file version " + majorVersion + "." + minorVersion
                    + " is newer than this reader understands", at + 12);
        }
        sections++;
        inEvents = false;
        sink.onSectionStart();
    }

    private void readMachine(MetaCursor c) throws IOException {
        int cpus = c.i32();
        long mem = c.i64();
        long maxPid = c.i64();
        String host = c.fixed(128);
        long boot = c.remaining() >= 8 ? c.i64() : 0;
        long flags = c.remaining() >= 8 ? c.i64() : 0;
        sink.onMachine(new MachineRecord(cpus, mem, maxPid, host, boot, flags));
    }

    private void readInterfaces(MetaCursor c, boolean v2) throws IOException {
        while (c.remaining() >= 4) {
            int entryEnd = -1;
            if (v2) {
                int elen = c.i32();
                entryEnd = c.pos() + elen;
            }
            int type = c.u16();
            int nameLen = c.u16();
            InterfaceRecord rec;
            switch (type) {
                case InterfaceRecord.IPV4, InterfaceRecord.IPV4_NOLINKSPEED -> {
                    int a = c.i32();
                    int m = c.i32();
                    int bc = c.i32();
                    long speed = type == InterfaceRecord.IPV4 ? c.i64() : 0;
                    String n = new String(c.bytes(nameLen), java.nio.charset.StandardCharsets.UTF_8);
                    rec = new InterfaceRecord(type, n, a, m, bc, null, null, null, speed);
                }
                case InterfaceRecord.IPV6, InterfaceRecord.IPV6_NOLINKSPEED -> {
                    byte[] a = c.bytes(16);
                    byte[] m = c.bytes(16);
                    byte[] bc = c.bytes(16);
                    long speed = type == InterfaceRecord.IPV6 ? c.i64() : 0;
                    String n = new String(c.bytes(nameLen), java.nio.charset.StandardCharsets.UTF_8);
                    rec = new InterfaceRecord(type, n, 0, 0, 0, a, m, bc, speed);
                }
                default -> throw c.error("unknown interface entry type " + type);
            }
            if (entryEnd >= 0) {
                c.seek(entryEnd);
            }
            sink.onInterface(rec);
        }
    }

    private void readUsers(MetaCursor c, boolean v2) throws IOException {
        while (c.remaining() >= 4) {
            int start = c.pos();
            int elen = v2 ? c.i32() : 0;
            int type = c.u8();
            if (type == 0) {
                int uid = c.i32();
                int gid = c.i32();
                String n = c.str();
                String home = c.str();
                String shell = c.str();
                sink.onUser(new UserRecord(uid, gid, n, home, shell));
            } else if (type == 1) {
                int gid = c.i32();
                String n = c.str();
                sink.onGroup(new GroupRecord(gid, n));
            } else {
                throw c.error("unknown user list entry type " + type);
            }
            if (v2 && elen > 0) {
                c.seek(start + elen);
            }
        }
    }

    private void readProcesses(MetaCursor c, int v) throws IOException {
        while (c.remaining() >= 4) {
            int start = c.pos();
            int elen = v >= 9 ? c.i32() : 0;
            long tid = c.i64();
            long pid = c.i64();
            long ptid = c.i64();
            long sid = v >= 6 ? c.i64() : 0;
            long vpgid = v >= 8 ? c.i64() : 0;
            String comm = c.str();
            String exe = c.str();
            String exepath = v >= 7 ? c.str() : "";
            List<String> args = c.lazyStrList();
            String cwd = c.str();
            long fdlimit = c.i64();
            int flags = c.i32();
            int uid = c.i32();
            int gid = c.i32();
            int vmsize = 0;
            int vmrss = 0;
            int vmswap = 0;
            long pfmaj = 0;
            long pfmin = 0;
            if (v >= 2) {
                vmsize = c.i32();
                vmrss = c.i32();
                vmswap = c.i32();
                pfmaj = c.i64();
                pfmin = c.i64();
            }
            List<String> env = v >= 3 ? c.lazyStrList() : List.of();
            long vtid = -1;
            long vpid = -1;
            List<String> cgroups = List.of();
            if (v >= 4) {
                vtid = c.i64();
                vpid = c.i64();
                cgroups = c.strList();
            }
            String root = v >= 5 ? c.str() : "/";
            int loginuid = -1;
            if (v >= 9) {
                int end = start + elen;
                int left = end - c.pos();
                if (left > 29 && left >= 12 + 4) {
                    c.skip(12); // pidns_init_start_ts and tty, written by newer libraries
                }
                if (end - c.pos() >= 4) {
                    loginuid = c.i32();
                }
                c.seek(Math.max(c.pos(), end));
            }
            sink.onThread(new ThreadRecord(tid, pid, ptid, sid, vpgid, comm, exe, exepath, args, cwd, fdlimit,
                    flags, uid, gid, vmsize, vmrss, vmswap, pfmaj, pfmin, env, vtid, vpid, cgroups, root, loginuid));
        }
    }

    private void readFds(MetaCursor c, boolean v2) throws IOException {
        long tid = c.i64();
        List<FdRecord> fds = new ArrayList<>();
        while (c.remaining() >= 4) {
            int start = c.pos();
            int elen = v2 ? c.i32() : 0;
            long fd = c.i64();
            long ino = c.i64();
            int type = c.u8();
            FdRecord rec;
            switch (type) {
                case FdRecord.IPV4_SOCK -> {
                    int sip = c.i32();
                    int dip = c.i32();
                    int sport = c.u16();
                    int dport = c.u16();
                    int l4 = c.u8();
                    rec = new FdRecord(fd, ino, type, 0, "", sip, dip, null, null, sport, dport, l4, 0, 0, 0);
                }
                case FdRecord.IPV4_SERVSOCK -> {
                    int ip = c.i32();
                    int port = c.u16();
                    int l4 = c.u8();
                    rec = new FdRecord(fd, ino, type, 0, "", ip, 0, null, null, port, 0, l4, 0, 0, 0);
                }
                case FdRecord.IPV6_SOCK -> {
                    byte[] sip = c.bytes(16);
                    byte[] dip = c.bytes(16);
                    int sport = c.u16();
                    int dport = c.u16();
                    int l4 = c.u8();
                    rec = new FdRecord(fd, ino, type, 0, "", 0, 0, sip, dip, sport, dport, l4, 0, 0, 0);
                }
                case FdRecord.IPV6_SERVSOCK -> {
                    byte[] ip = c.bytes(16);
                    int port = c.u16();
                    int l4 = c.u8();
                    rec = new FdRecord(fd, ino, type, 0, "", 0, 0, ip, null, port, 0, l4, 0, 0, 0);
                }
                case FdRecord.UNIX_SOCK -> {
                    long src = c.i64();
                    long dst = c.i64();
                    String n = c.str();
                    rec = new FdRecord(fd, ino, type, 0, n, 0, 0, null, null, 0, 0, 0, src, dst, 0);
                }
                case FdRecord.FILE_V2 -> {
                    int oflags = c.i32();
                    String n = c.str();
                    int dev = 0;
                    if (v2 && start + elen - c.pos() >= 4) {
                        dev = c.i32();
                    }
                    rec = new FdRecord(fd, ino, type, oflags, n, 0, 0, null, null, 0, 0, 0, 0, 0, dev);
                }
                default -> {
                    String n = c.str();
                    rec = FdRecord.named(fd, ino, type, 0, n);
                }
            }
            if (v2 && elen > 0) {
                c.seek(start + elen);
            }
            fds.add(rec);
        }
        sink.onFds(tid, fds);
    }

    @Override
    public boolean next() throws IOException {
        while (true) {
            if (!fill(8)) {
                if (limit - pos != 0) {
                    throw new ScapFormatException("truncated file: " + (limit - pos)
                            + " stray bytes where a block header should be", consumed + pos);
                }
                if (cutShort) {
                    throw new ScapFormatException("truncated file: the gzip stream ends abruptly after "
                            + eventCount + " events", consumed + pos);
                }
                ended = true;
                return false;
            }
            int type = EventView.i32(buf, pos);
            if (!BlockTypes.isEvent(type)) {
                if (type == BlockTypes.SHB || BlockTypes.name(type).equals("unknown") == false) {
                    readMetadata();
                    continue;
                }
                // unknown block between events: skip it
                long at = consumed + pos;
                int total = checkedBlockLength(type);
                if (!fill(total)) {
                    throw truncated(type, at);
                }
                pos += total;
                continue;
            }
            long at = consumed + pos;
            int total = checkedBlockLength(type);
            if (!fill(total)) {
                throw truncated(type, at);
            }
            int body = pos + 8;
            int bodyEnd = pos + total - 4;
            evCpu = Short.toUnsignedInt(EventView.u16(buf, body));
            boolean withFlags = type == BlockTypes.EVF || type == BlockTypes.EVF_V2 || type == BlockTypes.EVF_V2_LARGE;
            int ev = body + 2;
            evFlags = 0;
            if (withFlags) {
                evFlags = EventView.i32(buf, ev);
                ev += 4;
            }
            boolean v1 = type == BlockTypes.EV || type == BlockTypes.EV_INT || type == BlockTypes.EVF;
            int hdr = v1 ? 22 : EventView.HEADER_LEN;
            if (bodyEnd - ev < hdr) {
                throw new ScapFormatException("corrupt file: " + BlockTypes.describe(type)
                        + " too short for an event header", at);
            }
            int evLen = EventView.i32(buf, ev + 16);
            if (evLen < hdr || evLen > bodyEnd - ev + 4) {
                throw new ScapFormatException("corrupt file: event length " + Integer.toUnsignedString(evLen)
                        + " does not fit its " + BlockTypes.describe(type), at);
            }
            pos += total;
            if (progress != null) {
                progress.passed(at, total);
            }
            int evType = Short.toUnsignedInt(EventView.u16(buf, ev + 20));
            EventInfo info = EventTable.get(evType);
            if (info == null) {
                continue; // event types this table does not know are skipped, as sysdig does
            }
            if (v1) {
                if (!convertV1(ev, evLen, info, at)) {
                    continue;
                }
            } else {
                if (evLen > bodyEnd - ev) {
                    throw new ScapFormatException("corrupt file: event length " + evLen + " does not fit its "
                            + BlockTypes.describe(type), at);
                }
                evBuf = buf;
                evOff = ev;
            }
            eventCount++;
            return true;
        }
    }

    /** Rewrites a v1 event (22-byte header without nparams) as a v2 event in the conversion buffer. */
    private boolean convertV1(int ev, int evLen, EventInfo info, long at) throws ScapFormatException {
        if (info.id() == EventTypes.NOTIFICATION_E || info.id() == EventTypes.INFRASTRUCTURE_EVENT_E) {
            evLen -= 3;
        }
        int lsize = info.largePayload() ? 4 : 2;
        int found = -1;
        for (int n = info.params().length; n >= 0; n--) {
            int lensEnd = ev + 22 + n * lsize;
            if (lensEnd > ev + evLen) {
                continue;
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                int lp = ev + 22 + i * lsize;
                sum += lsize == 2 ? Short.toUnsignedInt(EventView.u16(buf, lp)) : Integer.toUnsignedLong(EventView.i32(buf, lp));
            }
            if (22 + (long) n * lsize + sum == evLen) {
                found = n;
                break;
            }
        }
        if (found < 0) {
            throw new ScapFormatException("corrupt file: cannot work out the parameters of a v1 "
                    + info.name() + " event", at);
        }
        int newLen = evLen + 4;
        if (convert.length < newLen) {
            convert = new byte[Math.max(newLen, convert.length * 2)];
        }
        System.arraycopy(buf, ev, convert, 0, 22);
        putInt(convert, 16, newLen);
        putInt(convert, 22, found);
        System.arraycopy(buf, ev + 22, convert, 26, evLen - 22);
        evBuf = convert;
        evOff = 0;
        return true;
    }

    private static void putInt(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >> 8);
        b[o + 2] = (byte) (v >> 16);
        b[o + 3] = (byte) (v >> 24);
    }

    @Override
    public byte[] buffer() {
        return evBuf;
    }

    @Override
    public int offset() {
        return evOff;
    }

    @Override
    public int cpu() {
        return evCpu;
    }

    @Override
    public int flags() {
        return evFlags;
    }

    public long eventCount() {
        return eventCount;
    }

    /** Bytes of the (uncompressed) input consumed so far. */
    public long position() {
        return consumed + pos;
    }

    @Override
    public void close() throws IOException {
        if (progress != null) {
            progress.close();
        }
        if (chunks != null) {
            chunks.close();
        } else {
            in.close();
        }
    }
}
