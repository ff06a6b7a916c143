package io.jdig.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The value-name tables sysdig uses to explain parameter values: flag/enum/mode tables ({@link FlagTable}), the
 * PT_DYN sub-type tables, errno names, signal names and PPM_SC syscall names.
 *
 * <p>The data lives in {@code valuetables.txt} beside this class (generated from falcosecurity/libs by
 * {@code tools/gen-valuetables/gen.py}) and is loaded once, on first use. All {@code append*} methods use
 * precomputed name bytes and allocate nothing.
 */
public final class ValueTables {
    /** One entry of a PT_DYN table: the parameter type and print format of the value that follows the index. */
    public record DynParam(int index, String type, String format) {}

    private ValueTables() {}

    // ---- flag / enum / mode tables ----

    /** The table with this name (as written in brackets in the event table), or null if there is none. */
    public static FlagTable table(String name) {
        return Data.INSTANCE.tables.get(name);
    }

    /** Every flag/enum/mode table, in file order. */
    public static List<FlagTable> tables() {
        return Data.INSTANCE.tableList;
    }

    // ---- PT_DYN tables ----

    /** Whether a PT_DYN table with this name exists. */
    public static boolean hasDynTable(String name) {
        return Data.INSTANCE.dyn.containsKey(name);
    }

    /** Number of entries of the PT_DYN table, or -1 if there is no such table. */
    public static int dynTableSize(String name) {
        DynParam[] t = Data.INSTANCE.dyn.get(name);
        return t == null ? -1 : t.length;
    }

    /**
     * The sub-type of a PT_DYN parameter: the first byte of the parameter is {@code index}, the rest is a value of
     * the returned type. Returns null if the table is unknown or the index is out of range (sysdig 0.29 then prints
     * {@code INVALID DYNAMIC PARAMETER}). Note: sysdig renders the value with the print format of the outer
     * parameter as declared in the event table, not with {@link DynParam#format()}.
     */
    public static DynParam dynParam(String tableName, int index) {
        DynParam[] t = Data.INSTANCE.dyn.get(tableName);
        if (t == null || index < 0 || index >= t.length) {
            return null;
        }
        return t[index];
    }

    // ---- errno ----

    /** The name of a (positive) errno number as sysdig prints it, e.g. 2 → "ENOENT"; null if sysdig has none. */
    public static String errnoName(long errno) {
        byte[] b = errnoBytes(errno);
        return b == null ? null : new String(b, StandardCharsets.US_ASCII);
    }

    /**
     * Appends the errno name for a PT_ERRNO / PT_FD parameter value as sysdig does: only when the 64-bit value is
     * negative, looking up the negation of its low 32 bits (so {@code -2} → {@code ENOENT}).
     *
     * @return false (nothing appended) for non-negative values and unknown codes; sysdig then prints no
     *     parentheses, e.g. {@code res=-600}
     */
    public static boolean appendErrno(long value, ByteBuf out) {
        if (value >= 0) {
            return false;
        }
        byte[] b = errnoBytes(-(long) (int) value);
        if (b == null) {
            return false;
        }
        out.append(b);
        return true;
    }

    private static byte[] errnoBytes(long errno) {
        byte[][] t = Data.INSTANCE.errnos;
        return errno <= 0 || errno >= t.length ? null : t[(int) errno];
    }

    // ---- signals ----

    /** The name of a signal number, e.g. 9 → "SIGKILL"; null if sysdig has none (0 and above 31). */
    public static String signalName(int sig) {
        byte[] b = signalBytes(sig);
        return b == null ? null : new String(b, StandardCharsets.US_ASCII);
    }

    /** Appends the signal name (PT_SIGTYPE, PT_SIGSET members); false and nothing appended if there is none. */
    public static boolean appendSignal(int sig, ByteBuf out) {
        byte[] b = signalBytes(sig);
        if (b == null) {
            return false;
        }
        out.append(b);
        return true;
    }

    private static byte[] signalBytes(int sig) {
        byte[][] t = Data.INSTANCE.signals;
        return sig < 0 || sig >= t.length ? null : t[sig];
    }

