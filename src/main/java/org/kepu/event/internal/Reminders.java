package org.kepu.event.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues the reminder of an occurrence's confirmed registrants ({@code event.remind}) for
 * {@code kepu.event.reminder.before} ahead of its start, in the transaction that publishes the series or reschedules
 * the occurrence. The job carries the start time it was queued for, so the job of a time that has since changed
 * does nothing and the job queued by the change reminds of the new time.
 */
@Component
class Reminders {

    static final String JOB = "event.remind";

    private final OccurrencesTable occurrences;
    private final Jobs jobs;
    private final JsonMapper json;
    private final EventProperties properties;

    Reminders(OccurrencesTable occurrences, Jobs jobs, JsonMapper json, EventProperties properties) {
        this.occurrences = occurrences;
        this.jobs = jobs;
        this.json = json;
        this.properties = properties;
    }

    record Payload(UUID occurrence, OffsetDateTime startsAt) {
    }

    Mono<Void> scheduleSeries(UUID series) {
        return occurrences.ofSeries(series).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(this::schedule)
                .then();
    }

    /** Nothing for occurrences without registration, cancelled ones and those already started. */
    Mono<Void> schedule(Occurrence occurrence) {
        Instant now = Instant.now();
        if (!occurrence.registration().enabled() || occurrence.cancelled() || !occurrence.startsAt().toInstant().isAfter(now)) {
            return Mono.empty();
        }
        Instant at = occurrence.startsAt().toInstant().minus(properties.reminder().before());
        String payload = json.writeValueAsString(Map.of("occurrence", occurrence.id().toString(),
                "startsAt", occurrence.startsAt().toInstant().toString()));
        return jobs.enqueue(new JobRequest(JOB, payload, 0, 0, at.isAfter(now) ? at : null)).then();
    }

    Payload payload(String text) {
        var tree = json.readTree(text);
        return new Payload(UUID.fromString(tree.get("occurrence").asString()),
                OffsetDateTime.parse(tree.get("startsAt").asString()));
    }
}
