package org.kepu.org.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.org.Volunteer;
import org.kepu.org.VolunteerId;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Changes to the volunteer directory: each one checked, written with its audit entry in one transaction. */
@Component
class VolunteerEditor {

    private final VolunteersTable volunteers;
    private final VolunteerChecks checks;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    VolunteerEditor(VolunteersTable volunteers, VolunteerChecks checks, AuditLog audit, TransactionalOperator transaction) {
        this.volunteers = volunteers;
        this.checks = checks;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<Volunteer> create(VolunteerForm form, String by) {
        return checks.check(form)
                .flatMap(details -> volunteers.insert(details, by)
                        .flatMap(id -> audit.record(by, "volunteer.created", subject(id), Map.of(
                                "organisation", String.valueOf(details.organisationSlug()), "districts", details.districts()))
                                .thenReturn(id))
                        .as(transaction::transactional)
                        .onErrorMap(DuplicateKeyException.class, taken -> accountTaken(details.account())))
                .flatMap(id -> volunteers.find(new VolunteerId(id)));
    }

    /**
     * @param edited the version the change was made on; when someone changed the volunteer since, nothing is written
     *               and the answer is 409 naming both versions. A change that changes nothing writes nothing.
     */
    Mono<Volunteer> update(UUID id, VolunteerForm form, int edited, String by) {
        return checks.check(form)
                .flatMap(details -> existing(volunteers.lock(id), id)
                        .flatMap(current -> {
                            if (current.version() != edited) {
                                return Mono.error(new ProblemException(HttpStatus.CONFLICT, "volunteer-stale", edited, current.version()));
                            }
                            List<String> changed = details.changedFrom(current);
                            if (changed.isEmpty()) {
                                return Mono.empty();
                            }
                            boolean active = details.active() == null ? current.active() : details.active();
                            return volunteers.update(id, details, active, by)
                                    .then(audit.record(by, "volunteer.updated", subject(id),
                                            Map.of("version", current.version() + 1, "changed", changed)));
                        })
                        .as(transaction::transactional)
                        .onErrorMap(DuplicateKeyException.class, taken -> accountTaken(details.account())))
                .then(Mono.defer(() -> volunteers.find(new VolunteerId(id))));
    }

    /** An inactive volunteer stays in the directory but is no longer offered for assignments. */
    Mono<Volunteer> deactivate(UUID id, String by) {
        return existing(volunteers.lock(id), id)
                .flatMap(current -> current.active()
                        ? volunteers.deactivate(id, by).then(audit.record(by, "volunteer.deactivated", subject(id),
                                Map.of("version", current.version() + 1)))
                        : Mono.error(new ProblemException(HttpStatus.CONFLICT, "volunteer-already-inactive", current.name())))
                .as(transaction::transactional)
                .then(Mono.defer(() -> volunteers.find(new VolunteerId(id))));
    }

    static Mono<Volunteer> existing(Mono<Volunteer> volunteer, UUID id) {
        return volunteer.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "volunteer-not-found", id)));
    }

    private static ProblemException accountTaken(String account) {
        return new ProblemException(HttpStatus.CONFLICT, "volunteer-account-taken", account);
    }

    private static String subject(UUID id) {
        return "volunteer:" + id;
    }
}
