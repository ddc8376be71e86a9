package org.kepu.media;

/**
 * UPLOADING until every byte is in object storage; STORED once complete and of an accepted type
 * (a {@code media.process} job is queued in the same transaction); REJECTED when refused (nothing is
 * kept in object storage); ABORTED when the uploader gave up or the upload expired.
 */
public enum MediaAssetStatus {
    UPLOADING, STORED, REJECTED, ABORTED
}
