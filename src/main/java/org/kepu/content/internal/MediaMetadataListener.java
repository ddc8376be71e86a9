package org.kepu.content.internal;

import org.kepu.media.MediaAssetProcessed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When a file finishes processing, the drafts that use it get the fields its metadata fill. Best effort:
 * a failure is logged, and the same filling happens again on the author's next save. Sample works whose media
 * are then all ready are published ({@link SamplePublication}).
 */
@Component
class MediaMetadataListener {

    private static final Logger log = LoggerFactory.getLogger(MediaMetadataListener.class);

    private final WorksTable works;
    private final WorkEditor editor;
    private final SamplePublication samples;

    MediaMetadataListener(WorksTable works, WorkEditor editor, SamplePublication samples) {
        this.works = works;
        this.editor = editor;
        this.samples = samples;
    }

    /** Spring subscribes to the returned Mono. */
    @EventListener
    Mono<Void> on(MediaAssetProcessed processed) {
        // All ids are read before the refills start: a streaming result holds its connection.
        return works.draftsUsing(processed.asset().id()).collectList()
                .flatMapIterable(ids -> ids)
                .concatMap(work -> editor.refill(work)
                        .doOnNext(changed -> {
                            if (changed) {
                                log.info("Filled empty fields of work {} from media asset {}", work, processed.asset().id());
                            }
                        }))
                .then(samples.publishReady(processed.asset().id()))
                .onErrorResume(error -> {
                    log.warn("Could not fill or publish works from media asset {}", processed.asset().id(), error);
                    return Mono.empty();
                });
    }
}
