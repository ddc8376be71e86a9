package org.kepu.wechat.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.kepu.event.EventFilter;
import org.kepu.event.PublicEvents;
import org.kepu.event.PublicOccurrence;
import org.kepu.event.PublicSeries;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Published events for replies and schedule articles, from the event module's {@link PublicEvents}. */
@Component
class PublishedEvents {

    private final PublicEvents events;
    private final Clock clock;

    PublishedEvents(PublicEvents events) {
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    Flux<PublicOccurrence> upcoming(EventFilter filter, int limit) {
        return events.upcoming(OffsetDateTime.now(clock), filter, limit);
    }

    Flux<PublicOccurrence> between(OffsetDateTime from, OffsetDateTime to) {
        return events.between(from, to, EventFilter.NONE);
    }

    Mono<PublicSeries> series(String id) {
        return events.series(id);
    }
}
