package io.jdig.consumer;

import io.jdig.event.EventView;
import io.jdig.field.EventContext;

/**
 * One system call event (or an internal event such as a process list), as seen with the state of the system at
 * that moment: its fields are read by their sysdig names ({@code proc.name}, {@code fd.name},
 * {@code evt.arg.res}, ...), each getter returning {@code null} where the field does not apply to this event.
 *
 * <p>By default a stream hands its callbacks the same object for every event (see
 * {@link EventStream#setReuse(boolean)}); fields read from it are those of the event being delivered, so read
 * what you need during the callback.
 */
public final class SystemEvent {
    private final EventContext ctx;
    private final FieldReader fields;
    private final Tables tables;

    SystemEvent(EventContext ctx, FieldReader fields, Tables tables) {
        this.ctx = ctx;
        this.fields = fields;
        this.tables = tables;
    }

    private EventView ev() {
        return ctx.ev;
    }

    /** The event's number in its capture, from 1 ({@code evt.num}). */
    public long number() {
        return ctx.num;
    }

    /** When the event happened, in nanoseconds since the epoch ({@code evt.rawtime}). */
    public long timestamp() {
        return ev().ts();
    }

    /** The event type's name ({@code open}, {@code read}, {@code procexit}...), as {@code evt.type} shows it. */
    public String type() {
        return fields.string(ctx, "evt.type");
    }

    /** True for the enter event of a call, false for its exit ({@code evt.dir} {@code >} or {@code <}). */
    public boolean isEnter() {
        return (ev().type() & 1) == 0;
    }

    /** The CPU the event happened on. */
    public int cpu() {
        return ev().cpu();
    }

    /** The thread that made the call ({@code thread.tid}). */
    public long threadId() {
        return ev().tid();
    }

    /** Whether the field applies to this event. @throws IllegalArgumentException for an unknown field name */
    public boolean has(String field) {
        return fields.has(ctx, field);
    }

    /**
     * The field as sysdig prints it with {@code -p %field}, or null where it does not apply.
     *
     * @throws IllegalArgumentException for an unknown field name
     */
    public String getString(String field) {
        return fields.string(ctx, field);
    }

    /**
     * The field as a number (a text field is read as the integer it starts with), or null where it does not apply.
     *
     * @throws IllegalArgumentException for an unknown field name
     */
    public Long getLong(String field) {
        if (!fields.has(ctx, field)) {
            return null;
        }
        long v = fields.number(ctx, field, Long.MIN_VALUE);
        return v == Long.MIN_VALUE && !fields.isNumeric(field) ? null : v;
    }

    /**
     * The field as a number, or {@code ifAbsent} where it does not apply: the allocation-free form of
     * {@link #getLong(String)}.
     */
    public long getLong(String field, long ifAbsent) {
        return fields.number(ctx, field, ifAbsent);
    }

    /** The field as a floating-point number, or null where it does not apply. */
    public Double getDouble(String field) {
        return fields.has(ctx, field) ? fields.decimal(ctx, field, 0) : null;
    }

    /** A boolean field ({@code fd.is_server}, {@code evt.failed}...), or null where it does not apply. */
    public Boolean getBoolean(String field) {
        if (!fields.has(ctx, field)) {
            return null;
        }
        String s = fields.string(ctx, field);
        return s.equals("true") || fields.isNumeric(field) && fields.number(ctx, field, 0) != 0;
    }

    /** The calling thread as the state knows it, or null when it is unknown. */
    public ThreadView thread() {
        var t = ctx.thread();
        return t == null ? null : tables.thread(t);
    }

    /** The file descriptor the event is about (its {@code fd.*} fields), or null when there is none. */
    public FdView fd() {
        var f = ctx.fd();
        return f == null ? null : tables.fd(f);
    }

    /** An internal event (a process list written by the driver), not a system call. */
    boolean internal() {
        return ev().info().category() == io.jdig.event.Category.INTERNAL;
    }

    @Override
    public String toString() {
        return "SystemEvent[" + number() + " " + (isEnter() ? "> " : "< ") + type() + " tid=" + threadId() + "]";
    }
}
