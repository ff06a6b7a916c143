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
 */
public final class LiveWorkload {
    public static final String FILE_PAYLOAD = "jdig-file-payload-12345";
    public static final String TCP_PAYLOAD = "jdig-tcp-payload-67890";
    public static final String ECHO_ARG = "jdig-echo-arg1";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (OutputStream out = new FileOutputStream(dir.resolve("written.txt").toFile())) {
            out.write(FILE_PAYLOAD.getBytes(StandardCharsets.US_ASCII));
        }
        try (InputStream in = new FileInputStream(dir.resolve("missing.txt").toFile())) {
            in.read();
        } catch (FileNotFoundException expected) {
            // ENOENT is what the test looks for
        }
        int port;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            port = server.getLocalPort();
            try (Socket client = new Socket()) {
                client.connect(server.getLocalSocketAddress());
                try (Socket conn = server.accept()) {
                    client.getOutputStream().write(TCP_PAYLOAD.getBytes(StandardCharsets.US_ASCII));
                    byte[] buf = new byte[TCP_PAYLOAD.length()];
                    int n = 0;
                    while (n < buf.length) {
                        int r = conn.getInputStream().read(buf, n, buf.length - n);
                        if (r < 0) {
                            break;
                        }
                        n += r;
                    }
                }
            }
        }
        Process p = new ProcessBuilder("/bin/echo", ECHO_ARG, "arg2").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        System.out.println(ProcessHandle.current().pid() + " " + port);
    }
}
