package org.kepu.search.internal;

import java.time.Duration;

import org.kepu.platform.SharedGenerations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells every instance's result cache that what searches find has changed. Writes that refresh the index
 * (one work) are visible when they complete; bulk writes become visible at the index's next periodic refresh
 * (1 s), so they announce the change once now and once after it.
 */
@Component
public class SearchChanges {

    /** The generation the cached search results belong to. */
    public static final String GENERATION = "search-results";
    private static final Duration AFTER_PERIODIC_REFRESH = Duration.ofSeconds(2);

    private final SharedGenerations generations;

    SearchChanges(SharedGenerations generations) {
        this.generations = generations;
    }

    public long current() {
        return generations.current(GENERATION);
    }

    /** After a write that was refreshed, or an alias swap. */
    public Mono<Void> visible() {
        return generations.advance(GENERATION);
    }

    /** After a write without a refresh. */
    public Mono<Void> visibleAfterRefresh() {
        return generations.advance(GENERATION)
                .doOnSuccess(done -> Mono.delay(AFTER_PERIODIC_REFRESH).then(generations.advance(GENERATION)).subscribe());
    }
}
