package org.kepu.review.internal;

import java.time.Duration;

import org.kepu.platform.Sweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Publishes the scheduled cases whose job was lost or failed for good (see {@link PublicationSchedule#sweep}). */
@Component
class PublishSweep implements Sweep {

    private static final Logger log = LoggerFactory.getLogger(PublishSweep.class);
    private static final int BATCH = 50;

    private final ReviewCasesTable cases;
    private final PublicationSchedule schedule;

    PublishSweep(ReviewCasesTable cases, PublicationSchedule schedule) {
        this.cases = cases;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "scheduled publications";
    }

    @Override
    public Mono<Long> sweep(Duration grace) {
        // Ids first: a streaming result holds its connection, and each case runs in a transaction of its own.
        return cases.overdueScheduled(grace, BATCH).collectList()
                .flatMapIterable(ids -> ids)
                .concatMap(id -> schedule.sweep(id, grace).onErrorResume(error -> {
                    log.warn("Could not publish overdue review case {}", id, error);
                    return Mono.just(false);
                }))
                .filter(done -> done)
                .count();
    }
}
