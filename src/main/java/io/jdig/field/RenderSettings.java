package io.jdig.field;

/**
 * How events are rendered for output: buffers ({@code -A}, {@code -x}, {@code -X}, {@code -b}), times
 * ({@code -t}), JSON ({@code -j}) and the longest buffer shown (0: whole, as with {@code -v} or when chisels run).
 */
public record RenderSettings(BufferFormat bufferFormat, TimeMode timeMode, boolean json, int maxBufferLen) {
    /** sysdig's defaults: buffers as text cut at 80 characters, human-readable times. */
    public static final RenderSettings DEFAULT = new RenderSettings(BufferFormat.NORMAL, TimeMode.HUMAN, false, 80);

    public void applyTo(EventContext c) {
        c.bufferFormat = bufferFormat;
        c.timeMode = timeMode;
        c.json = json;
        c.maxBufferLen = maxBufferLen;
    }

    public RenderSettings withMaxBufferLen(int n) {
        return new RenderSettings(bufferFormat, timeMode, json, n);
    }
}
