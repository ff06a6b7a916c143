package io.jdig.view;

/**
 * A row key as the bytes sysdig keeps for it (numbers in their C width, little-endian; strings with their NUL),
 * for the hash csysdig's table uses and for equality.
 */
final class KeyBytes {
    private KeyBytes() {
    }

    /** csysdig's key hash: h = h * 101 + byte over all bytes but the last. */
    static long hash(TableColumn col, Cell k) {
        long h = 0;
        switch (col.kind) {
            case SIGNED, UNSIGNED -> {
                int w = Kind.width(col.type);
                for (int i = 0; i < w - 1; i++) {
                    h = h * 101 + ((k.num >>> (8 * i)) & 0xFF);
                }
            }
            case DOUBLE -> {
                long bits = Double.doubleToRawLongBits(k.dbl);
                for (int i = 0; i < 7; i++) {
                    h = h * 101 + ((bits >>> (8 * i)) & 0xFF);
                }
            }
            case STRING -> {
                // the bytes and the NUL: every byte of the string counts
                for (byte b : k.bytes) {
                    h = h * 101 + (b & 0xFF);
                }
            }
            default -> {
                byte[] b = k.bytes == null ? new byte[0] : k.bytes;
                for (int i = 0; i < b.length - 1; i++) {
                    h = h * 101 + (b[i] & 0xFF);
                }
            }
        }
        return h;
    }

    static boolean equal(TableColumn col, Cell a, Cell b) {
        return switch (col.kind) {
            case SIGNED, UNSIGNED -> a.num == b.num;
            case DOUBLE -> Double.doubleToRawLongBits(a.dbl) == Double.doubleToRawLongBits(b.dbl);
            default -> java.util.Arrays.equals(a.bytes, b.bytes);
        };
    }
}
