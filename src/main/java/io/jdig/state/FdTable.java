package io.jdig.state;

import java.util.function.Consumer;

/** The fds of one process, by number; small fd numbers are looked up in an array, others in a hash map. */
public final class FdTable {
    private static final int DIRECT = 1024;
    private FdInfo[] direct = new FdInfo[64];
    private final LongMap<FdInfo> other = new LongMap<>();
    private int count;

    /** The fd's entry, or null; as in sysdig, a lookup also marks the entry's current name as its old one. */
    public FdInfo get(long fd) {
        FdInfo f;
        if (fd >= 0 && fd < DIRECT) {
            f = fd < direct.length ? direct[(int) fd] : null;
        } else {
            f = other.get(fd);
        }
        if (f != null) {
            f.oldName = f.name();
        }
        return f;
    }

    public FdInfo put(long fd, FdInfo info) {
        info.fd = fd;
        if (fd >= 0 && fd < DIRECT) {
            int i = (int) fd;
            if (i >= direct.length) {
                FdInfo[] n = new FdInfo[Math.min(DIRECT, Math.max(i + 1, direct.length * 2))];
                System.arraycopy(direct, 0, n, 0, direct.length);
                direct = n;
            }
            if (direct[i] == null) {
                count++;
            }
            direct[i] = info;
        } else {
            if (other.put(fd, info) == null) {
                count++;
            }
        }
        return info;
    }

    public void remove(long fd) {
        if (fd >= 0 && fd < DIRECT) {
            if (fd < direct.length && direct[(int) fd] != null) {
                direct[(int) fd] = null;
                count--;
            }
        } else if (other.remove(fd) != null) {
            count--;
        }
    }

    public int size() {
        return count;
    }

    public void forEach(Consumer<FdInfo> action) {
        for (FdInfo f : direct) {
            if (f != null) {
                action.accept(f);
            }
        }
        other.forEachValue(action);
    }

    public FdTable copy() {
        FdTable t = new FdTable();
        forEach(f -> {
            FdInfo c = f.copy();
            c.cloned = true;
            t.put(f.fd, c);
        });
        return t;
    }

    public void clear() {
        java.util.Arrays.fill(direct, null);
        other.clear();
        count = 0;
    }
}
