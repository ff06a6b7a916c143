package io.jdig.filter;

/** Hex strings as taken by {@code bcontains} and {@code bstartswith}. */
public final class Hex {
    private Hex() {
    }

    /**
     * Decodes an even-length string of hex digits (either case), e.g. {@code "48545450"} to
     * {@code HTTP}. The empty string gives no bytes.
     *
     * @throws IllegalArgumentException with sysdig's message if the string is not valid hex
     */
    public static byte[] decode(String hex) {
        if (!isValid(hex)) {
            throw new IllegalArgumentException("bcontains and bstartswith operator support hex strings only");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex.charAt(2 * i)) << 4 | digit(hex.charAt(2 * i + 1)));
        }
        return out;
    }

    /** Whether {@code hex} is an even number of hex digits. */
    public static boolean isValid(String hex) {
        if (hex == null || (hex.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (digit(hex.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
