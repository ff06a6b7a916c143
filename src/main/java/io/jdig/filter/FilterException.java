package io.jdig.filter;

/**
 * A filter that cannot be parsed (or, for later stages, compiled).
 *
 * <p>{@link #position()} is the 0-based offset in the filter string where the problem was found
 * (it may equal the filter's length, meaning "at the end"); {@link #reason()} is the message without
 * position; {@link #render()} gives the user-facing report with a caret under the position.
 */
public class FilterException extends RuntimeException {
    private final int position;
    private final String reason;
    private final String filter;

    /**
     * @param reason   what went wrong, e.g. {@code "expected a value after '='"}
     * @param position 0-based offset in {@code filter}, or -1 if unknown
     * @param filter   the whole filter string (may be null if unknown)
     */
    public FilterException(String reason, int position, String filter) {
        super(position >= 0 ? "filter error at position " + (position + 1) + ": " + reason
                : "filter error: " + reason);
        this.reason = reason;
        this.position = position;
        this.filter = filter;
    }

    /** 0-based offset in the filter string where the error was detected, or -1 if unknown. */
    public int position() {
        return position;
    }

    /** The message without the position prefix. */
    public String reason() {
        return reason;
    }

    /** The filter the error refers to, or null. */
    public String filter() {
        return filter;
    }

    /**
     * The user-facing report: one line {@code jdig: filter error at position N: reason} (N is 1-based,
     * the column a user counts), then, when the filter and position are known, the filter indented by
     * two blanks and a caret under the offending character. Control characters in the filter are
     * shown as blanks so that the caret lines up.
     */
    public String render() {
        StringBuilder sb = new StringBuilder("jdig: ").append(getMessage());
        if (filter != null && position >= 0) {
            sb.append('\n').append("  ");
            for (int i = 0; i < filter.length(); i++) {
                char c = filter.charAt(i);
                sb.append(Character.isISOControl(c) ? ' ' : c);
            }
            sb.append('\n').append("  ").append(" ".repeat(Math.min(position, filter.length()))).append('^');
        }
        return sb.toString();
    }
}
