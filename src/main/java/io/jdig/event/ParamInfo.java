package io.jdig.event;

import java.nio.charset.StandardCharsets;

/**
 * One parameter of an event: its name, type, print format and, for flag parameters, the name of the value table
 * (for path parameters relative to a directory fd, {@code dirfdIndex} is that fd parameter's index).
 */
public record ParamInfo(String name, byte[] nameBytes, ParamType type, PrintFormat format, String table,
                        int dirfdIndex) {
    static ParamInfo parse(String col) {
        String[] p = col.split("\\|", -1);
        String info = p.length > 3 ? p[3] : "";
        int dirfd = -1;
        String table = null;
        if (info.startsWith("DIRFD_PARAM(")) {
            dirfd = Integer.parseInt(info.substring(12, info.length() - 1));
        } else if (!info.isEmpty()) {
            table = info;
        }
        return new ParamInfo(p[0], p[0].getBytes(StandardCharsets.US_ASCII), ParamType.valueOf(p[1]),
                PrintFormat.parse(p[2]), table, dirfd);
    }
}
