package org.kepu.content.internal;

import java.time.Duration;

import org.kepu.platform.Sweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Does the scheduled unpublishes whose job was lost or failed for good (see {@link Unpublishing#sweep}). */
@Component
class UnpublishSweep implements Sweep {

    private static final Logger log = LoggerFactory.getLogger(UnpublishSweep.class);
    private static final int BATCH = 50;

    private final UnpublishesTable unpublishes;
    private final Unpublishing unpublishing;

    UnpublishSweep(UnpublishesTable unpublishes, Unpublishing unpublishing) {
        this.unpublishes = unpublishes;
        this.unpublishing = unpublishing;
    }

    @Override
    public String name() {
        return "scheduled unpublishes";
    }

    @Override
    public Mono<Long> sweep(Duration grace) {
        // Ids first: a streaming result holds its connection, and each item runs in a transaction of its own.
        return unpublishes.overdue(grace, BATCH).collectList()
                .flatMapIterable(ids -> ids)
                .concatMap(id -> unpublishing.sweep(id, grace).onErrorResume(error -> {
                    log.warn("Could not complete overdue unpublish {}", id, error);
                    return Mono.just(false);
                }))
                .filter(done -> done)
                .count();
    }
}
