package org.kepu.media;

import java.time.Duration;

/**
 * What processing learned about an asset, for filling in the work that uses it. Fields the file does not
 * record, or that processing has not reached yet, are null.
 *
 * @param title   the document's or container's own title (not the file name)
 * @param created the creation date as the file states it (usually ISO 8601)
 * @param text    the text extracted from a document, possibly cut at the configured limit
 */
public record MediaDetails(MediaAssetId id, MediaPurpose purpose, MediaAssetStatus status, String originalName,
                           String title, String author, String created, Duration duration, Integer width, Integer height,
                           String text) {
}
