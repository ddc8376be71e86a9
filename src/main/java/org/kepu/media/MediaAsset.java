package org.kepu.media;

/**
 * An uploaded original.
 *
 * @param originalName the uploader's file name, sanitized; never used as a storage key
 * @param detectedType the media type found in the bytes (null until stored or refused)
 * @param size         bytes in object storage (null until stored)
 * @param objectKey    the key in the media bucket, {@code originals/<id>}
 */
public record MediaAsset(MediaAssetId id, MediaPurpose purpose, MediaAssetStatus status, String originalName,
                         String detectedType, Long size, String objectKey) {
}
