package org.kepu.rumor.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.notification.Notice;
import org.kepu.notification.Notifications;
import org.kepu.org.Expert;
import org.kepu.org.Experts;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.kepu.review.ScreenLevel;
import org.kepu.review.ScreenResult;
import org.kepu.review.ScreenedField;
import org.kepu.review.SensitiveWordScreen;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review of a rumor item: the sensitive-word screen (BLOCK stops, FLAG is kept for the reviewers), then the
 * configured stages. 二审 is signed only by a scientific reviewer who is in the expert pool and knows one of the
 * item's topics; the expert's name and title are kept with the decision and shown on the public page. Approval
 * at the last stage publishes the working copy as the new public snapshot. Each step locks the item's row.
 */
@Component
class RumorReview {

    private final RumorItemsTable items;
    private final RumorDecisionsTable decisions;
    private final SensitiveWordScreen screen;
    private final Experts experts;
    private final RumorPublication publication;
    private final Notifications notifications;
    private final AuditLog audit;
    private final RumorProperties properties;
    private final JsonMapper json;
    private final TransactionalOperator transaction;

    RumorReview(RumorItemsTable items, RumorDecisionsTable decisions, SensitiveWordScreen screen, Experts experts,
                RumorPublication publication, Notifications notifications, AuditLog audit, RumorProperties properties, JsonMapper json,
                TransactionalOperator transaction) {
        this.items = items;
        this.decisions = decisions;
        this.screen = screen;
        this.experts = experts;
        this.publication = publication;
        this.notifications = notifications;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.transaction = transaction;
    }

    /** Screens the working copy and sends it to the first stage; a BLOCK word keeps it a draft and answers 422. */
    Mono<ScreenResult> submit(UUID id, Actor actor) {
        return RumorEditor.existing(items.lock(id), id)
                .flatMap(current -> {
                    if (current.status() == RumorStatus.REVIEW || current.status() == RumorStatus.PUBLISHED) {
                        return Mono.error(new ProblemException(HttpStatus.CONFLICT, "rumor-not-submittable", current.status().name()));
                    }
                    return screen.screen(List.of(ScreenedField.plain("claim", current.claim()), ScreenedField.plain("truth", current.truth()),
                                    ScreenedField.plain("explanation", current.explanation())))
                            .flatMap(result -> result.blocked()
                                    ? audit.record(actor.username(), "rumor.screen-blocked", RumorEditor.subject(id),
                                            Map.of("words", words(result, ScreenLevel.BLOCK))).thenReturn(result)
                                    : submitted(current, result, actor).thenReturn(result));
                })
                .as(transaction::transactional)
                .flatMap(result -> result.blocked()
                        ? Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rumor-screen-blocked", words(result, ScreenLevel.BLOCK)))
                        : Mono.just(result));
    }

    private Mono<Void> submitted(RumorItem current, ScreenResult result, Actor actor) {
        RumorStage first = properties.stages().get(0);
        return items.submit(current.id(), first, json.writeValueAsString(result.hits()), actor.username())
                .then(audit.record(actor.username(), "rumor.submitted", RumorEditor.subject(current.id()),
                        Map.of("round", current.round() + 1, "flagged", words(result, ScreenLevel.FLAG))))
                .then(awaiting(current, first));
    }

    /** A named decision at the item's current stage; a reason is required unless approving. */
    Mono<RumorItem> decide(UUID id, Actor reviewer, RumorReviewVerdict verdict, String reason) {
        String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
        if (verdict == null) {
            return Mono.error(RumorChecks.required("verdict"));
        }
        if (verdict != RumorReviewVerdict.APPROVE && trimmed == null) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rumor-reason-required"));
        }
        return RumorEditor.existing(items.lock(id), id)
                .flatMap(current -> current.status() != RumorStatus.REVIEW
                        ? Mono.error(new ProblemException(HttpStatus.CONFLICT, "rumor-not-in-review", current.status().name()))
                        : signer(current, reviewer).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                .flatMap(expert -> record(current, reviewer, verdict, trimmed, expert.orElse(null)))
                                .then(advance(current, verdict, trimmed, reviewer)))
                .as(transaction::transactional)
                .then(Mono.defer(() -> items.find(id)));
    }

    /** The expert signing 二审 (empty for the other stages), or 403 when the reviewer may not sign this stage. */
    private Mono<Expert> signer(RumorItem current, Actor reviewer) {
        RumorStage stage = current.stage();
        if (!reviewer.has(stage.signer())) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "rumor-review-wrong-stage", stage.name()));
        }
        if (reviewer.username().equals(current.submittedBy())) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "rumor-review-own-submission"));
        }
        if (stage != RumorStage.SCIENTIFIC) {
            return Mono.empty();
        }
        return experts.byAccount(reviewer.username())
                .filter(expert -> current.topics().isEmpty() || expert.topics().stream().anyMatch(current.topics()::contains))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.FORBIDDEN, "rumor-review-not-expert")));
    }

    private Mono<Void> record(RumorItem current, Actor reviewer, RumorReviewVerdict verdict, String reason, Expert expert) {
        RumorDecision decision = new RumorDecision(current.round(), current.stage(), verdict, reason, reviewer.username(),
                expert == null ? null : expert.name(), expert == null ? null : expert.title(), null);
        return decisions.insert(current.id(), decision)
                .then(audit.record(reviewer.username(), "rumor.decided", RumorEditor.subject(current.id()), Map.of(
                        "stage", current.stage().name(), "verdict", verdict.name(), "reason", reason == null ? "" : reason)));
    }

    private Mono<Void> advance(RumorItem current, RumorReviewVerdict verdict, String reason, Actor reviewer) {
        String stageName = "@rumor.stage." + current.stage().name();
        return switch (verdict) {
            case REQUEST_CHANGES -> items.move(current.id(), RumorStatus.DRAFT, null, reviewer.username())
                    .then(tellSubmitter(current, "rumor-changes-requested", stageName, reason));
            case REJECT -> items.move(current.id(), RumorStatus.REJECTED, null, reviewer.username())
                    .then(tellSubmitter(current, "rumor-rejected", stageName, reason));
            case APPROVE -> {
                List<RumorStage> stages = properties.stages();
                int next = stages.indexOf(current.stage()) + 1;
                yield next < stages.size()
                        ? items.move(current.id(), RumorStatus.REVIEW, stages.get(next), reviewer.username()).then(awaiting(current, stages.get(next)))
                        : publication.publish(current.id(), reviewer.username()).then(tellSubmitter(current, "rumor-published"));
            }
        };
    }

    private Mono<Void> awaiting(RumorItem item, RumorStage stage) {
        return notifications.send(Notice.toRole(stage.signer(), "rumor-awaiting", RumorEditor.subject(item.id()),
                "/console/rumors/" + item.id(), shortClaim(item), "@rumor.stage." + stage.name()));
    }

    private Mono<Void> tellSubmitter(RumorItem item, String kind, String... details) {
        if (item.submittedBy() == null) {
            return Mono.empty();
        }
        String[] arguments = new String[details.length + 1];
        arguments[0] = shortClaim(item);
        System.arraycopy(details, 0, arguments, 1, details.length);
        return notifications.send(Notice.to(item.submittedBy(), kind, RumorEditor.subject(item.id()), "/console/rumors/" + item.id(), arguments));
    }

    private static String shortClaim(RumorItem item) {
        return item.claim().length() > 30 ? item.claim().substring(0, 30) + "…" : item.claim();
    }

    private static String words(ScreenResult result, ScreenLevel level) {
        return String.join("、", result.hits(level).stream().map(hit -> hit.word()).distinct().toList());
    }
}
