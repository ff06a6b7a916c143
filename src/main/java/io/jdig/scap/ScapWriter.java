package io.jdig.scap;

import io.jdig.event.EventInfo;
import io.jdig.event.EventTable;
import io.jdig.event.EventView;
import io.jdig.event.meta.FdRecord;
import io.jdig.event.meta.GroupRecord;
import io.jdig.event.meta.InterfaceRecord;
import io.jdig.event.meta.MachineRecord;
import io.jdig.event.meta.Metadata;
import io.jdig.event.meta.ThreadRecord;
import io.jdig.event.meta.UserRecord;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a sysdig trace file the way libscap 0.29 does ({@code scap_setup_dump}, {@code scap_dump}): SHB 1.2, MI,
 * IL_V2, UL_V2, PL_V9 (0.29 entry layout, ending with loginuid and exe_writable), one FDL_V2 per thread, then one
 * EV_V2 block per event (EVF_V2 when the event has dump flags, the _LARGE variants for large-payload event types).
 * Event bytes are copied as they are.
 *
 * <p>Blocks are assembled in one buffer and written whole, so the file on disk always ends at a block boundary
 * between flushes. With gzip ({@code -z}) the deflate stream is sync-flushed with every buffer, so it too can be cut
 * at the end of the last buffer. When a write fails (disk full, quota), the file is truncated to the last whole
 * block (for gzip: the last flushed buffer, then closed with a valid gzip trailer) and every later call throws
 * {@link WriteFailedException}: the file stays readable by jdig and sysdig up to that point.
 */
public final class ScapWriter implements Closeable {
    private static final int BUF = 1 << 20;
    private static final int MAX_PATH = 1024;
    private static final int MAX_CRED = 256;
    private static final int ZSEGMENT = 128 << 10;

    /** Writing failed and the file was cut at the last whole block; the message says why. */
    public static final class WriteFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final FileChannel ch;
    private final String name;
    private final boolean truncatable;
    private byte[] buf = new byte[BUF];
    private int len;
    /** uncompressed bytes handed to the file (plain: the file size) */
    private long flushed;
    private long events;
    private boolean failed;
    private boolean closed;

    // gzip
    private final Deflater deflater;
    private final CRC32 crc;
    private byte[] zout;
    private long goodPos;      // compressed file size after the last complete sync flush
    private long goodCrc;
    private long goodSize;

