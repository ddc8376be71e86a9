package org.kepu.media.internal.processing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where ffmpeg and ffprobe are, and how much of the machine they may take.
 *
 * @param ffmpegPath   an ffmpeg executable; empty means the one in the bytedeco jar
 * @param ffprobePath  an ffprobe executable; empty means the sibling of {@code ffmpegPath}, or the one
 *                     in the bytedeco jar
 * @param concurrency  ffmpeg jobs that may run at once on this instance (each uses every core)
 * @param timeout      the longest one ffmpeg job may run before its process tree is killed
 * @param probeTimeout the longest one ffprobe call may run
 */
@ConfigurationProperties("kepu.media.ffmpeg")
public record FfmpegProperties(
        String ffmpegPath,
        String ffprobePath,
        @DefaultValue("1") int concurrency,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("60s") Duration probeTimeout) {

    public FfmpegProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("kepu.media.ffmpeg.concurrency must be at least 1");
        }
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        probeTimeout = probeTimeout == null ? Duration.ofSeconds(60) : probeTimeout;
    }

    /** The defaults: bytedeco binaries, one job at a time, 30 minutes. */
    public static FfmpegProperties defaults() {
        return new FfmpegProperties(null, null, 1, Duration.ofMinutes(30), Duration.ofSeconds(60));
    }
}
