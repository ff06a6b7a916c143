package io.jdig.state;

import io.jdig.event.EventView;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a NUL-separated list parameter (arguments, environment, cgroups), remembering the last one: processes
 * forked from one parent carry the same bytes again and again, and those are then not decoded a second time.
 * The lists handed out are shared, so they cannot be modified.
 */
final class RepeatedList {
    private byte[] lastBytes = new byte[0];
    private int lastLen = -1;
    private List<String> last = List.of();

    List<String> decode(EventView ev, int i) {
        if (!ev.hasParam(i)) {
            return List.of();
        }
        byte[] b = ev.buffer();
        int o = ev.paramOffset(i);
        int n = ev.paramLen(i);
        if (n == lastLen && Arrays.equals(b, o, o + n, lastBytes, 0, n)) {
            return last;
        }
        List<String> out = new ArrayList<>();
        int s = o;
        int e = o + n;
        for (int p = o; p < e; p++) {
            if (b[p] == 0) {
                out.add(new String(b, s, p - s, StandardCharsets.UTF_8));
                s = p + 1;
            }
        }
        if (s < e) {
            out.add(new String(b, s, e - s, StandardCharsets.UTF_8));
        }
        if (lastBytes.length < n) {
            lastBytes = new byte[Math.max(n, 2 * lastBytes.length)];
        }
        System.arraycopy(b, o, lastBytes, 0, n);
        lastLen = n;
        last = java.util.Collections.unmodifiableList(out);
        return last;
    }
}
