package io.jdig.chisel;

import java.util.List;
import java.util.SortedMap;

/**
 * One thread of the host's thread table, for {@code sysdig.get_thread_table*()}.
 * {@code fds} holds the fd table keyed by fd number (already restricted by the filter given
 * to {@link ChiselHost#threadTable}).
 */
public record ThreadTableEntry(long tid, long pid, long ptid, String comm, String exe, List<String> args,
                         List<String> env, long flags, long fdlimit, long uid, long gid, long nchilds,
                         long vmsizeKb, long vmrssKb, long vmswapKb, long pfmajor, long pfminor,
                         long cloneTs, String username, SortedMap<Long, FdTableEntry> fds) {}
