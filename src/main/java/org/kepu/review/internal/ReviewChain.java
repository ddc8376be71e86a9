package org.kepu.review.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.kepu.content.WorkFacts;
import org.kepu.content.WorkId;
import org.kepu.content.Works;
import org.kepu.identity.Actor;
import org.kepu.notification.Notice;
import org.kepu.notification.Notifications;
import org.kepu.org.Expert;
import org.kepu.org.Experts;
import org.kepu.platform.AuditLog;
import org.kepu.platform.JobId;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.kepu.platform.ProblemException;
import org.kepu.review.ScreenHit;
import org.kepu.review.ScreenLevel;
import org.kepu.review.ScreenResult;
import org.kepu.review.ScreenedField;
import org.kepu.review.SensitiveWordScreen;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Submission and decisions. A case reviews exactly the revision that was submitted: later saves of the
 * draft do not slip into it, and the published revision stays online until an approved one replaces it.
 * Every step locks the case row, so two reviewers deciding at once cannot both move it.
 */
@Component
class ReviewChain {

    static final String PUBLISH_JOB = "review.publish";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final ReviewCasesTable cases;
    private final Works works;
    private final Jobs jobs;
    private final ReviewProperties properties;
    private final AuditLog audit;
    private final SensitiveWordScreen screen;
    private final Experts experts;
    private final Notifications notifications;
    private final TransactionalOperator transaction;

    ReviewChain(ReviewCasesTable cases, Works works, Jobs jobs, ReviewProperties properties, AuditLog audit,
                SensitiveWordScreen screen, Experts experts, Notifications notifications, TransactionalOperator transaction) {
        this.cases = cases;
        this.works = works;
        this.jobs = jobs;
        this.properties = properties;
        this.audit = audit;
        this.screen = screen;
        this.experts = experts;
        this.notifications = notifications;
        this.transaction = transaction;
    }

