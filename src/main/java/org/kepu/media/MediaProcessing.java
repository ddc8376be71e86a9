package org.kepu.media;

/**
 * Where an asset's processing stands, as the console shows it.
 *
 * @param progress the fraction of processing done (0..1) as the pipeline recorded it: ffmpeg's own progress while a
 *                 video's renditions are made, 1 once processed; null while uploading and once refused or aborted
 */
public record MediaProcessing(MediaAssetId id, MediaPurpose purpose, MediaAssetStatus status, Double progress) {
}