    // ---- syscalls (PPM_SC codes, libs 0.29 numbering) ----

    /** Number of PPM_SC codes (PPM_SC_MAX); codes at or above it are invalid. */
    public static int syscallCount() {
        return Data.INSTANCE.syscalls.length;
    }

    /**
     * The name of a PPM_SC code (PT_SYSCALLID parameters, {@code evt.type} of generic events), e.g. 298 →
     * "sigreturn", 0 → "&lt;unknown&gt;"; null if the code is out of range (sysdig 0.29 then prints
     * {@code <unknown syscall>} as the parameter value, with no resolved name).
     */
    public static String syscallName(int ppmSc) {
        byte[] b = syscallBytes(ppmSc);
        return b == null ? null : new String(b, StandardCharsets.US_ASCII);
    }

    /** The syscall name as ASCII bytes (do not modify), or null. */
    public static byte[] syscallBytes(int ppmSc) {
        byte[][] t = Data.INSTANCE.syscalls;
        return ppmSc < 0 || ppmSc >= t.length ? null : t[ppmSc];
    }

    /** Appends the syscall name; false and nothing appended if the code is out of range. */
    public static boolean appendSyscall(int ppmSc, ByteBuf out) {
        byte[] b = syscallBytes(ppmSc);
        if (b == null) {
            return false;
        }
        out.append(b);
        return true;
    }

    // ---- loading ----

    /** Holder: the file is read when one of the methods above is first called. */
    private static final class Data {
        static final Data INSTANCE = load();

        final Map<String, FlagTable> tables = new HashMap<>();
        final List<FlagTable> tableList;
        final Map<String, DynParam[]> dyn = new HashMap<>();
        final byte[][] errnos;
        final byte[][] signals;
        final byte[][] syscalls;

        private Data(List<FlagTable> tableList, byte[][] errnos, byte[][] signals, byte[][] syscalls) {
            this.tableList = Collections.unmodifiableList(tableList);
            for (FlagTable t : tableList) {
                tables.put(t.name(), t);
            }
            this.errnos = errnos;
            this.signals = signals;
            this.syscalls = syscalls;
        }

        private static Data load() {
            byte[] text;
            try (InputStream in = ValueTables.class.getResourceAsStream("valuetables.txt")) {
                if (in == null) {
                    throw new IllegalStateException("valuetables.txt missing from the class path");
                }
                text = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Parser(text).parse();
        }
    }

    /** A hand-written line parser for valuetables.txt (ASCII; no regular expressions). */
    private static final class Parser {
        private static final int NONE = 0, NAMES = 1, DYN = 2, ERRNO = 3, SIGNALS = 4, SYSCALLS = 5;

        private final byte[] s;
        private int pos;
        private int lineNo;

        // section being read
        private int kind = NONE;
        private String sectionName;
        private boolean sectionEnum;
        private boolean sectionHead;
        private int[] vals = new int[64];
        private final List<byte[]> names = new ArrayList<>();
        private final List<DynParam> dynRows = new ArrayList<>();

        private final List<FlagTable> tables = new ArrayList<>();
        private final Map<String, DynParam[]> dyn = new HashMap<>();
        private byte[][] errnos = new byte[0][];
        private byte[][] signals = new byte[0][];
        private byte[][] syscalls = new byte[0][];

        Parser(byte[] s) {
            this.s = s;
        }

        Data parse() {
            int n = s.length;
            while (pos < n) {
                int start = pos;
                while (pos < n && s[pos] != '\n') {
                    pos++;
                }
                int end = pos;
                pos++; // skip '\n'
                lineNo++;
                if (end > start && s[end - 1] == '\r') {
                    end--;
                }
                if (end == start || s[start] == '#') {
                    continue;
                }
                if (s[start] == '[') {
                    finishSection();
                    header(start, end);
                } else {
                    row(start, end);
                }
            }
            finishSection();
            Data d = new Data(tables, errnos, signals, syscalls);
            d.dyn.putAll(dyn);
            return d;
        }