    /**
     * Screens the draft, then opens a case at the first stage. A BLOCK word closes the case at once
     * (kept, with its hits, for the society to see) and answers 422 naming the words.
     */
    Mono<ReviewCase> submit(UUID workId, Actor actor, OffsetDateTime publishAt) {
        return works.find(new WorkId(workId))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "work-not-found", workId)))
                .flatMap(work -> checkSubmittable(work, actor)
                        .then(screened(work))
                        .flatMap(screen -> (screen.blocked() ? Mono.<Void>empty() : supersedeHeld(workId, actor))
                                .then(cases.insert(workId, work.draftRevision(), properties.stagesOf(work.kind()), publishAt,
                                        actor.username(), screen))
                                .flatMap(submitted -> audit.record(actor.username(),
                                                screen.blocked() ? "review.screen-blocked" : "review.submitted", "work:" + workId,
                                                Map.of("case", submitted.id().toString(), "revision", submitted.revision(),
                                                        "stages", submitted.stages().toString(), "publishAt", String.valueOf(publishAt),
                                                        "screenHits", screen.hits().size()))
                                        .thenReturn(submitted))
                                .flatMap(submitted -> screen.blocked() ? Mono.just(submitted)
                                        : assignExpert(submitted, submitted.currentStage()).map(Optional::of)
                                                .defaultIfEmpty(Optional.empty())
                                                .flatMap(expert -> awaiting(submitted, submitted.currentStage(), expert.orElse(null), work.title()))
                                                .thenReturn(submitted))
                                .as(transaction::transactional)
                                .flatMap(submitted -> screen.blocked() ? Mono.error(blocked(screen, submitted)) : Mono.just(submitted))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> new ProblemException(HttpStatus.CONFLICT, "review-already-open", "IN_REVIEW"));
    }

    /**
     * When a case reaches 二审, assigns the expert who shares the most topics with the work (the least
     * busy of equals, never the submitter). Without a matching expert any scientific reviewer may sign.
     */
    private Mono<String> assignExpert(ReviewCase reached, ReviewStage stage) {
        if (stage != ReviewStage.SCIENTIFIC) {
            return Mono.empty();
        }
        return works.find(new WorkId(reached.work()))
                .flatMap(work -> experts.forTopics(work.topics())
                        .filter(expert -> !expert.account().equals(reached.submittedBy()))
                        .collectList()
                        .map(candidates -> bestMatches(candidates, work.topics())))
                .filter(best -> !best.isEmpty())
                .flatMap(best -> cases.openAssignments(best)
                        .map(open -> Collections.min(best, Comparator.comparing(account -> open.getOrDefault(account, 0L)))))
                .flatMap(expert -> cases.assign(reached.id(), expert)
                        .then(audit.record("system", "review.assigned", "work:" + reached.work(),
                                Map.of("case", reached.id().toString(), "stage", stage.name(), "expert", expert)))
                        .thenReturn(expert));
    }

    /** Tells the reviewers of {@code stage} (only the assigned expert, when there is one) that a case waits for them. */
    private Mono<Void> awaiting(ReviewCase reviewCase, ReviewStage stage, String expert, String title) {
        String subject = "work:" + reviewCase.work();
        String link = "/console/review/cases/" + reviewCase.id();
        String stageName = "@review.stage." + stage.name();
        return notifications.send(expert == null
                ? Notice.toRole(stage.role(), "review-awaiting", subject, link, title, stageName)
                : Notice.to(expert, "review-awaiting", subject, link, title, stageName));
    }

    private Mono<Void> tellSubmitter(ReviewCase reviewCase, String kind, String... details) {
        return works.find(new WorkId(reviewCase.work())).flatMap(work -> {
            String[] arguments = new String[details.length + 1];
            arguments[0] = work.title();
            System.arraycopy(details, 0, arguments, 1, details.length);
            return notifications.send(Notice.to(reviewCase.submittedBy(), kind, "work:" + reviewCase.work(),
                    "/console/works/" + reviewCase.work(), arguments));
        });
    }

    /** The accounts of the experts who share the most topics with the work. */
    private static List<String> bestMatches(List<Expert> candidates, List<String> topics) {
        ToIntFunction<Expert> shared = expert -> (int) expert.topics().stream().filter(topics::contains).count();
        int most = candidates.stream().mapToInt(shared).max().orElse(0);
        return candidates.stream().filter(expert -> shared.applyAsInt(expert) == most).map(Expert::account).toList();
    }

    private Mono<ScreenResult> screened(WorkFacts work) {
        return works.text(work.id(), work.draftRevision())
                .flatMap(text -> screen.screen(List.of(ScreenedField.plain("title", text.title()),
                        ScreenedField.plain("summary", text.summary()), ScreenedField.html("body", text.bodyHtml()))));
    }

    private static ProblemException blocked(ScreenResult screen, ReviewCase stopped) {
        String words = String.join("、", screen.hits(ScreenLevel.BLOCK).stream().map(ScreenHit::word).distinct().toList());
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "review-screen-blocked", words, stopped.id());
    }

    private Mono<Void> checkSubmittable(WorkFacts work, Actor actor) {
        if (!actor.editsFor(work.organisation())) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "work-other-organisation",
                    actor.organisation() == null ? "—" : actor.organisation(), work.organisation()));
        }
        if (work.publishedRevision() != null && work.publishedRevision() == work.draftRevision()) {
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "review-nothing-new", work.draftRevision()));
        }
        return cases.open(work.id().value())
                .filter(open -> open.status() != ReviewCase.Status.APPROVED)
                .flatMap(open -> Mono.error(new ProblemException(HttpStatus.CONFLICT, "review-already-open", open.status().name())));
    }

    /** A new submission replaces an approval whose publication an editor held (status APPROVED). */
    private Mono<Void> supersedeHeld(UUID work, Actor actor) {
        return cases.supersedeHeld(work)
                .flatMap(held -> audit.record(actor.username(), "review.superseded", "work:" + work, Map.of("case", held.toString())));
    }

    Mono<ReviewCase> decide(UUID caseId, Actor reviewer, Decision.Verdict verdict, String reason, List<Decision.Comment> comments) {
        String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
        if (verdict != Decision.Verdict.APPROVE && trimmed == null) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "review-reason-required"));
        }
        return cases.lock(caseId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "review-case-not-found", caseId)))
                .flatMap(open -> checkDecidable(open, reviewer)
                        .then(Mono.defer(() -> cases.insertDecision(caseId, new Decision(open.currentStage(), verdict, trimmed,
                                comments == null ? List.of() : comments, reviewer.username(), null))))
                        .then(Mono.defer(() -> audit.record(reviewer.username(), "review.decided", "work:" + open.work(),
                                Map.of("case", caseId.toString(), "stage", open.currentStage().name(), "verdict", verdict.name(),
                                        "reason", trimmed == null ? "" : trimmed))))
                        .then(Mono.defer(() -> move(open, verdict, trimmed, reviewer))))
                .as(transaction::transactional)
                .then(Mono.defer(() -> cases.find(caseId)));
    }

    private static Mono<Void> checkDecidable(ReviewCase open, Actor reviewer) {
        if (open.status() != ReviewCase.Status.IN_REVIEW) {
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "review-case-closed", open.status().name()));
        }
        ReviewStage stage = open.currentStage();
        if (!reviewer.has(stage.role())) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "review-wrong-stage", stage.name(), stage.role().name()));
        }
        if (open.assignedTo() != null && !open.assignedTo().equals(reviewer.username())) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "review-assigned-to-other", open.assignedTo()));
        }
        if (reviewer.username().equals(open.submittedBy())) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "review-own-submission"));
        }
        return Mono.empty();
    }

    private Mono<Void> move(ReviewCase open, Decision.Verdict verdict, String reason, Actor reviewer) {
        String stageName = "@review.stage." + open.currentStage().name();
        return switch (verdict) {
            case REJECT -> cases.close(open.id(), ReviewCase.Status.REJECTED)
                    .then(tellSubmitter(open, "review-rejected", stageName, reason));
            case REQUEST_CHANGES -> cases.close(open.id(), ReviewCase.Status.CHANGES_REQUESTED)
                    .then(tellSubmitter(open, "review-changes-requested", stageName, reason));
            case APPROVE -> open.lastStage() ? approved(open, reviewer) : advance(open);
        };
    }

    private Mono<Void> advance(ReviewCase open) {
        ReviewStage next = open.stages().get(open.stageIndex() + 1);
        return cases.advance(open.id())
                .then(assignExpert(open, next).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(expert -> works.find(new WorkId(open.work()))
                        .flatMap(work -> awaiting(open, next, expert.orElse(null), work.title())));
    }

    /** After the last stage: public now, or at the scheduled time by a durable job that survives restarts. */
    private Mono<Void> approved(ReviewCase open, Actor reviewer) {
        if (open.publishAt() == null || !open.publishAt().toInstant().isAfter(Instant.now())) {
            return publish(open, reviewer.username());
        }
        return schedule(open, open.publishAt())
                .flatMap(job -> audit.record(reviewer.username(), "review.scheduled", "work:" + open.work(),
                        Map.of("case", open.id().toString(), "publishAt", open.publishAt().toString(), "job", job.value())))
                .then(tellSubmitter(open, "review-scheduled", LOCAL_TIME.format(open.publishAt())));
    }

    /** Queues the durable job that publishes the case at {@code publishAt} and makes the case SCHEDULED with it. */
    Mono<JobId> schedule(ReviewCase approved, OffsetDateTime publishAt) {
        return jobs.enqueue(new JobRequest(PUBLISH_JOB, "{\"case\":\"" + approved.id() + "\"}", 5, 0, publishAt.toInstant()))
                .flatMap(job -> cases.schedule(approved.id(), publishAt, job.value()).thenReturn(job));
    }

    /**
     * Publishes a scheduled case when {@code job} is still its job; does nothing for any other state, or when
     * an editor moved the schedule since (a newer job publishes it then).
     */
    Mono<Void> publishScheduled(UUID caseId, JobId job) {
        return cases.lock(caseId)
                .filter(found -> found.status() == ReviewCase.Status.SCHEDULED)
                .filter(found -> found.publishJob() == null || found.publishJob() == job.value())
                .flatMap(due -> publish(due, "scheduler"))
                .as(transaction::transactional);
    }

    Mono<Void> publish(ReviewCase approved, String by) {
        return works.publish(new WorkId(approved.work()), approved.revision(), by)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Work " + approved.work() + " has no revision " + approved.revision())))
                .then(cases.close(approved.id(), ReviewCase.Status.PUBLISHED))
                .then(tellSubmitter(approved, "review-published"));
    }
}
