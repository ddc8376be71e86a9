package org.kepu.media;

import java.util.Collection;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Which assets anyone may fetch: an asset is public while some published work uses it. Called by the
 * publishing module inside its publishing transaction (both methods join the caller's transaction).
 */
public interface PublicMedia {

    /** The assets {@code work} uses from now on; assets it no longer uses stop being public unless another work uses them. */
    Mono<Void> release(UUID work, Collection<MediaAssetId> assets);

    /** {@code work} is no longer public: its assets stop being public unless another published work uses them. */
    Mono<Void> withdraw(UUID work);

    Mono<Boolean> isPublic(MediaAssetId asset);
}
