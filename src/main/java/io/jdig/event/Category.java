package io.jdig.event;

/** Event categories (EC_*); the I/O ones are refined by the fd type when printed. */
public enum Category {
    UNKNOWN(0, "unknown"), OTHER(1, "other"), FILE(2, "file"), NET(3, "net"), IPC(4, "IPC"), MEMORY(5, "memory"),
    PROCESS(6, "process"), SLEEP(7, "sleep"), SYSTEM(8, "system"), SIGNAL(9, "signal"), USER(10, "user"),
    TIME(11, "time"), PROCESSING(12, "processing"), IO_READ(32, "io_read"), IO_WRITE(33, "io_write"),
    IO_OTHER(34, "io_other"), WAIT(64, "wait"), SCHEDULER(128, "scheduler"), INTERNAL(256, "internal");

    public final int code;
    public final String label;

    Category(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public boolean isIo() {
        return this == IO_READ || this == IO_WRITE || this == IO_OTHER;
    }
}
