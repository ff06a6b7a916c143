package io.jdig.event;

import java.nio.charset.StandardCharsets;

/**
 * One entry of the event table: an event type number with its name, category, flags and parameters;
 * {@code firstIsResult} tells whether the first parameter is the call's result ("res" or "fd").
 */
public record EventInfo(int id, String name, byte[] nameBytes, Category category, int flags, ParamInfo[] params,
                        boolean firstIsResult) {
    public boolean isEnter() {
        return (id & 1) == 0;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean largePayload() {
        return (flags & EventFlags.LARGE_PAYLOAD) != 0;
    }

    /** Index of the parameter with that name, or -1. */
    public int paramIndex(String paramName) {
        for (int i = 0; i < params.length; i++) {
            if (params[i].name().equals(paramName)) {
                return i;
            }
        }
        return -1;
    }

    static EventInfo of(int id, String name, Category cat, int flags, ParamInfo[] params) {
        boolean res = params.length > 0 && (params[0].name().equals("res") || params[0].name().equals("fd"));
        return new EventInfo(id, name, name.getBytes(StandardCharsets.US_ASCII), cat, flags, params, res);
    }
}
