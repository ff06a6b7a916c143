package io.jdig.web;

/** A request that cannot be answered: its HTTP status, a message for the page and, for a bad filter, where. */
final class HttpError extends RuntimeException {
    final int status;
    final int position;

    HttpError(int status, String message) {
        this(status, message, -1);
    }

    HttpError(int status, String message, int position) {
        super(message);
        this.status = status;
        this.position = position;
    }
}
