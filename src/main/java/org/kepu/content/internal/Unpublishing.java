package org.kepu.content.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.kepu.content.WorkId;
import org.kepu.content.WorkUnpublished;
import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.JobId;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.kepu.platform.ProblemException;
import org.kepu.platform.ScheduleProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Unpublishing a work, now or at a set time. A scheduled unpublish waits in PostgreSQL with a durable job
 * ({@value #JOB}), so restarts lose nothing; the job, a cancel and the sweeper all lock the unpublish's row,
 * so exactly one of them acts on it.
 */
@Component
class Unpublishing {

    static final String JOB = "content.unpublish";
    static final int MAX_REASON = 500;

    private final WorksTable works;
    private final WorkPublication publication;
    private final UnpublishesTable unpublishes;
    private final Jobs jobs;
    private final AuditLog audit;
    private final ScheduleProperties schedule;
    private final TransactionalOperator transaction;

    Unpublishing(WorksTable works, WorkPublication publication, UnpublishesTable unpublishes, Jobs jobs, AuditLog audit,
                 ScheduleProperties schedule, TransactionalOperator transaction) {
        this.works = works;
        this.publication = publication;
        this.unpublishes = unpublishes;
        this.jobs = jobs;
        this.audit = audit;
        this.schedule = schedule;
        this.transaction = transaction;
    }

    /** Unpublishes at once, or schedules it when {@code at} is in the future. */
    Mono<Unpublish> request(UUID work, Actor actor, String reason, OffsetDateTime at) {
        return checkedReason(reason).flatMap(trimmed -> works.find(work)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "work-not-found", work)))
                .flatMap(found -> actor.editsFor(found.organisation()) ? Mono.just(found)
                        : Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "work-other-organisation",
                                actor.organisation() == null ? "—" : actor.organisation(), found.organisation())))
                .flatMap(found -> at != null && at.toInstant().isAfter(Instant.now())
                        ? schedule(work, actor.username(), trimmed, at)
                        : now(work, actor.username(), trimmed).map(Done::unpublish)));
    }

    /** An unpublish done at once: its record and the event it published. */
    record Done(Unpublish unpublish, WorkUnpublished event) {
    }

    /** Empty when the work does not exist. */
    Mono<Done> now(UUID work, String by, String reason) {
        return checkedReason(reason).flatMap(trimmed -> publication.unpublish(new WorkId(work), by, trimmed)
                        .flatMap(event -> unpublishes.insert(work, null, trimmed, Unpublish.Status.DONE, event.revision(), by)
                                .map(done -> new Done(done, event))))
                .as(transaction::transactional);
    }

    private Mono<Unpublish> schedule(UUID work, String by, String reason, OffsetDateTime at) {
        return publication.lock(work)
                .flatMap(locked -> locked.state() != WorkPublication.State.PUBLISHED
                        ? Mono.error(WorkPublication.notPublished(locked.state()))
                        : unpublishes.lockScheduledOf(work)
                                .flatMap(waiting -> Mono.<Unpublish>error(alreadyScheduled(waiting)))
                                .switchIfEmpty(Mono.defer(() -> unpublishes.insert(work, at, reason, Unpublish.Status.SCHEDULED,
                                        locked.publishedRevision(), by))))
                .flatMap(scheduled -> jobs.enqueue(new JobRequest(JOB, "{\"unpublish\":\"" + scheduled.id() + "\"}", 5, 0,
                                at.toInstant()))
                        .flatMap(job -> unpublishes.attachJob(scheduled.id(), job.value())
                                .then(audit.record(by, "work.unpublish-scheduled", "work:" + work, Map.of("unpublish",
                                        scheduled.id().toString(), "at", at.toString(), "reason", reason, "job", job.value())))
                                .then(unpublishes.lock(scheduled.id()))))
                .as(transaction::transactional)
                .onErrorMap(DuplicateKeyException.class, duplicate -> new ProblemException(HttpStatus.CONFLICT,
                        "work-unpublish-already-scheduled", "—"));
    }

    /** Cancels the unpublish waiting for the work; 404 when none waits. */
    Mono<Unpublish> cancel(UUID work, String by) {
        return unpublishes.lockScheduledOf(work)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "work-unpublish-not-scheduled", work)))
                .flatMap(waiting -> unpublishes.close(waiting.id(), Unpublish.Status.CANCELLED, null, by)
                        .then(audit.record(by, "work.unpublish-cancelled", "work:" + work,
                                Map.of("unpublish", waiting.id().toString(), "at", waiting.runAt().toString())))
                        .then(unpublishes.lock(waiting.id())))
                .as(transaction::transactional);
    }

    /** Run by the durable job: does nothing unless the unpublish still waits (it may have been cancelled). */
    Mono<Void> runScheduled(UUID id) {
        return unpublishes.lock(id)
                .filter(found -> found.status() == Unpublish.Status.SCHEDULED)
                .flatMap(due -> perform(due, "scheduler"))
                .then()
                .as(transaction::transactional);
    }

    /**
     * The sweeper's part: an unpublish overdue by more than {@code grace} whose job is gone or failed for good
     * is done now and recorded as done by the sweeper. True when it acted.
     */
    Mono<Boolean> sweep(UUID id, Duration grace) {
        return unpublishes.lockOverdue(id, grace)
                .filterWhen(overdue -> overdue.job() == null ? Mono.just(true) : jobs.pending(new JobId(overdue.job())).map(pending -> !pending))
                .flatMap(lost -> perform(lost, "sweeper")
                        .flatMap(status -> audit.record("sweeper", "work.unpublished-by-sweeper", "work:" + lost.work(),
                                Map.of("unpublish", lost.id().toString(), "at", lost.runAt().toString(), "outcome", status.name(),
                                        "job", String.valueOf(lost.job()))))
                        .thenReturn(true))
                .defaultIfEmpty(false)
                .as(transaction::transactional);
    }

    /** Unpublishes now; a work that is no longer public makes the unpublish SKIPPED (nothing to do). */
    private Mono<Unpublish.Status> perform(Unpublish due, String by) {
        return publication.unpublish(new WorkId(due.work()), by, due.reason())
                .flatMap(done -> unpublishes.close(due.id(), Unpublish.Status.DONE, done.revision(), by)
                        .thenReturn(Unpublish.Status.DONE))
                .onErrorResume(error -> error instanceof ProblemException problem && problem.code().equals("work-not-published"),
                        notPublic -> unpublishes.close(due.id(), Unpublish.Status.SKIPPED, null, by)
                        .then(audit.record(by, "work.unpublish-skipped", "work:" + due.work(),
                                Map.of("unpublish", due.id().toString(), "problem", notPublic.getMessage())))
                        .thenReturn(Unpublish.Status.SKIPPED));
    }

    private static Mono<String> checkedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-unpublish-reason-required"));
        }
        String trimmed = reason.strip();
        if (trimmed.length() > MAX_REASON) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-unpublish-reason-too-long", MAX_REASON));
        }
        return Mono.just(trimmed);
    }

    private ProblemException alreadyScheduled(Unpublish waiting) {
        return new ProblemException(HttpStatus.CONFLICT, "work-unpublish-already-scheduled", schedule.shown(waiting.runAt()));
    }
}
