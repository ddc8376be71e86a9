package org.kepu.media;

import reactor.core.publisher.Mono;

public interface MediaAssets {

    /** The job kind queued when an asset is stored; its payload is {@code {"asset":"<uuid>"}}. */
    String PROCESS_JOB_KIND = "media.process";

    Mono<MediaAsset> find(MediaAssetId id);
}
