package org.kepu.media.internal;

import java.util.UUID;

import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaPurpose;

/** An asset as the HTTP API shows it. */
record AssetView(UUID id, MediaPurpose purpose, MediaAssetStatus status, String originalName, String detectedType, Long size) {

    static AssetView of(MediaAsset asset) {
        return new AssetView(asset.id().id(), asset.purpose(), asset.status(), asset.originalName(), asset.detectedType(),
                asset.size());
    }
}
