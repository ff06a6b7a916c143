package io.jdig.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A larger trace made from a real one (plain, one section): its metadata blocks, then its event blocks {@code times}
 * times over, each copy's timestamps moved past the previous copy's, so that time keeps going forward.
 */
final class RepeatedTrace {
    /** Event block types (EV, EVF, their V2 and large forms): the timestamp follows the block header and the CPU. */
    private static final List<Integer> EVENT_BLOCKS = List.of(0x204, 0x208, 0x216, 0x217, 0x221, 0x222);
    private static final int TS = 8 + 2;

    private RepeatedTrace() {
    }

    static void write(Path in, Path out, int times) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(in)).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> meta = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int off = 0; off + 8 <= b.limit(); ) {
            int type = b.getInt(off);
            int len = b.getInt(off + 4);
            byte[] block = new byte[len];
            b.get(off, block);
            if (EVENT_BLOCKS.contains(type)) {
                events.add(block);
                long ts = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN).getLong(TS);
                if (ts != 0) {
                    first = Math.min(first, ts);
                    last = Math.max(last, ts);
                }
            } else {
                meta.add(block);
            }
            off += len;
        }
        long span = last - first + 1_000_000;
        try (OutputStream o = Files.newOutputStream(out)) {
            for (byte[] m : meta) {
                o.write(m);
            }
            for (int k = 0; k < times; k++) {
                for (byte[] e : events) {
                    ByteBuffer copy = ByteBuffer.wrap(e.clone()).order(ByteOrder.LITTLE_ENDIAN);
                    long ts = copy.getLong(TS);
                    if (ts == 0 && k > 0) {
                        continue;
                    }
                    if (ts != 0) {
                        copy.putLong(TS, ts + k * span);
                    }
                    o.write(copy.array());
                }
            }
        }
    }
}
