package org.kepu.media;

/**
 * UPLOADING until every byte is in object storage; STORED once complete and of an accepted type
 * (a {@code media.process} job is queued in the same transaction); PROCESSING while renditions are
 * made; PLAYABLE once the first playable rendition is published (the rest may follow); PROCESSED
 * when all are; REJECTED when refused, also when processing finds the file corrupt (nothing is kept
 * in object storage); ABORTED when the uploader gave up or the upload expired.
 */
public enum MediaAssetStatus {
    UPLOADING, STORED, PROCESSING, PLAYABLE, PROCESSED, REJECTED, ABORTED
}
