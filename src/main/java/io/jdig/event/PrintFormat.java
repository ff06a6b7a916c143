package io.jdig.event;

/** How a numeric parameter is printed (PF_*). */
public enum PrintFormat {
    NA, DEC, HEX, PADDED_DEC, ID, DIR, OCT;

    static PrintFormat parse(String s) {
        return s.equals("10_PADDED_DEC") ? PADDED_DEC : valueOf(s);
    }
}
