package io.jdig.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system's services database (/etc/services), the one place that reads it: port numbers as service names for
 * -R (see {@link PortNames}), and service names as port numbers for filters ({@code fd.port=http}).
 */
public final class Services {
    private static final Path DATABASE = Path.of("/etc/services");

    private Services() {
    }

    /** The database, read once when first needed and never changed. */
    private static final class Database {
        /** Names by port and protocol (1 tcp, 2 udp, 0 any: the first entry of the port in the file). */
        static final Map<Integer, String> NAMES;
        /** Ports by service name and alias (the first entry that gives the name). */
        static final Map<String, Integer> PORTS;

        static {
            Map<Integer, String> names = new HashMap<>();
            Map<String, Integer> ports = new HashMap<>();
            List<String> lines;
            try {
                lines = Files.readAllLines(DATABASE, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                lines = List.of();
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
                    names.putIfAbsent(port << 2 | p, w[0]);
                }
                names.putIfAbsent(port << 2, w[0]);
                for (int k = 0; k < w.length; k++) {
                    if (k != 1) {
                        ports.putIfAbsent(w[k], port);
                    }
                }
            }
            NAMES = Map.copyOf(names);
            PORTS = Map.copyOf(ports);
        }
    }

    /** A port by the name the database gives it for the protocol, or null. */
    static String name(int port, int l4proto) {
        int proto = l4proto == FdInfo.L4_TCP ? 1 : l4proto == FdInfo.L4_UDP ? 2 : 0;
        return Database.NAMES.get(port << 2 | proto);
    }

    /** The port a service name or alias stands for, or null when the database does not know it. */
    public static Integer port(String serviceName) {
        return Database.PORTS.get(serviceName);
    }

}
