package io.jdig.explore;

/** A query that cannot be answered: a bad filter (with its position), an unknown view, an unreadable capture. */
public final class ExploreException extends RuntimeException {
    public ExploreException(String message) {
        super(message);
    }

    public ExploreException(String message, Throwable cause) {
        super(message, cause);
    }
}
