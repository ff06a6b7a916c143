package io.jdig.tui;

import io.jdig.explore.EchoChunk;

import java.util.ArrayList;
import java.util.List;

/** The echo window's text: a line saying who read or wrote how much to what, then the bytes in a chosen format. */
final class EchoText {
    /** How the bytes are shown. */
    enum Format {
        /** Printable characters as they are, every other byte as a dot, wrapped at the window's width. */
        DOTTED("Dotted ASCII"),
        /** Only the text: printable characters and line ends, other bytes left out. */
        ASCII("Printable ASCII"),
        /** Offsets, 16 bytes in hex, and the same bytes as dotted text. */
        HEX("Hex");

        final String title;

        Format(String title) {
            this.title = title;
        }
    }

    private EchoText() {
    }

    static List<Styled> lines(List<EchoChunk> chunks, Format format, int width) {
        List<Styled> out = new ArrayList<>();
        for (EchoChunk c : chunks) {
            String head = "------ " + (c.write() ? "Write " : "Read ") + size(c.length())
                    + (c.write() ? " to " : " from ") + c.fdName() + " (" + c.process() + ")";
            out.add(Styled.of(head, c.write() ? Palette.WRITE : Palette.READ));
            out.add(Styled.blank());
            switch (format) {
                case DOTTED -> wrap(dotted(c.data(), 0, c.data().length), width, out);
                case ASCII -> {
                    StringBuilder sb = new StringBuilder();
                    for (byte b : c.data()) {
                        int v = b & 0xff;
                        if (v == '\n') {
                            wrap(sb.toString(), width, out);
                            sb.setLength(0);
                        } else if (v >= 32 && v < 127 || v == '\t') {
                            sb.append(v == '\t' ? "    " : String.valueOf((char) v));
                        }
                    }
                    if (!sb.isEmpty()) {
                        wrap(sb.toString(), width, out);
                    }
                }
                case HEX -> hex(c.data(), out);
            }
            out.add(Styled.blank());
        }
        return out;
    }

    /** A byte count as csysdig writes it: 832B, 1.23KB, 4.50MB. */
    static String size(long n) {
        if (n < 1024) {
            return n + "B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.2fKB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format("%.2fMB", n / (1024.0 * 1024));
        }
        return String.format("%.2fGB", n / (1024.0 * 1024 * 1024));
    }

    private static String dotted(byte[] data, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int v = data[i] & 0xff;
            sb.append(v >= 32 && v < 127 ? (char) v : '.');
        }
        return sb.toString();
    }

    private static void hex(byte[] data, List<Styled> out) {
        for (int off = 0; off < data.length; off += 16) {
            int end = Math.min(data.length, off + 16);
            StringBuilder sb = new StringBuilder(String.format("0x%04x:  ", off));
            for (int i = off; i < off + 16; i++) {
                sb.append(i < end ? String.format("%02x", data[i] & 0xff) : "  ");
                if ((i & 1) == 1) {
                    sb.append(' ');
                }
            }
            sb.append(' ').append(dotted(data, off, end));
            out.add(Styled.of(sb.toString()));
        }
    }

    private static void wrap(String s, int width, List<Styled> out) {
        int w = Math.max(1, width);
        if (s.isEmpty()) {
            out.add(Styled.blank());
            return;
        }
        for (int i = 0; i < s.length(); i += w) {
            out.add(Styled.of(s.substring(i, Math.min(s.length(), i + w))));
        }
    }
}
