package io.jdig.chisel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A ChiselHost over synthetic events: each event is a map of field name to value. */
final class FakeHost implements ChiselHost {
    record Handle(String name) implements FieldHandle {}

    /** Field names the fake accepts; anything else is "nonexistent". */
    final java.util.Set<String> knownPrefixes = new java.util.HashSet<>(List.of("evt.", "proc.", "fd.", "thread.",
            "container.", "user.", "k8s."));
    Map<String, Object> cur = new HashMap<>();
    long ts;
    long num;
    long first;
    long last;
    boolean live;
    String outputFormat = "normal";
    String globalFilter = "";
    int snaplen = 80;
    final List<String> filters = new ArrayList<>();
    final List<String> formats = new ArrayList<>();
    List<ThreadTableEntry> threads = List.of();

    @Override public FieldHandle requestField(String name) {
        String base = name.replaceAll("\\[.*$", "");
        if (knownPrefixes.stream().noneMatch(base::startsWith)) {
            throw new ChiselException("chisel requesting nonexistent field " + name);
        }
        return new Handle(name);
    }

    @Override public Object fieldValue(FieldHandle h) { return cur.get(h.name()); }

    /** Filters: "" = all, "a=b" or "a!=b" clauses joined with " and ". */
    @Override public EventFilter compileFilter(String filter) {
        filters.add(filter);
        if (filter.contains("BAD")) throw new ChiselException("syntax error in filter");
        List<Predicate<Map<String, Object>>> preds = new ArrayList<>();
        for (String clause : filter.split(" and ")) {
            clause = clause.trim().replaceAll("^\\(|\\)$", "");
            if (clause.isEmpty()) continue;
            List<Predicate<Map<String, Object>>> any = new ArrayList<>();
            for (String alt : clause.split(" or ")) {
                boolean neg = alt.contains("!=");
                String[] kv = alt.split("!?=", 2);
                if (kv.length < 2) continue;
                String k = kv[0].trim();
                String v = kv[1].trim();
                any.add(m -> {
                    Object o = m.get(k);
                    boolean eq = o != null && String.valueOf(o).equals(v);
                    return neg != eq;
                });
            }
            preds.add(m -> any.stream().anyMatch(p -> p.test(m)));
        }
        return () -> preds.stream().allMatch(p -> p.test(cur));
    }

    @Override public CompiledFormat compileFormatter(String format) {
        formats.add(format);
        return () -> {
            StringBuilder sb = new StringBuilder();
            for (String tok : format.split(" ")) {
                if (tok.startsWith("%")) {
                    Object v = cur.get(tok.substring(1));
                    if (v == null) return null;
                    sb.append(v instanceof byte[] b ? new String(b) : v);
                } else {
                    sb.append(tok);
                }
                sb.append(' ');
            }
            return sb.toString().trim();
        };
    }

    @Override public long eventTs() { return ts; }
    @Override public long eventNum() { return num; }
    @Override public String eventType() { return String.valueOf(cur.get("evt.type")); }
    @Override public int eventCpu() { return 0; }
    @Override public boolean isLive() { return live; }
    @Override public String outputFormat() { return outputFormat; }
    @Override public boolean isPrintContainerData() { return false; }
    @Override public MachineInfo machineInfo() { return new MachineInfo(4, 1L << 33, 32768, "testhost"); }
    @Override public String evtSourceName() { return "test.scap"; }
    @Override public long firstEventTs() { return first; }
    @Override public long lastEventTs() { return last; }
    @Override public List<ThreadTableEntry> threadTable(String fdFilter) { return threads; }
    @Override public void setSnaplen(int s) { snaplen = s; }
    @Override public void setGlobalFilter(String f) { globalFilter = f; }
    @Override public String globalFilter() { return globalFilter; }

    /** Makes an event current and runs the chisels on it. */
    boolean feed(ChiselRuntime rt, long ts, Object... kv) {
        cur = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) cur.put((String) kv[i], kv[i + 1]);
        this.ts = ts;
        num++;
        if (first == 0) first = ts;
        last = ts;
        return rt.processEvent();
    }
}
