package org.kepu.search.internal.indexing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.kepu.platform.Sweep;
import org.kepu.search.internal.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The safety net behind the indexing jobs: every {@code kepu.search.indexing.drift-interval} a worker compares
 * the index with PostgreSQL and repairs it, so after an Elasticsearch outage longer than the jobs' retries
 * the index still converges to exactly the published set. Repairs are idempotent (versioned writes), so
 * several instances doing it at once only repeat each other.
 */
@Component
class DriftSweep implements Sweep {

    private static final Logger log = LoggerFactory.getLogger(DriftSweep.class);

    private final DriftCheck drift;
    private final SearchProperties search;
    private final Duration interval;
    private final AtomicReference<Instant> lastRun = new AtomicReference<>(Instant.EPOCH);

    DriftSweep(DriftCheck drift, SearchProperties search, IndexingProperties properties) {
        this.drift = drift;
        this.search = search;
        this.interval = properties.driftInterval();
    }

    @Override
    public String name() {
        return "search-drift";
    }

    @Override
    public Mono<Long> sweep(Duration grace) {
        Instant now = Instant.now();
        Instant last = lastRun.get();
        if (interval.isZero() || now.isBefore(last.plus(interval)) || !lastRun.compareAndSet(last, now)) {
            return Mono.just(0L);
        }
        return drift.check(search.alias(), true)
                .doOnNext(report -> {
                    if (!report.clean()) {
                        log.info("Search index drift repaired: {}", report);
                    }
                })
                .map(report -> (long) report.repaired());
    }
}
