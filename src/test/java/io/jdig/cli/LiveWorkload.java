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

/**
 * What {@link LiveWriteTest} captures, run in its own JVM (jdig never sees its own syscalls): writes a file at a
 * known path, opens a missing one, sends known bytes over TCP on 127.0.0.1 and runs /bin/echo with known
 * arguments. Prints "PID PORT" on stdout.
 * <p>
 * With a second argument "interactive" ({@link LiveChiselTest}) it prints its PID, then obeys commands read from
 * stdin, one a line, answering each with one line: "probe N" writes "jdig-probe-N" to DIR/probe.txt (answer "ok"),
 * "tcp" makes the TCP exchange of {@link #tcpExchange} (answer "SERVERPORT CLIENTPORT"), "exit" ends.
 */
public final class LiveWorkload {
    public static final String FILE_PAYLOAD = "jdig-file-payload-12345";
    public static final String TCP_PAYLOAD = "jdig-tcp-payload-67890";
    public static final String ECHO_ARG = "jdig-echo-arg1";
    public static final String TCP_REPLY = "jdig-tcp-reply-13579";
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
}
