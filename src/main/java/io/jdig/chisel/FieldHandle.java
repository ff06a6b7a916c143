package io.jdig.chisel;

/**
 * Opaque handle of a field requested by a chisel ({@code chisel.request_field}).
 * Created by {@link ChiselHost#requestField}; the runtime only passes it back to
 * {@link ChiselHost#fieldValue}.
 */
public interface FieldHandle {
    /** The field name as requested, e.g. {@code proc.aname[2]}. */
    String name();
}
