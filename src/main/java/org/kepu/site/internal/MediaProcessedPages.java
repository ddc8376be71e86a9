package org.kepu.site.internal;

import org.kepu.media.MediaAssetProcessed;
import org.kepu.media.PublicMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A published work's media may still be processing (publishing does not wait for it): its cached pages have no
 * player yet. When such an asset is processed, every instance's page cache is cleared, so the player, poster and
 * captions appear at once rather than when the cached page expires.
 */
@Component
class MediaProcessedPages {

    private static final Logger log = LoggerFactory.getLogger(MediaProcessedPages.class);

    private final PublicMedia publicMedia;
    private final PageCache pages;

    MediaProcessedPages(PublicMedia publicMedia, PageCache pages) {
        this.publicMedia = publicMedia;
        this.pages = pages;
    }

    /** Clears the page cache when the processed asset is public (Spring subscribes to the returned Mono). */
    @EventListener
    Mono<Void> on(MediaAssetProcessed processed) {
        return publicMedia.isPublic(processed.asset())
                .filter(Boolean::booleanValue)
                .flatMap(isPublic -> pages.invalidate())
                .onErrorResume(error -> {
                    log.warn("Could not clear the page cache after media asset {} was processed", processed.asset().id(), error);
                    return Mono.empty();
                });
    }
}
