package org.kepu.event.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the sample series of {@code content-samples/events.json} through the same editor, publication and change
 * paths the console uses, as {@code system}. They skip 一审 and 终审: they are the platform's own demonstration text,
 * imported only into embedded installations. Each series is imported in one transaction with its marker row, so a
 * rerun after a crash imports only the rest and a sample an editor removed never comes back.
 */
@Component
class EventSamples {

    static final String LOCATION = "content-samples/events.json";
    private static final Logger log = LoggerFactory.getLogger(EventSamples.class);
    private static final Actor SYSTEM = new Actor("system", Set.of(Role.EDITOR), null);

    private final SeriesEditor editor;
    private final SeriesTable series;
    private final SeriesPublication publication;
    private final OccurrenceChanges changes;
    private final DatabaseClient database;
    private final JsonMapper json;
    private final TransactionalOperator transaction;

    EventSamples(SeriesEditor editor, SeriesTable series, SeriesPublication publication, OccurrenceChanges changes,
                 DatabaseClient database, JsonMapper json, TransactionalOperator transaction) {
        this.editor = editor;
        this.series = series;
        this.publication = publication;
        this.changes = changes;
        this.database = database;
        this.json = json;
        this.transaction = transaction;
    }

    /** @return how many series were imported now */
    Mono<Long> importAll() {
        return Mono.fromCallable(this::manifest).subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(manifest -> Flux.fromIterable(manifest.series()))
                .concatMap(sample -> imported(sample.key()).flatMap(done -> done ? Mono.<UUID>empty() : importOne(sample)))
                .count();
    }

    private Mono<UUID> importOne(EventSampleManifest.Sample sample) {
        return editor.create(sample.form(), SYSTEM)
                .flatMap(id -> Flux.fromIterable(sample.occurrences()).concatMap(form -> editor.addOccurrence(id, form, SYSTEM)).collectList()
                        .flatMap(occurrences -> series.find(id)
                                .flatMap(created -> publication.publish(created, SYSTEM.username(), "samples"))
                                .then(Flux.fromIterable(sample.changes() == null ? List.<EventSampleManifest.SampleChange>of() : sample.changes())
                                        .concatMap(change -> changes.announce(occurrences.get(change.occurrence()), change.request(), SYSTEM))
                                        .then()))
                        .then(database.sql("INSERT INTO event_sample (key, series_id) VALUES (:key, :series)")
                                .bind("key", sample.key()).bind("series", id).then())
                        .thenReturn(id))
                .as(transaction::transactional)
                .doOnNext(id -> log.info("Published sample event series 《{}》 ({})", sample.title(), sample.key()));
    }

    private Mono<Boolean> imported(String key) {
        return database.sql("SELECT count(*) AS n FROM event_sample WHERE key = :key").bind("key", key)
                .map(row -> row.get("n", Long.class) > 0).one();
    }

    private EventSampleManifest manifest() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return json.readValue(in, EventSampleManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample events at " + LOCATION, e);
        }
    }
}
