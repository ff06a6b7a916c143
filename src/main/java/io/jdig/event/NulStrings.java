package io.jdig.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lists of strings stored as sysdig stores them: each one ended by a NUL, the last one possibly not. */
public final class NulStrings {
    private NulStrings() {
    }

    /** The strings in {@code b[from .. to)}. */
    public static List<String> split(byte[] b, int from, int to) {
        List<String> out = new ArrayList<>();
        int s = from;
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                out.add(new String(b, s, i - s, StandardCharsets.UTF_8));
                s = i + 1;
            }
        }
        if (s < to) {
            out.add(new String(b, s, to - s, StandardCharsets.UTF_8));
        }
        return out;
    }
}
