package org.kepu.event.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.kepu.event.EventFilter;
import org.kepu.event.PublicEvents;
import org.kepu.event.PublicOccurrence;
import org.kepu.event.PublicSeries;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Published events for anyone (the site's pages and scripts, apps): the same answers as {@link PublicEvents}. */
@RestController
class PublicEventsController {

    static final int DEFAULT_LIMIT = 50;
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final PublicEvents events;

    PublicEventsController(PublicEvents events) {
        this.events = events;
    }

    /**
     * Without {@code from}: the occurrences that have not ended, soonest first. With {@code from} (and {@code to},
     * by default a month later): those starting in between. Times are ISO 8601 with an offset, or dates in Beijing time.
     */
    @GetMapping("/api/events/public/occurrences")
    Flux<PublicOccurrence> occurrences(@RequestParam(required = false) String topic, @RequestParam(required = false) String district,
                                       @RequestParam(required = false) String audience, @RequestParam(required = false) String q,
                                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                       @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        EventFilter filter = new EventFilter(topic, district, audience, q);
        return Mono.fromCallable(() -> {
            if (limit < 1 || limit > PublicEventsTable.MAX_LIMIT) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-limit-invalid", PublicEventsTable.MAX_LIMIT);
            }
            return from == null || from.isBlank() ? new OffsetDateTime[0] : range(from, to);
        }).flatMapMany(range -> range.length == 0 ? events.upcoming(OffsetDateTime.now(PublicTimes.ZONE), filter, limit)
                : events.between(range[0], range[1], filter).take(limit));
    }

    @GetMapping("/api/events/public/series/{id}")
    Mono<PublicSeries> series(@PathVariable UUID id) {
        return events.series(id.toString())
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-series-not-found", id)));
    }

    private static OffsetDateTime[] range(String from, String to) {
        OffsetDateTime start = time(from);
        OffsetDateTime end = to == null || to.isBlank() ? start.plusMonths(1) : time(to);
        if (!end.isAfter(start)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "schedule-range-invalid", from, to);
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "schedule-range-too-long", MAX_RANGE.toDays());
        }
        return new OffsetDateTime[] {start, end};
    }

    static OffsetDateTime time(String value) {
        try {
            return value.strip().length() == 10 ? LocalDate.parse(value.strip()).atStartOfDay(PublicTimes.ZONE).toOffsetDateTime()
                    : OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "schedule-time-invalid", value);
        }
    }
}
