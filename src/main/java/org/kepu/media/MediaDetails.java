package org.kepu.media;

import java.time.Duration;

/**
 * What processing learned about an asset, for filling in the work that uses it. Fields the file does not
 * record, or that processing has not reached yet, are null.
 *
 * @param title   the document's or container's own title (not the file name)
 * @param created the creation date as the file states it (usually ISO 8601)
 * @param text    the text extracted from a document, possibly cut at the configured limit
 * @param detectedType the media type found in the original's bytes
 * @param size    the original's size in bytes
 */
public record MediaDetails(MediaAssetId id, MediaPurpose purpose, MediaAssetStatus status, String originalName,
                           String title, String author, String created, Duration duration, Integer width, Integer height,
                           String text, String detectedType, Long size) {

    /** Where anyone downloads the original of a document while a published work uses it; null for other purposes. */
    public String downloadUrl() {
        return purpose == MediaPurpose.DOCUMENT ? "/media/" + id.id() + "/download" : null;
    }
}
