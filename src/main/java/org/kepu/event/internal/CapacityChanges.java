package org.kepu.event.internal;

import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.kepu.event.EventsChanged;
import org.kepu.platform.ModuleEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registration capacity of a published occurrence, changed by its organiser's authors (a bigger room, more
 * helpers). Under the occurrence's row lock, as registrations are: raising it confirms the first in line for each new
 * place, each with a {@code PROMOTED} notice; lowering it below the places already confirmed is refused (409), since
 * confirmed registrants are never demoted silently. Capacity is not reviewed text, so it needs no announcement.
 */
@Component
class CapacityChanges {

    private final OccurrencesTable occurrences;
    private final SeriesTable series;
    private final RegistrationsTable registrations;
    private final Registrations promotions;
    private final DatabaseClient database;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final ModuleEvents events;

    CapacityChanges(OccurrencesTable occurrences, SeriesTable series, RegistrationsTable registrations, Registrations promotions,
                    DatabaseClient database, AuditLog audit, TransactionalOperator transaction, ModuleEvents events) {
        this.events = events;
        this.occurrences = occurrences;
        this.series = series;
        this.registrations = registrations;
        this.promotions = promotions;
        this.database = database;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<Void> change(UUID occurrenceId, Integer capacity, Actor actor) {
        if (capacity == null || capacity < 1 || capacity > OccurrenceChecks.MAX_CAPACITY) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-capacity-invalid", "capacity",
                    OccurrenceChecks.MAX_CAPACITY));
        }
        return occurrences.lock(occurrenceId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", occurrenceId)))
                .flatMap(current -> series.find(current.seriesId()).flatMap(owner -> {
                    EventPermissions.checkAuthor(actor, owner.organiser());
                    if (owner.status() != SeriesStatus.PUBLISHED) {
                        return Mono.error(Transitions.refused(owner.status(), "capacity"));
                    }
                    if (!current.registration().enabled()) {
                        return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-registration-not-offered"));
                    }
                    if (current.cancelled()) {
                        return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-occurrence-cancelled"));
                    }
                    String title = current.title() == null ? owner.title() : current.title();
                    return registrations.confirmed(occurrenceId).flatMap(confirmed -> {
                        if (capacity < confirmed) {
                            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-capacity-below-confirmed", confirmed));
                        }
                        Registrations.Locked locked = new Registrations.Locked(current, title);
                        return database.sql("UPDATE event_occurrence SET registration_capacity = :capacity, updated_at = now() WHERE id = :id")
                                .bind("capacity", capacity).bind("id", occurrenceId).then()
                                .then(Flux.range(0, (int) (capacity - confirmed)).concatMap(place -> promotions.promote(locked)).then())
                                .then(audit.record(actor.username(), "event.capacity-changed", Registrations.subject(occurrenceId),
                                        Map.of("before", current.registration().capacity(), "after", capacity)))
                                .then(events.publish(new EventsChanged(owner.id().toString())));
                    });
                }))
                .as(transaction::transactional);
    }
}
