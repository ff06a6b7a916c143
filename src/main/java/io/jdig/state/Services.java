package io.jdig.state;

import io.jdig.event.ByteBuf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Port numbers as service names from the system's services database, for -R: off unless asked for, when ports
 * print as numbers. A port the database does not name still prints as its number.
 */
public final class Services {
    private static final Path DATABASE = Path.of("/etc/services");
    private static volatile boolean resolve;
    private static Map<Integer, String> names;

    private Services() {
    }

    /** Turns name resolution on or off for the rest of the run. */
    public static void resolve(boolean on) {
        resolve = on;
    }

    /** Appends a port, by name when resolution is on and the database names it for the protocol. */
    public static ByteBuf appendPort(ByteBuf b, int port, int l4proto) {
        String name = resolve ? name(port, l4proto) : null;
        return name != null ? b.append(name) : b.append(port);
    }

    public static String portText(int port, int l4proto) {
        String name = resolve ? name(port, l4proto) : null;
        return name != null ? name : Integer.toString(port);
    }

    private static synchronized String name(int port, int l4proto) {
        if (names == null) {
            names = load();
        }
        int proto = l4proto == FdInfo.L4_TCP ? 1 : l4proto == FdInfo.L4_UDP ? 2 : 0;
        return names.get(port << 2 | proto);
    }

    /** Entries by port and protocol (1 tcp, 2 udp, 0 any: the first entry of the port in the file). */
    private static Map<Integer, String> load() {
        Map<Integer, String> m = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(DATABASE, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return m;
        }
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] w = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (w.length < 2) {
                continue;
            }
            int slash = w[1].indexOf('/');
            if (slash <= 0) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(w[1].substring(0, slash));
            } catch (NumberFormatException e) {
                continue;
            }
            String proto = w[1].substring(slash + 1);
            int p = proto.equals("tcp") ? 1 : proto.equals("udp") ? 2 : 3;
            if (p < 3) {
                m.putIfAbsent(port << 2 | p, w[0]);
            }
            m.putIfAbsent(port << 2, w[0]);
        }
        return m;
    }
}
