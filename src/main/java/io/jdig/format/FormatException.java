package io.jdig.format;

/** A -p format string that cannot be compiled. */
public final class FormatException extends RuntimeException {
    public FormatException(String message) {
        super(message);
    }
}
