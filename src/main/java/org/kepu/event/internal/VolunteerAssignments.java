package org.kepu.event.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.org.VolunteerId;
import org.kepu.org.Volunteers;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which volunteers of the directory serve at an occurrence (association staff only: the directory's phone numbers
 * are theirs to see). The list is replaced as a whole; volunteers are never shown on public surfaces.
 */
@Component
class VolunteerAssignments {

    static final int MAX_VOLUNTEERS = 100;

    record Wanted(UUID volunteer, Assignment.Role role) {
    }

    private final OccurrencesTable occurrences;
    private final SeriesTable series;
    private final AssignmentsTable assignments;
    private final Volunteers volunteers;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    VolunteerAssignments(OccurrencesTable occurrences, SeriesTable series, AssignmentsTable assignments, Volunteers volunteers,
                         AuditLog audit, TransactionalOperator transaction) {
        this.occurrences = occurrences;
        this.series = series;
        this.assignments = assignments;
        this.volunteers = volunteers;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<Void> replace(UUID occurrenceId, List<Wanted> wanted, Actor staff) {
        return Mono.fromCallable(() -> checked(wanted))
                .flatMap(list -> Flux.fromIterable(list).concatMap(this::active).then()
                        .then(occurrences.lock(occurrenceId))
                        .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", occurrenceId)))
                        .flatMap(occurrence -> series.find(occurrence.seriesId()))
                        .flatMap(owner -> owner.status() == SeriesStatus.REJECTED ? Mono.error(Transitions.refused(owner.status(), "assign"))
                                : assignments.clear(occurrenceId)
                                        .thenMany(Flux.fromIterable(list).concatMap(one -> assignments.insert(occurrenceId, one.volunteer(),
                                                one.role(), staff.username())))
                                        .then(audit.record(staff.username(), "event.volunteers-assigned", Registrations.subject(occurrenceId),
                                                Map.of("volunteers", list.stream().map(one -> one.volunteer() + ":" + one.role()).toList()))))
                        .as(transaction::transactional));
    }

    private static List<Wanted> checked(List<Wanted> wanted) {
        List<Wanted> list = wanted == null ? List.of() : wanted;
        if (list.size() > MAX_VOLUNTEERS) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-volunteers-too-many", MAX_VOLUNTEERS);
        }
        Set<UUID> seen = new HashSet<>();
        for (Wanted one : list) {
            if (one == null || one.volunteer() == null || one.role() == null) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", "volunteer, role");
            }
            if (!seen.add(one.volunteer())) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-volunteer-twice", one.volunteer());
            }
        }
        return list;
    }

    private Mono<Void> active(Wanted one) {
        return volunteers.find(new VolunteerId(one.volunteer()))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-volunteer-unknown", one.volunteer())))
                .flatMap(found -> found.active() ? Mono.empty()
                        : Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-volunteer-inactive", found.name())));
    }
}
