package org.kepu.event.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.notification.Notice;
import org.kepu.notification.Notifications;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.kepu.review.ScreenHit;
import org.kepu.review.ScreenLevel;
import org.kepu.review.ScreenedField;
import org.kepu.review.SensitiveWordScreen;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The review of a series: submit (sensitive-word screen: BLOCK stops, FLAG warns, hits kept), 一审, 终审. Each step
 * locks the series' row, so two reviewers deciding at once cannot both move it; a step the status does not allow is
 * 409 naming the status.
 */
@Component
class SeriesReview {

    private final SeriesTable series;
    private final OccurrencesTable occurrences;
    private final ReviewRecords records;
    private final SensitiveWordScreen screen;
    private final SeriesPublication publication;
    private final Notifications notifications;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    SeriesReview(SeriesTable series, OccurrencesTable occurrences, ReviewRecords records, SensitiveWordScreen screen,
                 SeriesPublication publication, Notifications notifications, AuditLog audit, TransactionalOperator transaction) {
        this.series = series;
        this.occurrences = occurrences;
        this.records = records;
        this.screen = screen;
        this.publication = publication;
        this.notifications = notifications;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Screens the series and its occurrences and sends it to 一审; a BLOCK word keeps it a draft and answers 422. */
    Mono<Submission> submit(UUID id, Actor actor) {
        return SeriesEditor.existing(series.lock(id), id)
                .flatMap(current -> {
                    EventPermissions.checkAuthor(actor, current.organiser());
                    if (current.status() != SeriesStatus.DRAFT) {
                        return Mono.error(Transitions.refused(current.status(), "submit"));
                    }
                    return occurrences.ofSeries(id).collectList().flatMap(all -> all.isEmpty()
                            ? Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-no-occurrences"))
                            : screen.screen(fields(current, all)))
                            .flatMap(result -> records.insertSubmission(id, actor.username(), result)
                                    .flatMap(submission -> result.blocked() ? blocked(current, submission, actor)
                                            : submitted(current, submission, actor)));
                })
                .as(transaction::transactional)
                .flatMap(submission -> submission.blocked() ? Mono.error(blockedProblem(submission)) : Mono.just(submission));
    }

    private Mono<Submission> blocked(Series current, Submission submission, Actor actor) {
        return audit.record(actor.username(), "event.screen-blocked", SeriesEditor.subject(current.id()),
                Map.of("submission", submission.id().toString(), "words", words(submission, ScreenLevel.BLOCK))).thenReturn(submission);
    }

    private Mono<Submission> submitted(Series current, Submission submission, Actor actor) {
        return series.move(current.id(), SeriesStatus.REVIEW, ReviewStage.POLITICAL, actor.username())
                .then(audit.record(actor.username(), "event.submitted", SeriesEditor.subject(current.id()),
                        Map.of("submission", submission.id().toString(), "flagged", words(submission, ScreenLevel.FLAG))))
                .then(awaiting(current, ReviewStage.POLITICAL))
                .thenReturn(submission);
    }

    /**
     * Records a named decision at the series' current stage. Changes requested send the series back to DRAFT,
     * a rejection ends it (REJECTED), approval at 终审 publishes it.
     */
    Mono<Series> decide(UUID id, Actor reviewer, Verdict verdict, String reason) {
        String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
        if (verdict == null) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", "verdict"));
        }
        if (verdict != Verdict.APPROVE && trimmed == null) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-reason-required"));
        }
        return SeriesEditor.existing(series.lock(id), id)
                .flatMap(current -> current.status() != SeriesStatus.REVIEW ? Mono.error(Transitions.refused(current.status(), "decide"))
                        : records.latestSubmission(id).zipWith(records.decisions(id).collectList())
                                .flatMap(found -> checkSigner(current, reviewer, found.getT1(), found.getT2())
                                        .then(records.insertDecision(id, found.getT1().id(), current.stage(), verdict, trimmed, reviewer.username()))
                                        .then(audit.record(reviewer.username(), "event.decided", SeriesEditor.subject(id), Map.of(
                                                "stage", current.stage().name(), "verdict", verdict.name(), "reason", trimmed == null ? "" : trimmed)))
                                        .then(move(current, found.getT1(), verdict, trimmed, reviewer))))
                .as(transaction::transactional)
                .then(Mono.defer(() -> series.find(id)));
    }

    private static Mono<Void> checkSigner(Series current, Actor reviewer, Submission submission, List<Decision> decisions) {
        ReviewStage stage = current.stage();
        if (!stage.signedBy(reviewer)) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "event-review-wrong-stage",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"review.stage." + stage.name()}, stage.name()),
                    String.join(" / ", stage.signers().stream().map(Enum::name).sorted().toList())));
        }
        if (reviewer.username().equals(submission.submittedBy())) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "event-review-own-submission"));
        }
        boolean signedBefore = decisions.stream().anyMatch(decision -> decision.submissionId().equals(submission.id())
                && decision.decidedBy().equals(reviewer.username()));
        if (signedBefore) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "event-review-same-signer"));
        }
        return Mono.empty();
    }

    private Mono<Void> move(Series current, Submission submission, Verdict verdict, String reason, Actor reviewer) {
        String stageName = "@review.stage." + current.stage().name();
        return switch (verdict) {
            case REJECT -> series.move(current.id(), SeriesStatus.REJECTED, null, reviewer.username())
                    .then(tell(submission, current, "event-rejected", current.title(), stageName, reason));
            case REQUEST_CHANGES -> series.move(current.id(), SeriesStatus.DRAFT, null, reviewer.username())
                    .then(tell(submission, current, "event-changes-requested", current.title(), stageName, reason));
            case APPROVE -> current.stage().next() != null
                    ? series.move(current.id(), SeriesStatus.REVIEW, current.stage().next(), reviewer.username())
                            .then(awaiting(current, current.stage().next()))
                    : publication.publish(current, reviewer.username(), "review")
                            .then(tell(submission, current, "event-published", current.title()));
        };
    }

    private Mono<Void> awaiting(Series current, ReviewStage stage) {
        String link = "/console/events/series/" + current.id();
        return Mono.when(stage.signers().stream().map(role -> notifications.send(Notice.toRole(role, "event-awaiting",
                SeriesEditor.subject(current.id()), link, current.title(), "@review.stage." + stage.name()))).toList());
    }

    private Mono<Void> tell(Submission submission, Series current, String kind, String... arguments) {
        return notifications.send(Notice.to(submission.submittedBy(), kind, SeriesEditor.subject(current.id()),
                "/console/events/series/" + current.id(), arguments));
    }

    /** What a reviewer must see: the series' text and each occurrence's title, description and venue. */
    private static List<ScreenedField> fields(Series current, List<Occurrence> all) {
        List<ScreenedField> fields = new ArrayList<>(List.of(ScreenedField.plain("title", current.title()),
                ScreenedField.plain("summary", current.summary()), ScreenedField.plain("description", current.description())));
        for (int i = 0; i < all.size(); i++) {
            Occurrence occurrence = all.get(i);
            String prefix = "occurrences[" + i + "].";
            fields.add(ScreenedField.plain(prefix + "title", occurrence.title()));
            fields.add(ScreenedField.plain(prefix + "description", occurrence.description()));
            fields.add(ScreenedField.plain(prefix + "venue", occurrence.venue().name() + " " + occurrence.venue().address()));
        }
        return fields;
    }

    private static String words(Submission submission, ScreenLevel level) {
        return String.join("、", submission.screen().stream().filter(hit -> hit.level() == level).map(ScreenHit::word).distinct().toList());
    }

    private static ProblemException blockedProblem(Submission submission) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-screen-blocked", words(submission, ScreenLevel.BLOCK),
                submission.id());
    }
}
