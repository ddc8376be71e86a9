package org.kepu.media;

/** Published once an asset's processing has finished and its {@link MediaDetails} are complete. */
public record MediaAssetProcessed(MediaAssetId asset, MediaPurpose purpose) {
}
