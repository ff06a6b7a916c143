package io.jdig.capture;

import java.util.List;

/**
 * One thread as read from /proc at the start of a live capture (the fields of sysdig's PL_V9 entry): a snapshot
 * record, which {@link ProcSnapshot} turns into the trace's thread records; the live thread state is
 * {@code io.jdig.state.ThreadInfo}.
 */
public record ProcThreadRecord(long tid, long pid, long ptid, long sid, long vpgid, String comm, String exe,
                               String exepath, List<String> args, String cwd, long fdlimit, int flags, int uid,
                               int gid, int vmsizeKb, int vmrssKb, int vmswapKb, long pfmajor, long pfminor,
                               List<String> env, long vtid, long vpid, List<String> cgroups, String root,
                               int loginuid, List<ProcFdRecord> fds) {
}
