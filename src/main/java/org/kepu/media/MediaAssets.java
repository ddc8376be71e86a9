package org.kepu.media;

import java.util.Collection;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface MediaAssets {

    /** The job kind queued when an asset is stored; its payload is {@code {"asset":"<uuid>"}}. */
    String PROCESS_JOB_KIND = "media.process";

    Mono<MediaAsset> find(MediaAssetId id);

    /**
     * Stores a file the platform itself brings (sample content, imports) exactly as an API upload would be:
     * type judged from the bytes against the purpose, size limit of a streamed upload, processing queued.
     * Fails with the same problems as the upload endpoint; a refused file leaves no object behind.
     */
    Mono<MediaAsset> store(MediaPurpose purpose, String fileName, Flux<DataBuffer> content, String uploadedBy);

    Mono<MediaDetails> details(MediaAssetId id);

    /** The details of many assets in one query, in no particular order; unknown ids are left out. */
    Flux<MediaDetails> details(Collection<MediaAssetId> ids);

    /** The processing state of many assets in one query, in no particular order; unknown ids are left out. */
    Flux<MediaProcessing> processing(Collection<MediaAssetId> ids);

    /** The processed files of many assets (see {@link Rendition}), in no particular order. */
    Flux<Rendition> renditions(Collection<MediaAssetId> ids);
}
