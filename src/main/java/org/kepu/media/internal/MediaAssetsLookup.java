package org.kepu.media.internal;

import java.util.Collection;

import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.media.MediaDetails;
import org.kepu.media.MediaProcessing;
import org.kepu.media.Rendition;
import org.kepu.media.MediaPurpose;
import org.kepu.media.internal.delivery.PublicKeys;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class MediaAssetsLookup implements MediaAssets {

    private final AssetsTable table;
    private final StreamedUploads uploads;
    private final DetailsTable details;

    private final ProcessingTable processing;

    MediaAssetsLookup(AssetsTable table, StreamedUploads uploads, DetailsTable details, ProcessingTable processing) {
        this.table = table;
        this.uploads = uploads;
        this.details = details;
        this.processing = processing;
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

    @Override
    public Flux<MediaProcessing> processing(Collection<MediaAssetId> ids) {
        return ids.isEmpty() ? Flux.empty() : processing.states(ids.stream().map(MediaAssetId::id).distinct().toList());
    }

    @Override
    public Flux<Rendition> renditions(Collection<MediaAssetId> ids) {
        return processing.renditions(ids.stream().map(MediaAssetId::id).toList())
                .map(r -> new Rendition(new MediaAssetId(r.asset()), r.rendition().name(),
                        PublicKeys.url(r.asset(), r.rendition().path()), r.rendition().contentType(), r.rendition().bytes(),
                        r.rendition().width(), r.rendition().height()));
    }
}
