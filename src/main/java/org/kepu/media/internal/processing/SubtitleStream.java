package org.kepu.media.internal.processing;

import java.util.Set;

/**
 * A subtitle stream of an uploaded file, as ffprobe lists it.
 *
 * @param ordinal  its place among the file's subtitle streams (ffmpeg's {@code 0:s:<ordinal>})
 * @param codec    ffprobe's codec name, e.g. {@code mov_text}, {@code subrip}, {@code webvtt}, {@code hdmv_pgs_subtitle}
 * @param language the stream's language tag as written (ISO 639-2 such as {@code chi}, or BCP 47), null when absent
 * @param title    the stream's title tag, null when absent
 */
public record SubtitleStream(int ordinal, String codec, String language, String title) {

    /** Text subtitles ffmpeg converts to WebVTT; pictures (DVD, Blu-ray, DVB) cannot become WebVTT without OCR. */
    private static final Set<String> TEXT_CODECS = Set.of("mov_text", "subrip", "srt", "webvtt", "ass", "ssa", "text");

    public boolean isText() {
        return TEXT_CODECS.contains(codec);
    }
}
