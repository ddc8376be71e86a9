package org.kepu.event.internal;

import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Writing series and their occurrences while they are drafts. Each change is checked, written and audited in one
 * transaction under the series' row lock. Once submitted a series is frozen: what changes after publishing is
 * announced ({@link OccurrenceChanges}), never edited.
 */
@Component
class SeriesEditor {

    private final SeriesTable series;
    private final OccurrencesTable occurrences;
    private final SeriesChecks checks;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    SeriesEditor(SeriesTable series, OccurrencesTable occurrences, SeriesChecks checks, AuditLog audit, TransactionalOperator transaction) {
        this.series = series;
        this.occurrences = occurrences;
        this.checks = checks;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<UUID> create(SeriesForm form, Actor actor) {
        return checks.check(form, actor)
                .flatMap(details -> series.insert(details, actor.username())
                        .flatMap(id -> audit.record(actor.username(), "event.series-created", subject(id),
                                Map.of("organisation", details.organiser().slug(), "title", details.title())).thenReturn(id))
                        .as(transaction::transactional));
    }

    Mono<Void> update(UUID id, SeriesForm form, Actor actor) {
        return checks.check(form, actor)
                .flatMap(details -> draft(id, actor, "edit")
                        .flatMap(current -> series.update(id, details, actor.username())
                                .then(audit.record(actor.username(), "event.series-updated", subject(id),
                                        Map.of("version", current.version() + 1, "organisation", details.organiser().slug()))))
                        .as(transaction::transactional));
    }

    Mono<UUID> addOccurrence(UUID seriesId, OccurrenceForm form, Actor actor) {
        return Mono.fromCallable(() -> OccurrenceChecks.check(form))
                .flatMap(details -> draft(seriesId, actor, "edit")
                        .flatMap(current -> occurrences.insert(seriesId, details))
                        .flatMap(occurrence -> series.touched(seriesId, actor.username())
                                .then(audit.record(actor.username(), "event.occurrence-added", subject(seriesId),
                                        Map.of("occurrence", occurrence.toString(), "startsAt", details.startsAt().toString())))
                                .thenReturn(occurrence))
                        .as(transaction::transactional));
    }

    Mono<Void> updateOccurrence(UUID seriesId, UUID occurrenceId, OccurrenceForm form, Actor actor) {
        return Mono.fromCallable(() -> OccurrenceChecks.check(form))
                .flatMap(details -> draft(seriesId, actor, "edit")
                        .then(ofSeries(seriesId, occurrenceId))
                        .then(occurrences.update(occurrenceId, details))
                        .then(series.touched(seriesId, actor.username()))
                        .then(audit.record(actor.username(), "event.occurrence-updated", subject(seriesId),
                                Map.of("occurrence", occurrenceId.toString())))
                        .as(transaction::transactional));
    }

    Mono<Void> removeOccurrence(UUID seriesId, UUID occurrenceId, Actor actor) {
        return draft(seriesId, actor, "edit")
                .then(ofSeries(seriesId, occurrenceId))
                .then(occurrences.delete(occurrenceId))
                .then(series.touched(seriesId, actor.username()))
                .then(audit.record(actor.username(), "event.occurrence-removed", subject(seriesId),
                        Map.of("occurrence", occurrenceId.toString())))
                .as(transaction::transactional);
    }

    /** Locks the series and checks that {@code actor} may write it and that it is a draft (else 409 naming its status). */
    private Mono<Series> draft(UUID id, Actor actor, String action) {
        return existing(series.lock(id), id)
                .doOnNext(current -> EventPermissions.checkAuthor(actor, current.organiser()))
                .flatMap(current -> current.status() == SeriesStatus.DRAFT ? Mono.just(current)
                        : Mono.error(Transitions.refused(current.status(), action)));
    }

    private Mono<Occurrence> ofSeries(UUID seriesId, UUID occurrenceId) {
        return occurrences.find(occurrenceId)
                .filter(found -> found.seriesId().equals(seriesId))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", occurrenceId)));
    }

    static Mono<Series> existing(Mono<Series> found, UUID id) {
        return found.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-series-not-found", id)));
    }

    static String subject(UUID series) {
        return "event-series:" + series;
    }
}
