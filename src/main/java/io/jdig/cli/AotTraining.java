package io.jdig.cli;

import io.jdig.event.EventFlags;
import io.jdig.event.EventInfo;
import io.jdig.event.EventTable;
import io.jdig.event.ParamInfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A representative run of jdig used once after each build to record the JDK's ahead-of-time cache (classes
 * loaded and linked, method profiles), so that every later start is faster and reaches full speed sooner.
 * It writes a synthetic trace (common system calls of one process) and reads it the common ways.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--write")) {
            Files.write(Path.of(args[1]), syntheticTrace(4000)); // to look at what the training reads
            return;
        }
        if (args.length == 2 && args[0].equals("--write-views")) {
            writeTraces(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("--views")) {
            // cjdig's own cache: only what its views load. The traces were written by an earlier run, so that
            // writing them (the file writer, /proc, temporary names) is not in the cache that every start loads.
            Traces tr = Traces.in(Path.of(args[1]));
            for (int round = 0; round < 2; round++) {
                trainViews(tr);
            }
            return;
        }
        Path dir = Files.createTempDirectory("jdig-aot");
        try {
            Traces tr = writeTraces(dir);
            Class.forName("io.jdig.cli.Main");
            loadEveryClass();
            OutputStream sink = OutputStream.nullOutputStream();
            PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            String t = tr.synthetic();
            String m = tr.machine();
            String[][] runs = {
                    {"-r", m}, {"-r", m, "-q"}, {"-r", t, "-j"}, {"-r", t, "-A"}, {"-r", t, "-X"},
                    {"-r", t, "-p", "%evt.num %proc.name %fd.name %evt.type %evt.res"},
                    {"-r", m, "proc.name=trainer and fd.type=file"}, {"-r", t, "-S", "-q"}, {"-r", tr.gzipped(), "-q"},
                    {"-L"}, {"--version"}};
            // live capture's native calls: linking them to libbpf and libc is most of its start-up before the
            // kernel's verifier (this only links them; without libbpf it just says so)
            io.jdig.capture.BpfLoader.environmentProblem();
            for (int round = 0; round < 2; round++) {
                for (String[] r : runs) {
                    new Jdig(sink, err).run(r);
                }
                trainViews(tr);
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            for (String name : Traces.NAMES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The training's traces in one directory: synthetic events alone, and behind this machine's header. */
    private record Traces(String synthetic, String machine, String gzipped) {
        static final String[] NAMES = {"training.scap", "machine.scap", "machine.scap.gz"};

        /** The traces {@link #writeTraces} left in {@code dir}; the synthetic one where the others are missing. */
        static Traces in(Path dir) {
            String t = dir.resolve(NAMES[0]).toString();
            Path m = dir.resolve(NAMES[1]);
            Path g = dir.resolve(NAMES[2]);
            return Files.isRegularFile(m) && Files.isRegularFile(g)
                    ? new Traces(t, m.toString(), g.toString()) : new Traces(t, t, t);
        }
    }

    private static Traces writeTraces(Path dir) throws IOException {
        Path trace = dir.resolve(Traces.NAMES[0]);
        Files.write(trace, syntheticTrace(4000));
        // the same events behind the header a real capture has (this machine's processes, fds, users,
        // interfaces), plain and gzipped: reading that header is most of a short command's work
        writeWithMachineHeader(trace, dir.resolve(Traces.NAMES[1]), dir.resolve(Traces.NAMES[2]));
        return Traces.in(dir);
    }

    /** cjdig's views, both outputs. */
    private static void trainViews(Traces tr) {
        OutputStream sink = OutputStream.nullOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String v : new String[] {"procs", "files", "connections", "syscalls"}) {
            new io.jdig.view.cli.Cjdig(sink, err).run(new String[] {"-r", tr.machine(), "-v", v, "-j"});
            new io.jdig.view.cli.Cjdig(sink, err).run(new String[] {"-r", tr.synthetic(), "-v", v, "--raw"});
        }
        new io.jdig.view.cli.Cjdig(sink, err).run(new String[] {"-r", tr.gzipped(), "-v", "procs", "-j"});
    }

    /**
     * Loads (without initialising) every class in jdig's jar, so that all of them go into the cache: a class the
     * runs below happen not to use would otherwise be read from the jar, which costs opening it, at the first
     * start that needs it.
     */
    private static void loadEveryClass() {
        ClassLoader loader = AotTraining.class.getClassLoader();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(
                Path.of(AotTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            jar.stream().map(java.util.jar.JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.contains("-") && !n.startsWith("META-INF"))
                    .forEach(n -> {
                        try {
                            Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            // a class that needs what jdig does not ship (optional parts of a library)
                        }
                    });
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // not run from a jar (tests): the runs below still load what they use
        }
    }

    /**
     * Copies the events of {@code from} behind a header taken once from this machine's /proc, into a plain and a
     * gzipped file; neither if that fails.
     */
    private static void writeWithMachineHeader(Path from, Path plain, Path gzipped) throws IOException {
        try {
            io.jdig.event.meta.Metadata meta = io.jdig.capture.ProcSnapshot.take(true);
            copyEvents(from, plain, meta, false);
            copyEvents(from, gzipped, meta, true);
        } catch (IOException | RuntimeException e) {
            // training goes on with the synthetic trace alone
            Files.deleteIfExists(plain);
            Files.deleteIfExists(gzipped);
        }
    }

    private static void copyEvents(Path from, Path to, io.jdig.event.meta.Metadata meta, boolean gzip) throws IOException {
        try (io.jdig.scap.ScapWriter w = io.jdig.scap.ScapWriter.create(to, gzip);
             io.jdig.scap.ScapReader r = io.jdig.scap.ScapReader.open(from, new io.jdig.event.meta.MetadataSink() {
             })) {
            w.writeHeader(meta);
            r.readHeader();
            while (r.next()) {
                w.writeEvent(r.buffer(), r.offset(), r.cpu(), r.flags());
            }
        }
    }

    // ---- a small trace writer, enough for training --------------------------------------------------------

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    static byte[] syntheticTrace(int rounds) {
        OUT.reset();
        ByteBuffer shb = le(28);
        shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 2)
                .putLong(-1L).putInt(28);
        OUT.writeBytes(shb.array());
        processList();
        long ts = 1_700_000_000_000_000_000L;
        long tid = 4242;
        for (int i = 0; i < rounds; i++) {
            String path = "/etc/training" + (i % 7) + ".conf";
            event(ts++, tid, 306, new byte[][]{i64(-100), cstr(path), u32(1), u32(0)});
            event(ts++, tid, 307, new byte[][]{i64(3), i64(-100), cstr(path), u32(1), u32(0), u32(0)});
            event(ts++, tid, 6, new byte[][]{i64(3), u32(4096)});
            event(ts++, tid, 7, new byte[][]{i64(12), "hello world\n".getBytes(StandardCharsets.US_ASCII)});
            event(ts++, tid, 8, new byte[][]{i64(1), u32(12)});
            event(ts++, tid, 9, new byte[][]{i64(12), "hello world\n".getBytes(StandardCharsets.US_ASCII)});
            event(ts++, tid, 4, new byte[][]{i64(3)});
            event(ts++, tid, 5, new byte[][]{i64(0)});
            event(ts++, tid, 2, new byte[][]{cstr("/missing"), u32(1), u32(0)});
            event(ts++, tid, 3, new byte[][]{i64(-2), cstr("/missing"), u32(1), u32(0), u32(0)});
            event(ts++, tid, 0, new byte[][]{u16(7), u16(39)});
            event(ts++, tid, 1, new byte[][]{u16(7)});
            if (i % 40 == 0) {
                ts = everyEvent(ts, i);
            }
        }
        return OUT.toByteArray();
    }

    /**
     * One event of every type the table knows, each from one of a few threads, with plausible parameters:
     * the compiled code then expects the variety of a real capture instead of the few calls above.
     */
    private static long everyEvent(long ts, int round) {
        for (EventInfo info : EventTable.all()) {
            if (info == null || info.largePayload() || info.has(EventFlags.UNUSED)) {
                continue;
            }
            ParamInfo[] ps = info.params();
            byte[][] params = new byte[ps.length][];
            for (int k = 0; k < ps.length; k++) {
                params[k] = sample(ps[k], k, round);
            }
            event(ts++, 4242 + round % 5, info.id(), params);
        }
        return ts;
    }

    private static byte[] sample(ParamInfo p, int index, int round) {
        return switch (p.type()) {
            case CHARBUF, FSPATH, FSRELPATH -> cstr(round % 3 == 0 ? "/tmp/training/file" + round % 11 : "rel" + round);
            case BYTEBUF -> "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
            case CHARBUFARRAY, CHARBUF_PAIR_ARRAY -> "a=1\0b=2\0".getBytes(StandardCharsets.US_ASCII);
            case SOCKADDR -> le(7).put((byte) 2).put(new byte[]{127, 0, 0, 1}).putShort((short) 8080).array();
            case SOCKTUPLE -> le(13).put((byte) 2).put(new byte[]{10, 0, 0, 2}).putShort((short) (40000 + round))
                    .put(new byte[]{10, 0, 0, 1}).putShort((short) 80).array();
            case FDLIST -> le(2).putShort((short) 0).array();
            case FD, ERRNO, INT64, PID -> i64(index == 0 ? (round % 4 == 3 ? -2 : 3 + round % 5) : 4242 + round % 5);
            case IPV6ADDR -> new byte[16];
            default -> p.type().size > 0 ? new byte[p.type().size] : new byte[0];
        };
    }

    private static void processList() {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        ByteBuffer h = le(8 * 3);
        h.putLong(4242).putLong(4242).putLong(1);
        e.writeBytes(h.array());
        str(e, "trainer");
        str(e, "/usr/bin/trainer");
        str(e, "arg\0");
        str(e, "/tmp");
        ByteBuffer m = le(8 + 4 * 3 + 4 * 3 + 16);
        m.putLong(1024).putInt(0).putInt(0).putInt(0).putInt(100).putInt(10).putInt(0).putLong(0).putLong(0);
        e.writeBytes(m.array());
        str(e, "");
        ByteBuffer v = le(16);
        v.putLong(4242).putLong(4242);
        e.writeBytes(v.array());
        str(e, "");
        str(e, "/");
        block(0x211, e.toByteArray());
    }

    private static void str(ByteArrayOutputStream e, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        e.write(b.length & 0xFF);
        e.write(b.length >> 8);
        e.writeBytes(b);
    }

    private static void block(int type, byte[] body) {
        int total = (8 + body.length + 4 + 3) & ~3;
        ByteBuffer b = le(total);
        b.putInt(type).putInt(total).put(body);
        b.position(total - 4);
        b.putInt(total);
        OUT.writeBytes(b.array());
    }

    private static void event(long ts, long tid, int type, byte[][] params) {
        int len = 26 + 2 * params.length;
        for (byte[] p : params) {
            len += p.length;
        }
        ByteBuffer b = le(2 + len);
        b.putShort((short) 0).putLong(ts).putLong(tid).putInt(len).putShort((short) type).putInt(params.length);
        for (byte[] p : params) {
            b.putShort((short) p.length);
        }
        for (byte[] p : params) {
            b.put(p);
        }
        block(0x216, b.array());
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] i64(long v) {
        return le(8).putLong(v).array();
    }

    private static byte[] u32(int v) {
        return le(4).putInt(v).array();
    }

    private static byte[] u16(int v) {
        return le(2).putShort((short) v).array();
    }

    private static byte[] cstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] r = new byte[b.length + 1];
        System.arraycopy(b, 0, r, 0, b.length);
        return r;
    }
}
