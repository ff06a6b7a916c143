package io.jdig.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdig.event.EventInfo;
import io.jdig.event.EventTable;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The eBPF driver (C) and the Java side share event numbers, constants and structure layouts. This test reads the
 * driver's sources and checks them against the Java side, so that the two cannot drift apart: the event numbers
 * against the event table, {@code jdig.h} against {@link BpfLoader}, {@code syscall_table.h} against
 * {@link SyscallTable}, and the parameter counts the fillers emit against the event table.
 */
class DriverContractTest {
    private static final Path BPF = Path.of("src/main/bpf");
    private static final Pattern DEFINE = Pattern.compile("(?m)^#define[ \\t]+(\\w+)[ \\t]+(.+?)[ \\t]*(?:/\\*.*)?$");

    private static String driver;
    private static Map<String, Integer> events;
    private static Map<String, Long> jdigH;
    private static int ppmEventMax;

    @BeforeAll
    static void read() throws IOException {
        driver = Files.readString(BPF.resolve("jdig.bpf.c"));
        events = new LinkedHashMap<>();
        Matcher m = DEFINE.matcher(Files.readString(BPF.resolve("ppm_events.h")));
        while (m.find()) {
            if (m.group(1).startsWith("PPME_")) {
                events.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        jdigH = defines(Files.readString(BPF.resolve("jdig.h")));
        ppmEventMax = (int) (long) jdigH.get("PPM_EVENT_MAX");
    }

    /** The integer #defines of a header: literals and the shift and arithmetic of earlier ones. */
    private static Map<String, Long> defines(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = DEFINE.matcher(text);
        while (m.find()) {
            Long v = eval(m.group(2), out);
            if (v != null) {
                out.put(m.group(1), v);
            }
        }
        return out;
    }

    private static Long eval(String expr, Map<String, Long> known) {
        String e = expr.strip();
        while (e.startsWith("(") && e.endsWith(")") && balanced(e.substring(1, e.length() - 1))) {
            e = e.substring(1, e.length() - 1).strip();
        }
        if (e.matches("\\d+")) {
            return Long.parseLong(e);
        }
        if (e.matches("0x[0-9a-fA-F]+")) {
            return Long.parseLong(e.substring(2), 16);
        }
        if (known.containsKey(e)) {
            return known.get(e);
        }
        for (String op : new String[]{"<<", "-", "+"}) {
            int depth = 0;
            for (int i = e.length() - 1; i > 0; i--) {
                char c = e.charAt(i);
                depth += c == ')' ? 1 : c == '(' ? -1 : 0;
                if (depth == 0 && e.startsWith(op, i)) {
                    Long a = eval(e.substring(0, i), known), b = eval(e.substring(i + op.length()), known);
                    if (a == null || b == null) {
                        return null;
                    }
                    return switch (op) {
                        case "<<" -> a << b;
                        case "-" -> a - b;
                        default -> a + b;
                    };
                }
            }
        }
        return null;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** EventTypes' name for a PPME_* name, the rule of tools/gen-event-table.py. */
    private static String javaName(String ppme) {
        String n = ppme.substring("PPME_".length());
        for (String prefix : new String[]{"SYSCALL_", "SOCKET_"}) {
            if (n.startsWith(prefix)) {
                return n.substring(prefix.length());
            }
        }
        return n;
    }

    private static int event(String ppme) {
        Integer n = events.get(ppme);
        assertThat(n).as("%s is in ppm_events.h", ppme).isNotNull();
        return n;
    }

    @Test
    void driverEventNumbersAreTheEventTable() throws Exception {
        assertThat(events).hasSize(EventTable.size());
        Map<String, Integer> java = new HashMap<>();
        for (Field f : EventTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                java.put(f.getName(), f.getInt(null));
            }
        }
        assertThat(java).hasSize(events.size());
        for (Map.Entry<String, Integer> e : events.entrySet()) {
            assertThat(java.get(javaName(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(EventTable.get(e.getValue()).isEnter()).as(e.getKey()).isEqualTo(e.getKey().endsWith("_E"));
        }
    }

    @Test
    void eventNumbersAreNamedInOnePlace() throws IOException {
        try (var files = Files.list(BPF)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().equals("ppm_events.h") || !p.toString().matches(".*\\.[ch]")) {
                    continue;
                }
                assertThat(Files.readString(p)).as("%s defines no event number of its own", p)
                        .doesNotContainPattern("#define\\s+PPME_");
            }
        }
        assertThat(driver).as("fillers are registered by event name")
                .doesNotContainPattern("(?m)^(ENTER|EXIT)_FILLER\\(\\d");
        assertThat(ppmEventMax).isEqualTo(EventTable.MAX_029);
    }

    @Test
    void fillersMatchTheirEventsDirection() {
        Matcher m = Pattern.compile("(?m)^(ENTER|EXIT)_FILLER\\((PPME_\\w+),").matcher(driver);
        List<Integer> seen = new ArrayList<>();
        while (m.find()) {
            int ev = event(m.group(2));
            assertThat(ev).as(m.group(2)).isLessThan(ppmEventMax);
            assertThat(EventTable.get(ev).isEnter()).as(m.group(0)).isEqualTo(m.group(1).equals("ENTER"));
            assertThat(seen).as("one filler for %s", m.group(2)).doesNotContain(ev);
            seen.add(ev);
        }
        assertThat(seen).hasSizeGreaterThan(100);
        int start = driver.indexOf("ev_kind[PPM_EVENT_MAX] = {") + "ev_kind[PPM_EVENT_MAX] = {".length();
        String kinds = driver.substring(start, driver.indexOf("};", start));
        Matcher k = Pattern.compile("\\[(\\w+)\\] =").matcher(kinds);
        int n = 0;
        for (; k.find(); n++) {
            assertThat(k.group(1)).startsWith("PPME_");
            assertThat(event(k.group(1))).isLessThan(ppmEventMax);
        }
        assertThat(n).isGreaterThan(50);
    }

    @Test
    void fillersEmitAtMostTheTablesParameters() {
        // evb_begin(&b, f, EVENT, NPARAMS), and the two-way form (c ? EV1 : EV2, c ? N1 : N2)
        Matcher m = Pattern.compile("evb_begin\\(&b, f, (PPME_\\w+), (\\d+)\\)").matcher(driver);
        int n = 0;
        for (; m.find(); n++) {
            checkParams(m.group(1), Integer.parseInt(m.group(2)));
        }
        Matcher two = Pattern.compile("evb_begin\\(&b, f, \\w+ \\? (PPME_\\w+) : (PPME_\\w+), \\w+ \\? (\\d+) : (\\d+)\\)")
                .matcher(driver);
        for (; two.find(); n++) {
            checkParams(two.group(1), Integer.parseInt(two.group(3)));
            checkParams(two.group(2), Integer.parseInt(two.group(4)));
        }
        assertThat(n).isGreaterThan(50);
    }

    private static void checkParams(String ppme, int nparams) {
        EventInfo info = EventTable.get(event(ppme));
        // the table may list parameters that later versions of sysdig appended; the driver writes sysdig 0.29's
        assertThat(nparams).as("%s parameters", ppme).isBetween(1, info.params().length);
    }

    @Test
    void loaderMirrorsJdigH() {
        Map<String, Integer> java = new LinkedHashMap<>();
        java.put("EVT_HDR_SIZE", EventView.HEADER_LEN);
        java.put("STAT_EVENTS", BpfLoader.STAT_EVENTS);
        java.put("STAT_DROPS", BpfLoader.STAT_DROPS);
        java.put("STAT_READ_FAIL", BpfLoader.STAT_READ_FAIL);
        java.put("STAT_TOO_BIG", BpfLoader.STAT_TOO_BIG);
        java.put("STAT_MAX", BpfLoader.STAT_MAX);
        java.put("SLOT_SIGNAL", BpfLoader.SLOT_SIGNAL);
        java.put("SLOT_PROCEXIT", BpfLoader.SLOT_PROCEXIT);
        java.put("SLOT_SWITCH", BpfLoader.SLOT_SWITCH);
        java.put("INTERESTING_SIZE", BpfLoader.INTERESTING_SIZE);
        java.put("MAX_SNAPLEN", BpfLoader.MAX_SNAPLEN);
        java.put("DEFAULT_SNAPLEN", BpfLoader.DEFAULT_SNAPLEN);
        for (Map.Entry<String, Integer> e : java.entrySet()) {
            assertThat(jdigH.get(e.getKey())).as(e.getKey()).isEqualTo((long) e.getValue());
        }
        assertThat(BpfLoader.Options.defaults().snaplen()).isEqualTo(BpfLoader.DEFAULT_SNAPLEN);
    }

    @Test
    void loaderMirrorsTheDriversStructs() throws IOException {
        String h = Files.readString(BPF.resolve("jdig.h"));
        Map<String, int[]> rt = layout(h, "jdig_rt");
        assertThat(rt.get("snaplen")[0]).isEqualTo(BpfLoader.RT_SNAPLEN);
        assertThat(rt.get("snaplen")[1]).isEqualTo(4);
        assertThat(rt.get("enabled")[0]).isEqualTo(BpfLoader.RT_ENABLED);
        assertThat(rt.get("interesting")[0]).isEqualTo(BpfLoader.RT_INTERESTING);
        assertThat(rt.get("interesting")[1]).isEqualTo(BpfLoader.INTERESTING_SIZE);
        assertThat(rt.get("")[0]).isEqualTo(BpfLoader.RT_SIZE);
        Map<String, int[]> ro = layout(h, "jdig_ro");
        assertThat(ro.get("boot_to_epoch_ns")).containsExactly(BpfLoader.RO_BOOT_TO_EPOCH_NS, 8);
        assertThat(ro.get("self_tgid")).containsExactly(BpfLoader.RO_SELF_TGID, 4);
        assertThat(ro.get("")[0]).isEqualTo(BpfLoader.RO_SIZE);
    }

    /** Field name -> {offset, size} of a C struct of __u8..__u64 scalars and arrays, by C's layout rules; "" -> {size}. */
    private static Map<String, int[]> layout(String header, String struct) {
        Matcher s = Pattern.compile("struct " + struct + " \\{(.*?)\\};", Pattern.DOTALL).matcher(header);
        assertThat(s.find()).as("struct %s in jdig.h", struct).isTrue();
        Map<String, int[]> out = new LinkedHashMap<>();
        Matcher f = Pattern.compile("__u(8|16|32|64)\\s+(\\w+)(?:\\[(\\w+)\\])?;").matcher(s.group(1).replaceAll("/\\*.*?\\*/", ""));
        int off = 0, align = 1;
        while (f.find()) {
            int size = Integer.parseInt(f.group(1)) / 8;
            int count = f.group(3) == null ? 1 : (int) (long) eval(f.group(3), jdigH);
            off = (off + size - 1) / size * size;
            out.put(f.group(2), new int[]{off, size * count});
            off += size * count;
            align = Math.max(align, size);
        }
        out.put("", new int[]{(off + align - 1) / align * align});
        return out;
    }

    @Test
    void syscallTablesAgree() throws IOException {
        String h = Files.readString(BPF.resolve("syscall_table.h"));
        assertThat(defines(h).get("SYSCALL_TABLE_SIZE")).isEqualTo((long) SyscallTable.SIZE);
        Matcher m = Pattern.compile("(?m)^\\s*\\[(\\d+)\\] = \\{(\\d+), (\\d+), (\\d+), 0\\},\\s*/\\* (\\w+) \\*/").matcher(h);
        boolean[] listed = new boolean[SyscallTable.SIZE];
        int n = 0;
        for (; m.find(); n++) {
            int nr = Integer.parseInt(m.group(1));
            int enter = Integer.parseInt(m.group(2)), exit = Integer.parseInt(m.group(3)), sc = Integer.parseInt(m.group(4));
            String what = "syscall " + nr + " " + m.group(5);
            listed[nr] = true;
            assertThat(SyscallTable.nativeName(nr)).as(what).isEqualTo(m.group(5));
            assertThat(SyscallTable.enterEvent(nr)).as(what).isEqualTo(enter);
            assertThat(SyscallTable.exitEvent(nr)).as(what).isEqualTo(exit);
            assertThat(SyscallTable.ppmSc(nr)).as(what).isEqualTo(sc);
            assertThat(exit).as(what).isEqualTo(enter + 1);
            assertThat(EventTable.get(enter).isEnter()).as(what).isTrue();
            assertThat(enter).as(what).isLessThan(ppmEventMax);
            assertThat(EventTable.name(exit)).as(what).isEqualTo(EventTable.name(enter));
        }
        assertThat(n).isGreaterThan(200);
        for (int nr = 0; nr < SyscallTable.SIZE; nr++) {
            if (!listed[nr]) {
                assertThat(SyscallTable.enterEvent(nr)).as("syscall %d, not in the driver's table", nr)
                        .isEqualTo(EventTypes.GENERIC_E);
                assertThat(SyscallTable.ppmSc(nr)).as("syscall %d, not in the driver's table", nr).isZero();
            }
        }
    }
}