        private void header(int start, int end) {
            int close = indexOf(']', start, end);
            if (close < 0) {
                throw error("unterminated section header");
            }
            String inside = ascii(start + 1, close).trim();
            String after = ascii(close + 1, end).trim();
            sectionHead = after.equals("@head");
            int sp = inside.indexOf(' ');
            String word = sp < 0 ? inside : inside.substring(0, sp);
            sectionName = sp < 0 ? null : inside.substring(sp + 1).trim();
            switch (word) {
                case "flags", "enum" -> {
                    requireName();
                    kind = NAMES;
                    sectionEnum = word.equals("enum");
                }
                case "dyn" -> {
                    requireName();
                    kind = DYN;
                }
                case "errno" -> kind = ERRNO;
                case "signals" -> kind = SIGNALS;
                case "syscalls" -> kind = SYSCALLS;
                default -> throw error("unknown section kind '" + word + "'");
            }
        }

        private void requireName() {
            if (sectionName == null || sectionName.isEmpty()) {
                throw error("section needs a name");
            }
        }

        private void row(int start, int end) {
            if (kind == NONE) {
                throw error("row outside a section");
            }
            int sp = indexOf(' ', start, end);
            if (sp < 0) {
                throw error("expected 'NUMBER NAME'");
            }
            long num = number(start, sp);
            int nameStart = sp + 1;
            if (kind == DYN) {
                int sp2 = indexOf(' ', nameStart, end);
                if (sp2 < 0) {
                    throw error("expected 'INDEX PT_TYPE PF_FORMAT'");
                }
                if (num != dynRows.size()) {
                    throw error("dyn indexes must be 0, 1, 2, ... in order");
                }
                dynRows.add(new DynParam((int) num, ascii(nameStart, sp2), ascii(sp2 + 1, end)));
                return;
            }
            if (nameStart >= end) {
                throw error("missing name");
            }
            if (names.size() == vals.length) {
                vals = Arrays.copyOf(vals, vals.length * 2);
            }
            vals[names.size()] = (int) num;
            names.add(Arrays.copyOfRange(s, nameStart, end));
        }

        private void finishSection() {
            switch (kind) {
                case NAMES -> {
                    if (findTable(sectionName)) {
                        throw error("duplicate table " + sectionName);
                    }
                    tables.add(new FlagTable(sectionName, sectionEnum, sectionHead,
                            Arrays.copyOf(vals, names.size()), names.toArray(new byte[0][])));
                }
                case DYN -> dyn.put(sectionName, dynRows.toArray(new DynParam[0]));
                case ERRNO -> errnos = byNumber();
                case SIGNALS -> signals = byNumber();
                case SYSCALLS -> syscalls = byNumber();
                default -> { }
            }
            kind = NONE;
            names.clear();
            dynRows.clear();
        }

        private boolean findTable(String name) {
            for (FlagTable t : tables) {
                if (t.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** The current rows as an array indexed by their number (gaps are null). */
        private byte[][] byNumber() {
            int max = -1;
            for (int i = 0; i < names.size(); i++) {
                if (vals[i] < 0) {
                    throw error("negative number in an indexed section");
                }
                max = Math.max(max, vals[i]);
            }
            byte[][] out = new byte[max + 1][];
            for (int i = 0; i < names.size(); i++) {
                out[vals[i]] = names.get(i);
            }
            return out;
        }

        private long number(int from, int to) {
            if (from >= to) {
                throw error("missing number");
            }
            long v = 0;
            for (int i = from; i < to; i++) {
                int d = s[i] - '0';
                if (d < 0 || d > 9 || v > 0xFFFF_FFFFL) {
                    throw error("bad number '" + ascii(from, to) + "'");
                }
                v = v * 10 + d;
            }
            if (v > 0xFFFF_FFFFL) {
                throw error("number out of 32-bit range");
            }
            return v;
        }

        private int indexOf(char c, int from, int to) {
            for (int i = from; i < to; i++) {
                if (s[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        private String ascii(int from, int to) {
            return new String(s, from, to - from, StandardCharsets.US_ASCII);
        }

        private IllegalStateException error(String msg) {
            return new IllegalStateException("valuetables.txt line " + lineNo + ": " + msg);
        }
    }
}