    private ScapWriter(FileChannel ch, String name, boolean gzip, boolean truncatable) {
        this.ch = ch;
        this.name = name;
        this.truncatable = truncatable;
        if (gzip) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            crc = new CRC32();
            zout = new byte[BUF / 2];
        } else {
            deflater = null;
            crc = null;
        }
    }

    /**
     * Creates (or replaces) {@code file}, readable by its owner only (see {@link PrivateFile}); {@code "-"} is
     * standard output. Writes nothing yet.
     */
    public static ScapWriter create(Path file, boolean gzip) throws IOException {
        if (file.toString().equals("-")) {
            FileChannel out = new FileOutputStream(FileDescriptor.out).getChannel();
            return new ScapWriter(out, "standard output", gzip, false).start();
        }
        FileChannel c = PrivateFile.open(file);
        return new ScapWriter(c, file.toString(), gzip, true).start();
    }

    /** Writes to an open channel (tests). */
    public static ScapWriter create(FileChannel ch, String name, boolean gzip) throws IOException {
        return new ScapWriter(ch, name, gzip, true).start();
    }

    private ScapWriter start() throws IOException {
        if (deflater != null) {
            byte[] hdr = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
            writeFully(ByteBuffer.wrap(hdr));
            goodPos = hdr.length;
        }
        return this;
    }

    public String name() {
        return name;
    }

    /** Events written so far. */
    public long events() {
        return events;
    }

    /**
     * The size of the file so far, as libscap's {@code gzoffset}: bytes on disk (compressed with gzip) plus, for
     * plain files, what is still buffered. Used for {@code -C} rotation.
     */
    public long fileSize() {
        if (deflater != null) {
            return goodPos;
        }
        return flushed + len;
    }

    // ---- metadata blocks ------------------------------------------------------------------------------------

    /** SHB, then MI, IL, UL, PL and the FDL blocks of {@code m}; blocks whose part is null are left out. */
    public void writeHeader(Metadata m) throws IOException {
        writeSectionHeader();
        if (m.machine != null) {
            writeMachine(m.machine);
        }
        if (m.interfaces != null) {
            writeInterfaces(m.interfaces);
        }
        if (m.users != null) {
            writeUsers(m.users, m.groups);
        }
        writeProcesses(m.threads, m.exeWritable);
        for (ThreadRecord t : m.threads) {
            writeFds(t.tid(), m.fds.getOrDefault(t.tid(), List.of()));
        }
    }

    public void writeSectionHeader() throws IOException {
        int start = begin(BlockTypes.SHB, 28);
        i32(BlockTypes.SHB_MAGIC);
        i16(1);
        i16(2);
        i64(-1L);
        end(start, 28);
    }

    public void writeMachine(MachineRecord m) throws IOException {
        int total = norm(8 + 180 + 4);
        int start = begin(BlockTypes.MI, total);
        i32(m.numCpus());
        i64(m.memoryBytes());
        i64(m.maxPid());
        byte[] h = m.hostname() == null ? new byte[0] : m.hostname().getBytes(StandardCharsets.UTF_8);
        int n = Math.min(h.length, 127);
        put(h, 0, n);
        zeros(128 - n);
        i64(m.bootTs()); // reserved1/2 (HEAD: boot time, flags): 0.29 writes back what it read, zeros live
        i64(m.flags());
        i64(0);
        i64(0);
        end(start, total);
    }

    public void writeInterfaces(List<InterfaceRecord> itfs) throws IOException {
        int body = 0;
        for (InterfaceRecord r : itfs) {
            body += 4 + entryLen(r);
        }
        int total = norm(8 + body + 4);
        int start = begin(BlockTypes.IL_V2, total);
        // libscap writes every IPv4 entry, then every IPv6 entry
        for (int pass = 0; pass < 2; pass++) {
            for (InterfaceRecord r : itfs) {
                if (r.isV6() != (pass == 1)) {
                    continue;
                }
                byte[] n = cut(r.name(), MAX_PATH);
                i32(entryLen(r));
                i16(r.isV6() ? InterfaceRecord.IPV6 : InterfaceRecord.IPV4);
                i16(n.length);
                if (r.isV6()) {
                    put16(r.addr6());
                    put16(r.netmask6());
                    put16(r.bcast6());
                } else {
                    i32(r.addr4());
                    i32(r.netmask4());
                    i32(r.bcast4());
                }
                i64(r.linkSpeed());
                put(n, 0, n.length);
            }
        }
        end(start, total);
    }

    private static int entryLen(InterfaceRecord r) {
        // sizeof(scap_ifinfo_ipv4/6) + ifnamelen - SCAP_MAX_PATH_SIZE: the entry always has a link speed
        return (r.isV6() ? 60 : 24) + cut(r.name(), MAX_PATH).length;
    }

    public void writeUsers(List<UserRecord> users, List<GroupRecord> groups) throws IOException {
        int body = 0;
        for (UserRecord u : users) {
            body += 4 + 1 + 4 + 4 + 2 + cut(u.name(), MAX_CRED).length + 2 + cut(u.home(), MAX_PATH).length + 2
                    + cut(u.shell(), MAX_PATH).length;
        }
        for (GroupRecord g : groups) {
            body += 4 + 1 + 4 + 2 + cut(g.name(), MAX_CRED).length;
        }
        int total = norm(8 + body + 4);
        int start = begin(BlockTypes.UL_V2, total);
        for (UserRecord u : users) {
            byte[] n = cut(u.name(), MAX_CRED), h = cut(u.home(), MAX_PATH), s = cut(u.shell(), MAX_PATH);
            i32(4 + 1 + 4 + 4 + 2 + n.length + 2 + h.length + 2 + s.length);
            i8(0);
            i32(u.uid());
            i32(u.gid());
            str(n);
            str(h);
            str(s);
        }
        for (GroupRecord g : groups) {
            byte[] n = cut(g.name(), MAX_CRED);
            i32(4 + 1 + 4 + 2 + n.length);
            i8(1);
            i32(g.gid());
            str(n);
        }
        end(start, total);
    }

    public void writeProcesses(List<ThreadRecord> threads, java.util.Set<Long> exeWritable) throws IOException {
        byte[][][] parts = new byte[threads.size()][][];
        int body = 0;
        for (int i = 0; i < threads.size(); i++) {
            ThreadRecord t = threads.get(i);
            byte[][] p = {cut(t.comm(), MAX_PATH), cut(t.exe(), MAX_PATH), cut(t.exepath(), MAX_PATH),
                    blob(t.args()), cut(t.cwd(), MAX_PATH), blob(t.env()), blob(t.cgroups()), cut(t.root(), MAX_PATH)};
            parts[i] = p;
            body += entryLen(p);
        }
        int total = norm(8 + body + 4);
        int start = begin(BlockTypes.PL_V9, total);
        for (int i = 0; i < threads.size(); i++) {
            ThreadRecord t = threads.get(i);
            byte[][] p = parts[i];
            i32(entryLen(p));
            i64(t.tid());
            i64(t.pid());
            i64(t.ptid());
            i64(t.sid());
            i64(t.vpgid());
            str(p[0]);
            str(p[1]);
            str(p[2]);
            str(p[3]);
            str(p[4]);
            i64(t.fdlimit());
            i32(t.flags());
            i32(t.uid());
            i32(t.gid());
            i32(t.vmsizeKb());
            i32(t.vmrssKb());
            i32(t.vmswapKb());
            i64(t.pfmajor());
            i64(t.pfminor());
            str(p[5]);
            i64(t.vtid());
            i64(t.vpid());
            str(p[6]);
            str(p[7]);
            i32(t.loginuid());
            i8(exeWritable != null && exeWritable.contains(t.tid()) ? 1 : 0);
        }
        end(start, total);
    }

    private static int entryLen(byte[][] p) {
        int n = 4 + 8 * 5 + 8 + 4 * 3 + 4 * 3 + 8 * 2 + 8 * 2 + 4 + 1;
        for (byte[] s : p) {
            n += 2 + s.length;
        }
        return n;
    }

    public void writeFds(long tid, List<FdRecord> fds) throws IOException {
        int body = 8;
        for (FdRecord f : fds) {
            if (f.type() != FdRecord.UNKNOWN) {
                body += entryLen(f);
            }
        }
        int total = norm(8 + body + 4);
        int start = begin(BlockTypes.FDL_V2, total);
        i64(tid);
        for (FdRecord f : fds) {
            if (f.type() == FdRecord.UNKNOWN) {
                continue;
            }
            i32(entryLen(f));
            i64(f.fd());
            i64(f.ino());
            i8(f.type());
            switch (f.type()) {
                case FdRecord.IPV4_SOCK -> {
                    i32(f.sip4());
                    i32(f.dip4());
                    i16(f.sport());
                    i16(f.dport());
                    i8(f.l4proto());
                }
                case FdRecord.IPV4_SERVSOCK -> {
                    i32(f.sip4());
                    i16(f.sport());
                    i8(f.l4proto());
                }
                case FdRecord.IPV6_SOCK -> {
                    put16(f.sip6());
                    put16(f.dip6());
                    i16(f.sport());
                    i16(f.dport());
                    i8(f.l4proto());
                }
                case FdRecord.IPV6_SERVSOCK -> {
                    put16(f.sip6());
                    i16(f.sport());
                    i8(f.l4proto());
                }
                case FdRecord.UNIX_SOCK -> {
                    i64(f.source());
                    i64(f.dest());
                    str(cut(f.name(), MAX_PATH));
                }
                case FdRecord.FILE_V2 -> {
                    i32(f.openFlags());
                    str(cut(f.name(), MAX_PATH));
                    i32(f.dev());
                }
                default -> str(cut(f.name(), MAX_PATH));
            }
        }
        end(start, total);
    }

    private static int entryLen(FdRecord f) {
        int n = 4 + 8 + 8 + 1;
        return n + switch (f.type()) {
            case FdRecord.IPV4_SOCK -> 13;
            case FdRecord.IPV4_SERVSOCK -> 7;
            case FdRecord.IPV6_SOCK -> 37;
            case FdRecord.IPV6_SERVSOCK -> 19;
            case FdRecord.UNIX_SOCK -> 16 + 2 + cut(f.name(), MAX_PATH).length;
            case FdRecord.FILE_V2 -> 4 + 2 + cut(f.name(), MAX_PATH).length + 4;
            default -> 2 + cut(f.name(), MAX_PATH).length;
        };
    }

    // ---- events -------------------------------------------------------------------------------------------

    /**
     * Appends the event at {@code b[off..]} (v2 header; its length is in the header) recorded on {@code cpu}, with
     * dump flags ({@code SCAP_DF_STATE_ONLY = 1}; 0 for ordinary events).
     */
    public void writeEvent(byte[] b, int off, int cpu, int flags) throws IOException {
        int evLen = EventView.i32(b, off + 16);
        int type = Short.toUnsignedInt(EventView.u16(b, off + 20));
        EventInfo info = EventTable.get(type);
        boolean large = info != null && info.largePayload();
        flags &= ~4; // SCAP_DF_LARGE is in-memory only
        int pad = norm(2 + evLen) - (2 + evLen);
        int total;
        int start;
        if (flags == 0) {
            total = norm(8 + 2 + evLen + 4);
            start = begin(large ? BlockTypes.EV_V2_LARGE : BlockTypes.EV_V2, total);
            i16(cpu);
        } else {
            total = norm(8 + 2 + 4 + evLen + 4);
            start = begin(large ? BlockTypes.EVF_V2_LARGE : BlockTypes.EVF_V2, total);
            i16(cpu);
            i32(flags);
        }
        put(b, off, evLen);
        zeros(pad);
        end(start, total);
        events++;
    }

    // ---- block assembly -------------------------------------------------------------------------------------

    private int begin(int type, int total) throws IOException {
        if (failed) {
            throw new WriteFailedException("writing " + name + " failed earlier", null);
        }
        if (closed) {
            throw new IOException(name + " is closed");
        }
        if (len + total > buf.length) {
            flushBuffer();
            if (total > buf.length) {
                buf = new byte[Integer.highestOneBit(total) << 1];
            }
        }
        int start = len;
        i32(type);
        i32(total);
        return start;
    }

    private void end(int start, int total) {
        zeros(total - 4 - (len - start)); // padding to a multiple of 4
        i32(total);
        if (len - start != total) {
            throw new IllegalStateException("block length mismatch: wrote " + (len - start) + ", declared " + total);
        }
    }

    private static int norm(int x) {
        return ((x + 3) >>> 2) << 2;
    }

    private void i8(int v) {
        buf[len++] = (byte) v;
    }

    private void i16(int v) {
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >> 8);
    }

    private void i32(int v) {
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) (v >> 16);
        buf[len++] = (byte) (v >> 24);
    }

    private void i64(long v) {
        i32((int) v);
        i32((int) (v >>> 32));
    }

    private void put(byte[] b, int off, int n) {
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void put16(byte[] b) {
        if (b == null) {
            zeros(16);
        } else {
            put(b, 0, 16);
        }
    }

    private void zeros(int n) {
        for (int i = 0; i < n; i++) {
            buf[len++] = 0;
        }
    }

    private void str(byte[] s) {
        i16(s.length);
        put(s, 0, s.length);
    }

    private static byte[] cut(String s, int max) {
        if (s == null) {
            return new byte[0];
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= max ? b : java.util.Arrays.copyOf(b, max);
    }

    /** NUL-terminated strings one after the other (args, env, cgroups), at most 4096 bytes as libscap. */
    private static byte[] blob(List<String> items) {
        if (items == null || items.isEmpty()) {
            return new byte[0];
        }
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (String s : items) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (o.size() + b.length + 1 > 4096) {
                break;
            }
            o.write(b, 0, b.length);
            o.write(0);
        }
        return o.toByteArray();
    }

    // ---- output -----------------------------------------------------------------------------------------------

    /** Writes what is buffered (whole blocks) to the file. */
    public void flush() throws IOException {
        if (!failed && !closed) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (len == 0) {
            return;
        }
        if (deflater == null) {
            long before = ch.position();
            try {
                writeFully(ByteBuffer.wrap(buf, 0, len));
            } catch (IOException e) {
                fail(e, before);
            }
            flushed += len;
            len = 0;
            return;
        }
        // deflate in segments of whole blocks, each ending with a sync flush: the file can be cut after any of them
        int seg = 0;
        while (seg < len) {
            int end = seg;
            while (end < len && end - seg < ZSEGMENT) {
                end += EventView.i32(buf, end + 4);
            }
            try {
                deflater.setInput(buf, seg, end - seg);
                while (true) {
                    int n = deflater.deflate(zout, 0, zout.length, Deflater.SYNC_FLUSH);
                    if (n > 0) {
                        writeFully(ByteBuffer.wrap(zout, 0, n));
                    }
                    if (n < zout.length && deflater.needsInput()) {
                        break;
                    }
                }
            } catch (IOException e) {
                fail(e, -1);
            }
            crc.update(buf, seg, end - seg);
            flushed += end - seg;
            goodPos = ch.position();
            goodCrc = crc.getValue();
            goodSize = flushed;
            seg = end;
        }
        len = 0;
    }

    private void writeFully(ByteBuffer bb) throws IOException {
        while (bb.hasRemaining()) {
            ch.write(bb);
        }
    }

    /** Cuts the file at the last whole block and marks the writer failed. */
    private void fail(IOException cause, long flushStart) throws WriteFailedException {
        failed = true;
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        try {
            if (deflater == null) {
                long written = ch.position() - flushStart;
                int p = 0;
                while (p + 8 <= len) {
                    int total = EventView.i32(buf, p + 4);
                    if (total <= 0 || p + (long) total > written) {
                        break;
                    }
                    p += total;
                }
                if (truncatable) {
                    ch.truncate(flushStart + p);
                }
            } else if (truncatable) {
                ch.truncate(goodPos);
                ch.position(goodPos);
                byte[] tail = new byte[10];
                tail[0] = 3; // an empty final deflate block
                tail[1] = 0;
                putLe32(tail, 2, (int) goodCrc);
                putLe32(tail, 6, (int) goodSize);
                writeFully(ByteBuffer.wrap(tail));
            }
        } catch (IOException e) {
            // nothing more can be done; the file may end with a partial block
        }
        len = 0;
        throw new WriteFailedException(why, cause);
    }

    private static void putLe32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >> 8);
        b[o + 2] = (byte) (v >> 16);
        b[o + 3] = (byte) (v >> 24);
    }

    /** Writes what is buffered, ends the gzip stream and closes the file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (!failed) {
                flushBuffer();
                if (deflater != null) {
                    deflater.finish();
                    while (!deflater.finished()) {
                        int n = deflater.deflate(zout);
                        writeFully(ByteBuffer.wrap(zout, 0, n));
                    }
                    byte[] tail = new byte[8];
                    putLe32(tail, 0, (int) crc.getValue());
                    putLe32(tail, 4, (int) flushed);
                    writeFully(ByteBuffer.wrap(tail));
                }
            }
        } catch (IOException e) {
            if (!(e instanceof WriteFailedException) && deflater != null && !failed) {
                try {
                    fail(e, -1);
                } catch (WriteFailedException w) {
                    throw w;
                }
            }
            throw e;
        } finally {
            closed = true;
            if (deflater != null) {
                deflater.end();
            }
            if (truncatable) {
                ch.close();
            } else {
                try {
                    ch.force(false);
                } catch (IOException e) {
                    // pipes cannot be forced
                }
            }
        }
    }
}
