package io.jdig.consumer;

/** A filter that is not valid in sysdig's filter language: what is wrong, and where. */
public final class InvalidFilterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The filter as given. */
    private final String filter;
    /** Where the filter stops making sense. */
    private final int position;

    InvalidFilterException(String message, String filter, int position) {
        super(message);
        this.filter = filter;
        this.position = position;
    }

    /** The filter as given. */
    public String filter() {
        return filter;
    }

    /** The offset in the filter, from 0, where it stops making sense; -1 when the problem has no one place. */
    public int position() {
        return position;
    }
}
