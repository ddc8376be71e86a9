package org.kepu.media.internal;

import java.util.Collection;

import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.media.MediaDetails;
import org.kepu.media.MediaPurpose;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class MediaAssetsLookup implements MediaAssets {

    private final AssetsTable table;
    private final StreamedUploads uploads;
    private final DetailsTable details;

    MediaAssetsLookup(AssetsTable table, StreamedUploads uploads, DetailsTable details) {
        this.table = table;
        this.uploads = uploads;
        this.details = details;
    }

    @Override
    public Mono<MediaAsset> find(MediaAssetId id) {
        return table.find(id);
    }

    @Override
    public Mono<MediaAsset> store(MediaPurpose purpose, String fileName, Flux<DataBuffer> content, String uploadedBy) {
        return uploads.upload(purpose, fileName, null, -1, content, uploadedBy);
    }

    @Override
    public Mono<MediaDetails> details(MediaAssetId id) {
        return details.find(id);
    }

    @Override
    public Flux<MediaDetails> details(Collection<MediaAssetId> ids) {
        return details.find(ids);
    }
}
