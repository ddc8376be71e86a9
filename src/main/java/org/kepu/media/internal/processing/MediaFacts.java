package org.kepu.media.internal.processing;

import java.time.Duration;
import java.util.List;

/**
 * What ffprobe says about a media file. Video fields are 0/null when there is no video stream (cover art
 * of an audio file does not count), audio fields likewise.
 *
 * @param format      ffprobe's format name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}, {@code gif}, {@code png_pipe}
 * @param duration    {@link Duration#ZERO} when unknown (still images)
 * @param bitRate     bits per second of the whole file, 0 when unknown
 * @param width       coded width of the video stream, before rotation
 * @param height      coded height of the video stream, before rotation
 * @param rotation    degrees clockwise a player turns the picture (0, 90, 180, 270)
 * @param frameRate   average frames per second, 0 when unknown
 * @param title       the container's title tag, null when absent
 * @param author      the artist, author or composer tag, null when absent
 * @param created     the creation-time tag as written (usually ISO 8601), null when absent
 * @param subtitles   the subtitle streams in file order, empty when there are none
 */
public record MediaFacts(String format, Duration duration, long bitRate,
                         String videoCodec, int width, int height, int rotation, double frameRate, String pixelFormat,
                         String audioCodec, int audioChannels, int audioSampleRate,
                         String title, String author, String created, List<SubtitleStream> subtitles) {

    public MediaFacts {
        subtitles = subtitles == null ? List.of() : List.copyOf(subtitles);
    }

    public boolean hasVideo() {
        return videoCodec != null;
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }

    /** Width as shown (after rotation); ffmpeg turns the picture the same way when it decodes. */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }

    public double durationSeconds() {
        return duration.toNanos() / 1e9;
    }
}
