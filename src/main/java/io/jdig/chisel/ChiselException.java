package io.jdig.chisel;

/** Any failure while loading or running a chisel; the message is the one line shown to the user. */
public class ChiselException extends RuntimeException {
    public ChiselException(String message) { super(message); }
    public ChiselException(String message, Throwable cause) { super(message, cause); }
}
