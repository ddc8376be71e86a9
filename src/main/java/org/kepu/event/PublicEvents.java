package org.kepu.event;

import java.time.OffsetDateTime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Published events as the public sees them, for the site, feeds and the WeChat Official Account.
 * Never returns a draft or an occurrence of an unpublished series; cancelled and changed occurrences
 * are returned with their {@link PublicOccurrence.Status} so callers show them as such.
 */
public interface PublicEvents {

    /** Occurrences that have not ended by {@code now}, soonest first, matching {@code filter}, at most {@code limit}. */
    Flux<PublicOccurrence> upcoming(OffsetDateTime now, EventFilter filter, int limit);

    /** Occurrences starting at or after {@code from} and before {@code to}, by start time (a month view, a WeChat schedule article). */
    Flux<PublicOccurrence> between(OffsetDateTime from, OffsetDateTime to, EventFilter filter);

    /** A published series with its occurrences; empty when there is no such public series. */
    Mono<PublicSeries> series(String seriesId);
}
