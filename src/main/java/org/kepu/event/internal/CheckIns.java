package org.kepu.event.internal;

import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.org.VolunteerId;
import org.kepu.org.Volunteers;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Checking registrants in at the door, by the code (or the scanned QR text). Allowed to association staff and to the
 * occurrence's coordinators: volunteers assigned as COORDINATOR whose directory entry names the signed-in account.
 * Society accounts and other volunteers are refused; the role rule cannot tell, so the module decides.
 */
@Component
class CheckIns {

    private final RegistrationsTable registrations;
    private final AssignmentsTable assignments;
    private final Volunteers volunteers;
    private final OccurrencesTable occurrences;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    CheckIns(RegistrationsTable registrations, AssignmentsTable assignments, Volunteers volunteers, OccurrencesTable occurrences,
             AuditLog audit, TransactionalOperator transaction) {
        this.registrations = registrations;
        this.assignments = assignments;
        this.volunteers = volunteers;
        this.occurrences = occurrences;
        this.audit = audit;
        this.transaction = transaction;
    }

    record CheckedIn(UUID registration, String name, java.time.OffsetDateTime checkedInAt, String checkedInBy) {
    }

    Mono<CheckedIn> checkIn(UUID occurrence, String scanned, Actor actor) {
        String code = RegistrationSecrets.code(scanned);
        if (code.isEmpty()) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", "code"));
        }
        return occurrences.find(occurrence)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", occurrence)))
                .then(checkAllowed(occurrence, actor))
                .then(registrations.byCode(occurrence, code)
                        .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-check-in-unknown", code)))
                        .flatMap(found -> {
                            if (found.status() != Registration.Status.CONFIRMED) {
                                return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-check-in-not-confirmed"));
                            }
                            if (found.checkedInAt() != null) {
                                return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-already-checked-in",
                                        PublicTimes.shown(found.checkedInAt()).toLocalTime().withNano(0), found.checkedInBy()));
                            }
                            return registrations.checkIn(found.id(), actor.username())
                                    .flatMap(done -> audit.record(actor.username(), "event.checked-in", Registrations.subject(occurrence),
                                            Map.of("registration", found.id().toString())).thenReturn(done));
                        })
                        .as(transaction::transactional))
                .map(done -> new CheckedIn(done.id(), done.name(), PublicTimes.shown(done.checkedInAt()), done.checkedInBy()));
    }

    private Mono<Void> checkAllowed(UUID occurrence, Actor actor) {
        if (actor.isStaff()) {
            return Mono.empty();
        }
        return assignments.of(java.util.List.of(occurrence)).collectList()
                .flatMapIterable(all -> all)
                .filter(assignment -> assignment.role() == Assignment.Role.COORDINATOR)
                .concatMap(assignment -> volunteers.find(new VolunteerId(assignment.volunteerId())))
                .filter(volunteer -> volunteer.active() && actor.username().equals(volunteer.account()))
                .hasElements()
                .flatMap(coordinator -> coordinator ? Mono.<Void>empty()
                        : Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "event-check-in-not-allowed")));
    }
}
