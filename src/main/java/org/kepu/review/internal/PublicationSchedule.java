package org.kepu.review.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.JobId;
import org.kepu.platform.Jobs;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Editors' control over approved publications: move a scheduled one (a time in the past publishes at
 * once), hold it (the case stays approved, without a time, until a time is set again), and the sweeper
 * that publishes scheduled cases whose job was lost. Each step locks the case row, so the job, an editor
 * and the sweepers of several instances never act on the same case twice.
 */
@Component
class PublicationSchedule {

    static final String SWEEPER = "sweeper";

    private final ReviewCasesTable cases;
    private final ReviewChain chain;
    private final Jobs jobs;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    PublicationSchedule(ReviewCasesTable cases, ReviewChain chain, Jobs jobs, AuditLog audit, TransactionalOperator transaction) {
        this.cases = cases;
        this.chain = chain;
        this.jobs = jobs;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** A SCHEDULED or held (APPROVED) case gets a new time; a time not in the future publishes it now. */
    Mono<ReviewCase> move(UUID caseId, OffsetDateTime publishAt, Actor editor) {
        if (publishAt == null) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "review-publish-at-required"));
        }
        return locked(caseId, EnumSet.of(ReviewCase.Status.SCHEDULED, ReviewCase.Status.APPROVED))
                .flatMap(found -> publishAt.toInstant().isAfter(Instant.now())
                        ? chain.schedule(found, publishAt).flatMap(job -> audit.record(editor.username(), "review.schedule-moved",
                                "work:" + found.work(), Map.of("case", caseId.toString(), "from", String.valueOf(found.publishAt()),
                                        "to", publishAt.toString(), "job", job.value())))
                        : chain.publish(found, editor.username()).then(audit.record(editor.username(), "review.published-now",
                                "work:" + found.work(), Map.of("case", caseId.toString(), "scheduledFor", String.valueOf(found.publishAt())))))
                .as(transaction::transactional)
                .then(Mono.defer(() -> cases.find(caseId)));
    }

    /** Holds a scheduled publication: the case stays approved, without a time; its job will find nothing to do. */
    Mono<ReviewCase> hold(UUID caseId, Actor editor) {
        return locked(caseId, EnumSet.of(ReviewCase.Status.SCHEDULED))
                .flatMap(found -> cases.hold(caseId).then(audit.record(editor.username(), "review.schedule-cancelled",
                        "work:" + found.work(), Map.of("case", caseId.toString(), "publishAt", String.valueOf(found.publishAt())))))
                .as(transaction::transactional)
                .then(Mono.defer(() -> cases.find(caseId)));
    }

    /**
     * The sweeper's part: a case scheduled more than {@code grace} ago whose job is gone or failed for good is
     * published now, recorded as published by the sweeper. True when it acted.
     */
    Mono<Boolean> sweep(UUID caseId, Duration grace) {
        return cases.lockOverdue(caseId, grace)
                .filterWhen(overdue -> overdue.publishJob() == null ? Mono.just(true)
                        : jobs.pending(new JobId(overdue.publishJob())).map(pending -> !pending))
                .flatMap(lost -> chain.publish(lost, SWEEPER)
                        .then(audit.record(SWEEPER, "review.published-by-sweeper", "work:" + lost.work(),
                                Map.of("case", caseId.toString(), "publishAt", lost.publishAt().toString(),
                                        "job", String.valueOf(lost.publishJob()))))
                        .thenReturn(true))
                .defaultIfEmpty(false)
                .as(transaction::transactional);
    }

    private Mono<ReviewCase> locked(UUID caseId, EnumSet<ReviewCase.Status> allowed) {
        return cases.lock(caseId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "review-case-not-found", caseId)))
                .flatMap(found -> allowed.contains(found.status()) ? Mono.just(found)
                        : Mono.error(new ProblemException(HttpStatus.CONFLICT, "review-not-scheduled", found.status().name())));
    }
}
