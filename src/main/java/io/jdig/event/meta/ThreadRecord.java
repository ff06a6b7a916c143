package io.jdig.event.meta;

import java.util.List;

/** One thread at the start of a capture, as the process list of a trace file or /proc describes it. */
public record ThreadRecord(long tid, long pid, long ptid, long sid, long vpgid, String comm, String exe,
                           String exepath, List<String> args, String cwd, long fdlimit, int flags, int uid, int gid,
                           int vmsizeKb, int vmrssKb, int vmswapKb, long pfmajor, long pfminor, List<String> env,
                           long vtid, long vpid, List<String> cgroups, String root, int loginuid) {
}
