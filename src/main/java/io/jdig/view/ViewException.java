package io.jdig.view;

/** A view that cannot run (bad field, bad filter, unknown view): the message is the line to print. */
public final class ViewException extends RuntimeException {
    public ViewException(String message) {
        super(message);
    }
}
