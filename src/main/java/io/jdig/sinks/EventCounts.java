package io.jdig.sinks;

import io.jdig.event.EventTable;
import io.jdig.event.EventTypes;
import io.jdig.event.EventView;
import io.jdig.event.ValueTables;

import io.jdig.field.EventContext;
import io.jdig.pipeline.Run;
import io.jdig.pipeline.Sink;
import java.util.ArrayList;
import java.util.List;

/** {@code -S}: how many times each event type was seen, as a table at the end. */
public final class EventCounts implements Sink {
    private final long[] counts = new long[EventTable.size()];
    private final long[] generic = new long[2 * 1024];

    private final Output out;

    public EventCounts(Output out) {
        this.out = out;
    }

    @Override
    public boolean onEvent(EventContext c) {
        EventView ev = c.ev;
        int t = ev.type();
        if ((t == EventTypes.GENERIC_E || t == EventTypes.GENERIC_X) && ev.paramCount() > 0) {
            int id = (int) ev.paramAsLong(0, false);
            if (id >= 0 && id < 1024) {
                generic[id * 2 + (t & 1)]++;
            }
        } else {
            counts[t]++;
        }
        return true;
    }

    @Override
    public void close(Run run) {
        record Row(String name, long n) {
        }
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] > 0) {
                rows.add(new Row(((t & 1) == 0 ? "> " : "< ") + pad(EventTable.get(t).name()), counts[t]));
            }
        }
        for (int i = 0; i < generic.length; i++) {
            if (generic[i] > 0) {
                String n = ValueTables.syscallName(i / 2);
                rows.add(new Row(((i & 1) == 0 ? "> " : "< ") + pad(n == null ? "unknown" : n), generic[i]));
            }
        }
        rows.sort((a, b) -> Long.compare(b.n, a.n));
        StringBuilder sb = new StringBuilder();
        sb.append("----------------------\n").append(pad("Event")).append("#Calls\n").append("----------------------\n");
        for (Row r : rows) {
            sb.append(r.name).append(r.n).append('\n');
        }
        out.flush();
        out.buf.append(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** The name cut or padded to 16 characters, as sysdig lays out the table. */
    private static String pad(String s) {
        if (s.length() >= 16) {
            return s.substring(0, 16);
        }
        return s + " ".repeat(16 - s.length());
    }
}
