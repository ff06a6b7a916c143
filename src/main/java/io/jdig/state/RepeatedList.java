package io.jdig.state;

import io.jdig.event.EventView;
import io.jdig.event.NulStrings;

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
        List<String> out = NulStrings.split(b, o, o + n);
        if (lastBytes.length < n) {
            lastBytes = new byte[Math.max(n, 2 * lastBytes.length)];
        }
        System.arraycopy(b, o, lastBytes, 0, n);
        lastLen = n;
        last = java.util.Collections.unmodifiableList(out);
        return last;
    }
}
