package io.jdig.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The parameters of a request's query string, in order (a name may repeat: the drill-down path). */
final class QueryParams {
    private final List<String[]> pairs = new ArrayList<>();

    QueryParams(URI uri) {
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) {
            return;
        }
        for (String part : q.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String n = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[]{decode(n), decode(v)});
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "bad escape in the query string");
        }
    }

    /** The first value of {@code name}, or {@code dflt}. */
    String get(String name, String dflt) {
        for (String[] p : pairs) {
            if (p[0].equals(name)) {
                return p[1];
            }
        }
        return dflt;
    }

    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String[] p : pairs) {
            if (p[0].equals(name)) {
                out.add(p[1]);
            }
        }
        return out;
    }

    int intValue(String name, int dflt, int min, int max) {
        String v = get(name, null);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Math.clamp(Long.parseLong(v), min, max);
        } catch (NumberFormatException e) {
            throw new HttpError(400, name + ": not a number: " + v);
        }
    }

    /** An unsigned 64-bit number (nanoseconds since the epoch), or {@code dflt}. */
    long unsigned(String name, long dflt) {
        String v = get(name, null);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            throw new HttpError(400, name + ": not a time in nanoseconds: " + v);
        }
    }
}
