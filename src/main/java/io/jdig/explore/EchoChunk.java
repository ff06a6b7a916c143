package io.jdig.explore;

/**
 * The data of one I/O event: who read or wrote it, on which descriptor, and the bytes the capture holds (up to the
 * snap length it was taken with).
 *
 * @param num     the event number
 * @param ts      its time (ns since the epoch)
 * @param pid     the process id
 * @param tid     the thread id
 * @param process the process name
 * @param fd      the descriptor number
 * @param fdName  the descriptor's name as {@code fd.name} prints it
 * @param fdType  {@code fd.type} (file, ipv4, ipv6, unix, pipe...)
 * @param write   true for data written or sent, false for data read or received
 * @param length  the byte count the call returned (may exceed {@code data.length})
 * @param data    the captured bytes
 */
public record EchoChunk(long num, long ts, long pid, long tid, String process, long fd, String fdName, String fdType,
                        boolean write, long length, byte[] data) {
}
