package org.kepu.media.internal;

import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class MediaAssetsLookup implements MediaAssets {

    private final AssetsTable table;

    MediaAssetsLookup(AssetsTable table) {
        this.table = table;
    }

    @Override
    public Mono<MediaAsset> find(MediaAssetId id) {
        return table.find(id);
    }
}
