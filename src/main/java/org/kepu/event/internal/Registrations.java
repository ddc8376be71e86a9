package org.kepu.event.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Registering for and cancelling a published occurrence. Every change of places locks the occurrence's row, so
 * parallel registrations queue there and the capacity holds: the first {@code capacity} are confirmed, the rest wait
 * in line, and a cancellation confirms the first in line in the same transaction (with a notice to that person).
 */
@Component
class Registrations {

    static final String REGISTRANT = "registrant";

    private final OccurrencesTable occurrences;
    private final SeriesTable series;
    private final RegistrationsTable registrations;
    private final NoticesTable notices;
    private final RegistrationLimit limit;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    Registrations(OccurrencesTable occurrences, SeriesTable series, RegistrationsTable registrations, NoticesTable notices,
                  RegistrationLimit limit, AuditLog audit, TransactionalOperator transaction) {
        this.occurrences = occurrences;
        this.series = series;
        this.registrations = registrations;
        this.notices = notices;
        this.limit = limit;
        this.audit = audit;
        this.transaction = transaction;
    }

    record Registered(Registration registration, String token) {
    }

    Mono<Registered> register(UUID occurrenceId, String name, String phone) {
        return limit.count()
                .then(Mono.fromCallable(() -> RegistrantDetails.of(name, phone)))
                .zipWith(RegistrationSecrets.draw())
                .flatMap(drawn -> publicOccurrence(occurrenceId)
                        .flatMap(locked -> checkOpen(locked.occurrence())
                                .then(refuseDuplicate(occurrenceId, drawn.getT1().phone()))
                                .then(registrations.confirmed(occurrenceId))
                                .flatMap(confirmed -> registrations.insert(occurrenceId, drawn.getT1().name(), drawn.getT1().phone(),
                                        confirmed < locked.occurrence().registration().capacity() ? Registration.Status.CONFIRMED
                                                : Registration.Status.WAITING, drawn.getT2().tokenHash(), drawn.getT2().checkInCode()))
                                .flatMap(registered -> registrations.position(registered).map(String::valueOf).defaultIfEmpty("")
                                        .flatMap(position -> tell(registered, locked,
                                                registered.status() == Registration.Status.CONFIRMED ? NoticesTable.Kind.CONFIRMED
                                                        : NoticesTable.Kind.WAITING, position))
                                        .then(audit.record(REGISTRANT, "event.registered", subject(occurrenceId), Map.of(
                                                "registration", registered.id().toString(), "status", registered.status().name())))
                                        .thenReturn(new Registered(registered, drawn.getT2().token()))))
                        .as(transaction::transactional));
    }

    /** Cancels by the registrant's token; a confirmed place goes to the first in line. */
    Mono<Registration> cancel(String token) {
        return byToken(token)
                .flatMap(found -> publicOccurrence(found.occurrenceId())
                        .flatMap(locked -> registrations.find(found.id()).flatMap(current -> {
                            if (current.status() == Registration.Status.CANCELLED) {
                                return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-registration-already-cancelled"));
                            }
                            return registrations.cancel(current.id(), REGISTRANT)
                                    .then(tell(current, locked, NoticesTable.Kind.CANCELLED, ""))
                                    .then(audit.record(REGISTRANT, "event.registration-cancelled", subject(current.occurrenceId()),
                                            Map.of("registration", current.id().toString(), "was", current.status().name())))
                                    .then(current.status() == Registration.Status.CONFIRMED ? promote(locked) : Mono.empty())
                                    .then(registrations.find(current.id()));
                        }))
                        .as(transaction::transactional));
    }

    Mono<Registration> byToken(String token) {
        return registrations.byToken(RegistrationSecrets.hash(token == null ? "" : token))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-registration-not-found")));
    }

    /** Confirms the first in line, with a notice; nothing when nobody waits. The caller holds the occurrence's lock. */
    Mono<Void> promote(Locked locked) {
        return registrations.promoteFirstWaiting(locked.occurrence().id())
                .flatMap(promoted -> tell(promoted, locked, NoticesTable.Kind.PROMOTED, "")
                        .then(audit.record("system", "event.registration-promoted", subject(promoted.occurrenceId()),
                                Map.of("registration", promoted.id().toString()))));
    }

    private Mono<Void> tell(Registration registration, Locked locked, NoticesTable.Kind kind, String position) {
        Map<String, String> arguments = RegistrantTexts.arguments(locked.title(), locked.occurrence());
        arguments.put("position", position);
        if (kind == NoticesTable.Kind.CONFIRMED || kind == NoticesTable.Kind.PROMOTED) {
            arguments.put("code", registration.checkInCode());
        }
        return notices.insert(registration.id(), kind, arguments);
    }

    /** The occurrence, locked, with its title; 404 unless its series is published (drafts are not revealed). */
    private Mono<Locked> publicOccurrence(UUID id) {
        return occurrences.lock(id)
                .flatMap(occurrence -> series.find(occurrence.seriesId())
                        .filter(found -> found.status() == SeriesStatus.PUBLISHED)
                        .map(found -> new Locked(occurrence, occurrence.title() == null ? found.title() : occurrence.title())))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", id)));
    }

    record Locked(Occurrence occurrence, String title) {
    }

    private static Mono<Void> checkOpen(Occurrence occurrence) {
        Instant now = Instant.now();
        if (!occurrence.registration().enabled()) {
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-registration-not-offered"));
        }
        if (occurrence.cancelled()) {
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-occurrence-cancelled"));
        }
        if (!occurrence.registrationOpen(now)) {
            java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-registration-closed",
                    PublicTimes.shown(occurrence.registration().opensAt()).format(minutes),
                    PublicTimes.shown(occurrence.registration().closesAt()).format(minutes)));
        }
        return Mono.empty();
    }

    private Mono<Void> refuseDuplicate(UUID occurrence, String phone) {
        return registrations.phoneTaken(occurrence, phone)
                .flatMap(taken -> taken ? Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-registration-duplicate")) : Mono.empty());
    }

    static String subject(UUID occurrence) {
        return "event-occurrence:" + occurrence;
    }
}
