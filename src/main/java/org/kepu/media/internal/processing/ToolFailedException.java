package org.kepu.media.internal.processing;

/**
 * An external tool (ffmpeg, ffprobe, the extraction JVM) exited with an error or was killed after its
 * time limit. The message carries the last lines of its standard error. This is a failure of processing,
 * worth a retry, unlike {@link CorruptMediaException}.
 */
public class ToolFailedException extends RuntimeException {

    private final int exitCode;
    private final boolean timedOut;
    private final String stderrTail;

    public ToolFailedException(String tool, int exitCode, boolean timedOut, String stderrTail) {
        super(tool + (timedOut ? " was killed after its time limit" : " exited with " + exitCode)
                + (stderrTail.isBlank() ? "" : ": " + stderrTail.strip()));
        this.exitCode = exitCode;
        this.timedOut = timedOut;
        this.stderrTail = stderrTail;
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean timedOut() {
        return timedOut;
    }

    public String stderrTail() {
        return stderrTail;
    }
}
