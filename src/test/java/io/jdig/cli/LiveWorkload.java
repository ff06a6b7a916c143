package io.jdig.cli;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link LiveWriteTest} captures, run in its own JVM (jdig never sees its own syscalls): writes a file at a
 * known path, opens a missing one, sends known bytes over TCP on 127.0.0.1 and runs /bin/echo with known
 * arguments. Prints "PID PORT" on stdout.
 * <p>
 * With a second argument "interactive" ({@link LiveChiselTest}) it prints its PID, then obeys commands read from
 * stdin, one a line, answering each with one line: "probe N" writes "jdig-probe-N" to DIR/probe.txt (answer "ok"),
 * "tcp" makes the TCP exchange of {@link #tcpExchange} (answer "SERVERPORT CLIENTPORT"), "logs" makes the writes
 * of {@link #logs} (answer "logs M", M = 1 if the memcached-like exchange could use port 11211), "exit" ends.
 */
public final class LiveWorkload {
    public static final String FILE_PAYLOAD = "jdig-file-payload-12345";
    public static final String TCP_PAYLOAD = "jdig-tcp-payload-67890";
    public static final String ECHO_ARG = "jdig-echo-arg1";
    /** Longer than the default snaplen (80): echo_fds asks for 2000 bytes and must get them all. */
    public static final String TCP_REPLY = "jdig-tcp-reply-13579-" + "0123456789abcdefghijklmnopqrstuvwxyz".repeat(4);
    public static final String PROBE = "jdig-probe-";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("interactive")) {
            interactive(dir);
            return;
        }
        try (OutputStream out = new FileOutputStream(dir.resolve("written.txt").toFile())) {
            out.write(FILE_PAYLOAD.getBytes(StandardCharsets.US_ASCII));
        }
        try (InputStream in = new FileInputStream(dir.resolve("missing.txt").toFile())) {
            in.read();
        } catch (FileNotFoundException expected) {
            // ENOENT is what the test looks for
        }
        int port = tcpExchange(false)[0];
        Process p = new ProcessBuilder("/bin/echo", ECHO_ARG, "arg2").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        System.out.println(ProcessHandle.current().pid() + " " + port);
    }

    private static void interactive(Path dir) throws Exception {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.US_ASCII));
        System.out.println(ProcessHandle.current().pid());
        System.out.flush();
        for (String cmd = in.readLine(); cmd != null && !cmd.equals("exit"); cmd = in.readLine()) {
            if (cmd.startsWith("probe ")) {
                try (OutputStream out = new FileOutputStream(dir.resolve("probe.txt").toFile())) {
                    out.write((PROBE + cmd.substring(6)).getBytes(StandardCharsets.US_ASCII));
                }
                System.out.println("ok");
            } else if (cmd.equals("logs")) {
                System.out.println("logs " + (logs(dir) ? 1 : 0));
            } else if (cmd.equals("tcp")) {
                int[] ports = tcpExchange(true);
                System.out.println(ports[0] + " " + ports[1]);
            } else {
                System.out.println("unknown command " + cmd);
            }
            System.out.flush();
        }
    }

    /**
     * A connection on 127.0.0.1: the client writes {@link #TCP_PAYLOAD}, the server reads it all; with
     * {@code reply} the server then writes {@link #TCP_REPLY} and the client reads it all. Returns the server's and
     * the client's ports.
     */
    static int[] tcpExchange(boolean reply) throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            try (Socket client = new Socket()) {
                client.connect(server.getLocalSocketAddress());
                try (Socket conn = server.accept()) {
                    client.getOutputStream().write(TCP_PAYLOAD.getBytes(StandardCharsets.US_ASCII));
                    readFully(conn.getInputStream(), TCP_PAYLOAD.length());
                    if (reply) {
                        conn.getOutputStream().write(TCP_REPLY.getBytes(StandardCharsets.US_ASCII));
                        readFully(client.getInputStream(), TCP_REPLY.length());
                    }
                }
                return new int[] {server.getLocalPort(), client.getLocalPort()};
            }
        }
    }

    private static void readFully(InputStream in, int len) throws Exception {
        byte[] buf = new byte[len];
        int n = 0;
        while (n < len) {
            int r = in.read(buf, n, len - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
    }

    /** Syslog messages sent to DIR/dev/log (a UNIX stream socket this process listens on). */
    public static final List<String> SYSLOG = List.of("<11>jdigtest: an error happened", "<28>jdigtest: a warning",
            "<158>jdigtest: just info");
    /** Appended to DIR/app.log and DIR/my_log. */
    public static final String APP_LOG = "line one\nWARNING two\nerr three\n";
    public static final String MY_LOG = "x_log line\n";
    /** Sent by a client to a server on 127.0.0.1:11211, and the server's answers. */
    public static final List<String> MEMCACHE = List.of("set jdigkey 0 0 5\r\nhello\r\n", "STORED\r\n",
            "get jdigkey\r\n", "VALUE jdigkey 0 5\r\nhello\r\nEND\r\n");

    /**
     * What the log chisels look for: syslog messages, lines appended to log files, and a memcached-like exchange
     * on port 11211 (skipped if the port is taken: returns false).
     */
    static boolean logs(Path dir) throws Exception {
        Path sock = java.nio.file.Files.createDirectories(dir.resolve("dev")).resolve("log");
        var addr = java.net.UnixDomainSocketAddress.of(sock);
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(addr);
            try (var client = java.nio.channels.SocketChannel.open(addr); var conn = server.accept()) {
                for (String m : SYSLOG) {
                    byte[] b = m.getBytes(StandardCharsets.US_ASCII);
                    client.write(java.nio.ByteBuffer.wrap(b));
                    var in = java.nio.ByteBuffer.allocate(b.length);
                    while (in.hasRemaining() && conn.read(in) > 0) {
                        // the whole message
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(sock);
        }
        try (OutputStream out = new FileOutputStream(dir.resolve("app.log").toFile(), true)) {
            out.write(APP_LOG.getBytes(StandardCharsets.US_ASCII));
        }
        try (OutputStream out = new FileOutputStream(dir.resolve("my_log").toFile(), true)) {
            out.write(MY_LOG.getBytes(StandardCharsets.US_ASCII));
        }
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 11211));
        } catch (java.io.IOException taken) {
            return false;
        }
        try (server; Socket client = new Socket()) {
            client.connect(server.getLocalSocketAddress());
            try (Socket conn = server.accept()) {
                for (int i = 0; i < MEMCACHE.size(); i += 2) {
                    client.getOutputStream().write(MEMCACHE.get(i).getBytes(StandardCharsets.US_ASCII));
                    readFully(conn.getInputStream(), MEMCACHE.get(i).length());
                    conn.getOutputStream().write(MEMCACHE.get(i + 1).getBytes(StandardCharsets.US_ASCII));
                    readFully(client.getInputStream(), MEMCACHE.get(i + 1).length());
                }
            }
        }
        return true;
    }
}
