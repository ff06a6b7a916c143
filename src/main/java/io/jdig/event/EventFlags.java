package io.jdig.event;

/** Event flags (EF_*), as bits. */
public final class EventFlags {
    public static final int CREATES_FD = 1;
    public static final int DESTROYS_FD = 2;
    public static final int USES_FD = 4;
    public static final int READS_FROM_FD = 8;
    public static final int WRITES_TO_FD = 16;
    public static final int MODIFIES_STATE = 32;
    public static final int UNUSED = 64;
    public static final int WAITS = 128;
    public static final int SKIPPARSERESET = 256;
    public static final int OLD_VERSION = 512;
    public static final int DROP_SIMPLE_CONS = 1024;
    public static final int LARGE_PAYLOAD = 2048;
    public static final int CONVERTER_MANAGED = 4096;

    private EventFlags() {
    }

    static int parse(String s) {
        if (s.equals("-")) {
            return 0;
        }
        int v = 0;
        for (String f : s.split(",")) {
            v |= switch (f.trim()) {
                case "CREATES_FD" -> CREATES_FD;
                case "DESTROYS_FD" -> DESTROYS_FD;
                case "USES_FD" -> USES_FD;
                case "READS_FROM_FD" -> READS_FROM_FD;
                case "WRITES_TO_FD" -> WRITES_TO_FD;
                case "MODIFIES_STATE" -> MODIFIES_STATE;
                case "UNUSED" -> UNUSED;
                case "WAITS" -> WAITS;
                case "SKIPPARSERESET" -> SKIPPARSERESET;
                case "OLD_VERSION" -> OLD_VERSION;
                case "DROP_SIMPLE_CONS" -> DROP_SIMPLE_CONS;
                case "LARGE_PAYLOAD" -> LARGE_PAYLOAD;
                case "CONVERTER_MANAGED" -> CONVERTER_MANAGED;
                default -> 0;
            };
        }
        return v;
    }
}
