package org.kepu.media.internal;

import java.util.Map;
import java.util.Set;

import org.kepu.media.MediaPurpose;

/** The allow-list: which detected media types each purpose accepts. Everything else is refused. */
final class AcceptedTypes {

    private static final Map<MediaPurpose, Set<String>> ACCEPTED = Map.of(
            MediaPurpose.VIDEO, Set.of("video/mp4", "video/quicktime", "video/webm"),
            MediaPurpose.ANIMATION, Set.of("video/mp4", "video/webm", "image/gif", "image/apng"),
            MediaPurpose.AUDIO, Set.of("audio/mpeg", "audio/mp4", "audio/x-aac", "audio/aac", "audio/ogg", "audio/vorbis",
                    "audio/opus", "audio/vnd.wave", "audio/wav", "audio/x-wav", "audio/x-flac", "audio/flac"),
            MediaPurpose.DOCUMENT, Set.of("application/pdf",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.oasis.opendocument.text"),
            MediaPurpose.IMAGE, Set.of("image/jpeg", "image/png", "image/webp"));

    private AcceptedTypes() {
    }

    static boolean accepts(MediaPurpose purpose, String detectedType) {
        return ACCEPTED.get(purpose).contains(detectedType);
    }

    static String describe(MediaPurpose purpose) {
        return switch (purpose) {
            case VIDEO -> "MP4, WebM, MOV";
            case ANIMATION -> "MP4, WebM, GIF, APNG";
            case AUDIO -> "MP3, M4A, AAC, OGG, WAV, FLAC";
            case DOCUMENT -> "DOCX, PDF, ODT";
            case IMAGE -> "JPEG, PNG, WebP";
        };
    }
}
