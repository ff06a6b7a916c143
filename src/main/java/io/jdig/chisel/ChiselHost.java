package io.jdig.chisel;

import java.util.List;

/**
 * The boundary between the chisel runtime and the rest of jdig (field registry, filter compiler,
 * event pipeline, thread table). One host serves all chisels of a run; "current event" means the
 * event the pipeline is handing to {@link ChiselRuntime#processEvent()} right now.
 */
public interface ChiselHost {

    // ---- fields, filters, formatters --------------------------------------------------------

    /**
     * Resolves a field name (with argument, e.g. {@code proc.aname[2]}, {@code evt.arg.fd}).
     * @throws ChiselException with message {@code "chisel requesting nonexistent field " + name}
     */
    FieldHandle requestField(String name);

    /**
     * The value of a field for the current event, typed as sysdig's {@code evt.field} gives it:
     * integer types (INT*, UINT*, ERRNO, PID, FD, FLAGS, MODE, UID, GID, PORT, L4PROTO, RELTIME, ABSTIME)
     * as {@link Long} (unsigned 64-bit values as the raw bits), DOUBLE as {@link Double},
     * CHARBUF/FSPATH and IP addresses as {@link String}, BYTEBUF as {@code byte[]} (raw bytes, or String),
     * BOOL as {@link Boolean}; {@code null} when the field cannot be extracted for this event.
     */
    Object fieldValue(FieldHandle h);

    /**
     * The value of a field for the current event as a Lua value ({@code evt.field}); hosts override this to
     * build the Lua value straight from their extracted value, without an intermediate Java object.
     */
    default org.luaj.vm2.LuaValue fieldLua(FieldHandle h) {
        return Chisel.toLua(fieldValue(h));
    }

    /** Compiles a filter (per-chisel filter). @throws ChiselException with the compiler's message */
    EventFilter compileFilter(String filter);

    /** Compiles a -p style format ("" or "default" = the default format). @throws ChiselException */
    CompiledFormat compileFormatter(String format);

    // ---- current event ------------------------------------------------------------------------

    long eventTs();

    long eventNum();

    /** Event name; for generic syscall events the syscall name. */
    String eventType();

    int eventCpu();

    // ---- capture-wide state -------------------------------------------------------------------

    boolean isLive();

    /** "json" when -j is on, else "normal". */
    String outputFormat();

    /** true with -pc / -pcontainer. */
    boolean isPrintContainerData();

    /** null when not known yet (sysdig: only after the capture is open). */
    MachineInfo machineInfo();

    /** The trace file name, "" when live. */
    String evtSourceName();

    long firstEventTs();

    long lastEventTs();

    /** Thread table; {@code fdFilter} (may be null/empty) keeps only threads with a matching fd, and only those fds. */
    List<ThreadTableEntry> threadTable(String fdFilter);

    default List<ContainerInfo> containerTable() { return List.of(); }

    // ---- things a chisel may change -------------------------------------------------------------

    void setSnaplen(int snaplen);

    /** {@code sysdig.set_filter}: the global (capture) filter. @throws ChiselException if invalid */
    void setGlobalFilter(String filter);

    /** The global filter currently set ("" if none). */
    String globalFilter();

    /**
     * {@code sysdig.set_output_format}: buffer format "normal", "json", "simple", "hex", "hexascii",
     * "ascii", "base64", "jsonbase64". Ignored by sysdig if the user forced a format on the command line.
     */
    default void setBufferFormat(String format) {}

    default void setFatfileDumpMode(boolean on) {}

    /** {@code sysdig.run_sysdig(args)} / {@code run_app}: the command line of a run to make after this one. */
    default void setNextRunArgs(String args) {}

    default double readProgress() { return 0; }

    default void log(String message, String severity) {}

    /** Terminal {width, height}, -1 when stdout is not a terminal. */
    default int[] terminalSize() { return new int[] {-1, -1}; }

    default boolean isTty() { return System.console() != null; }
}
