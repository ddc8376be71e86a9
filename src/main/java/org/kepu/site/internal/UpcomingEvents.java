package org.kepu.site.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.text.Collator;
import java.util.List;
import java.util.Locale;

import org.kepu.event.EventFilter;
import org.kepu.event.PublicEvents;
import org.kepu.event.PublicOccurrence;
import org.kepu.platform.ScheduleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Events for the site's pages; a failure of the event module leaves the page's event block empty rather than failing the page. */
@Component
class UpcomingEvents {

    private static final Logger log = LoggerFactory.getLogger(UpcomingEvents.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PublicEvents events;
    private final ZoneId zone;

    UpcomingEvents(PublicEvents events, ScheduleProperties schedule) {
        this.events = events;
        this.zone = schedule.timeZone();
    }

    Mono<List<EventView>> upcoming(OffsetDateTime now, int limit) {
        return views(events.upcoming(now, EventFilter.NONE, limit));
    }

    Mono<List<EventView>> between(OffsetDateTime from, OffsetDateTime to, EventFilter filter) {
        return views(events.between(from, to, filter));
    }

    /** The districts (区县市) that have occurrences starting in the window, in Chinese collation order. */
    Mono<List<String>> districts(OffsetDateTime from, OffsetDateTime to) {
        return between(from, to, EventFilter.NONE).map(found -> found.stream().map(EventView::district)
                .filter(district -> !district.isBlank()).distinct().sorted(Collator.getInstance(Locale.CHINA)).toList());
    }

    private Mono<List<EventView>> views(Flux<PublicOccurrence> occurrences) {
        return occurrences.map(this::view).collectList()
                .onErrorResume(error -> {
                    log.warn("Events left out of a page: {}", error.toString());
                    return Mono.just(List.of());
                });
    }

    /** A public series with its occurrences as views; empty when there is none. */
    Mono<SeriesView> series(String id) {
        return events.series(id).map(series -> new SeriesView(series.id(), series.title(), series.summary(), series.description(),
                series.organiser(), series.coverUrl(), series.path(), series.occurrences().stream().map(this::view).toList()));
    }

    /** A public series (全国科普日 2026) as its page shows it. */
    record SeriesView(String id, String title, String summary, String description, String organiser, String coverUrl,
                      String path, List<EventView> occurrences) {
    }

    EventView view(PublicOccurrence occurrence) {
        String venue = occurrence.venue() == null ? "" : occurrence.venue().name();
        return new EventView(occurrence.id(), occurrence.title(), occurrence.seriesTitle(),
                occurrence.startsAt().atZoneSameInstant(zone).format(WHEN) + " – "
                        + occurrence.endsAt().atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("HH:mm")),
                WorkCards.machineTime(occurrence.startsAt()), WorkCards.machineTime(occurrence.endsAt()), venue,
                occurrence.venue() == null ? "" : occurrence.venue().address(),
                occurrence.venue() == null ? "" : occurrence.venue().district(),
                occurrence.status().name(), occurrence.change(), occurrence.path(), occurrence.registrationOpen(),
                occurrence.startsAt().atZoneSameInstant(zone).toLocalDate(),
                occurrence.startsAt().atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("HH:mm")));
    }
}
