package org.kepu.event.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.kepu.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * iCalendar (RFC 5545) feeds to subscribe to, for everything, a series or a topic, and single entries for an
 * occurrence and for a registration. Only published series appear; the registration's entry is reached through its
 * secret link and is not cached.
 */
@RestController
class CalendarController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final PublicEventsTable events;
    private final EventCalendars calendars;
    private final CalendarWriter writer;
    private final Topics topics;
    private final Registrations registrations;
    private final NoticesTable notices;
    private final EventProperties properties;

    CalendarController(PublicEventsTable events, EventCalendars calendars, CalendarWriter writer, Topics topics,
                       Registrations registrations, NoticesTable notices, EventProperties properties) {
        this.events = events;
        this.calendars = calendars;
        this.writer = writer;
        this.topics = topics;
        this.registrations = registrations;
        this.notices = notices;
        this.properties = properties;
    }

    @GetMapping("/api/events/public/calendar.ics")
    Mono<ResponseEntity<String>> everything(ServerHttpRequest request) {
        return feed("科普活动", null, null, "kepu-events", request);
    }

    @GetMapping("/api/events/public/series/{id}/calendar.ics")
    Mono<ResponseEntity<String>> series(@PathVariable UUID id, ServerHttpRequest request) {
        return events.series(id.toString())
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-series-not-found", id)))
                .flatMap(series -> feed(series.title(), id, null, "kepu-series-" + id, request));
    }

    @GetMapping("/api/events/public/topics/{topic}/calendar.ics")
    Mono<ResponseEntity<String>> topic(@PathVariable String topic, ServerHttpRequest request) {
        return topics.all().filter(found -> found.slug().equals(topic)).next()
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-topic-unknown", topic)))
                .flatMap(found -> feed("科普活动 · " + found.name(), null, topic, "kepu-topic-" + topic, request));
    }

    @GetMapping("/api/events/public/occurrences/{id}/calendar.ics")
    Mono<ResponseEntity<String>> occurrence(@PathVariable UUID id, ServerHttpRequest request) {
        return row(id).zipWith(topicNames())
                .flatMap(found -> writer.write(found.getT1().seriesTitle(),
                        List.of(calendars.occurrence(found.getT1(), found.getT2(), baseUrl(request)))))
                .map(text -> answer(text, "kepu-event-" + id, CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()));
    }

    @GetMapping("/api/events/public/registrations/{token}/calendar.ics")
    Mono<ResponseEntity<String>> registration(@PathVariable String token, ServerHttpRequest request) {
        return registrations.byToken(token)
                .flatMap(registration -> row(registration.occurrenceId())
                        .zipWith(notices.of(registration.id())
                                .filter(notice -> notice.kind() == NoticesTable.Kind.PROMOTED || notice.kind() == NoticesTable.Kind.CANCELLED)
                                .count())
                        .flatMap(found -> writer.write(found.getT1().seriesTitle(), List.of(calendars.registration(found.getT1(), registration,
                                found.getT2().intValue(), baseUrl(request))))))
                .map(text -> answer(text, "kepu-registration", CacheControl.noStore()));
    }

    private Mono<ResponseEntity<String>> feed(String name, UUID series, String topic, String file, ServerHttpRequest request) {
        OffsetDateTime after = OffsetDateTime.now(PublicTimes.ZONE).minus(properties.calendar().past());
        return events.rows(after, series, topic, null, properties.calendar().maxEntries()).collectList().zipWith(topicNames())
                .flatMap(found -> writer.write(name, found.getT1().stream()
                        .flatMap(row -> calendars.entries(row, found.getT2(), baseUrl(request)).stream()).toList()))
                .map(text -> answer(text, file, CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()));
    }

    /** Any occurrence of a published series, ended or not; 404 otherwise. */
    private Mono<PublicRow> row(UUID occurrence) {
        return events.rows(OffsetDateTime.parse("1970-01-01T00:00Z"), null, null, occurrence, 1).next()
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", occurrence)));
    }

    private Mono<Map<String, String>> topicNames() {
        return topics.all().collectMap(TopicName::slug, TopicName::name);
    }

    private String baseUrl(ServerHttpRequest request) {
        String configured = properties.calendar().baseUrl();
        if (!configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        var uri = request.getURI();
        String port = uri.getPort() < 0 || (uri.getPort() == 80 && "http".equals(uri.getScheme()))
                || (uri.getPort() == 443 && "https".equals(uri.getScheme())) ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port;
    }

    private static ResponseEntity<String> answer(String text, String file, CacheControl cache) {
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(cache)
                .header("Content-Disposition", ContentDisposition.inline().filename(file + ".ics").build().toString()).body(text);
    }
}
