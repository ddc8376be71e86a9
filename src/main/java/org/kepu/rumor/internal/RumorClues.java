package org.kepu.rumor.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.identity.Role;
import org.kepu.notification.Notice;
import org.kepu.notification.Notifications;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Clues from citizens and what editors do with them: link to an item that already rebuts the claim, turn into a new
 * item, or dismiss with a note. A clue is handled once.
 */
@Component
class RumorClues {

    /** What a citizen sends; {@code contact} is optional and stays with the editors. */
    record RumorReport(String claim, String whereSeen, String link, String contact) {
    }

    private final RumorCluesTable clues;
    private final RumorItemsTable items;
    private final RumorEditor editor;
    private final ClueLimit limit;
    private final Notifications notifications;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    RumorClues(RumorCluesTable clues, RumorItemsTable items, RumorEditor editor, ClueLimit limit, Notifications notifications,
               AuditLog audit, TransactionalOperator transaction) {
        this.clues = clues;
        this.items = items;
        this.editor = editor;
        this.limit = limit;
        this.notifications = notifications;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<UUID> report(RumorReport report) {
        String claim = RumorChecks.text(report == null ? null : report.claim(), "claim", 1000);
        String whereSeen = optional(report.whereSeen(), "whereSeen", 200);
        String link = optional(report.link(), "link", 500);
        if (link != null && !link.matches("(?i)https?://\\S+")) {
            throw RumorChecks.invalid("link");
        }
        String contact = optional(report.contact(), "contact", 200);
        return limit.count()
                .then(clues.insert(claim, whereSeen, link, contact)
                        .flatMap(id -> notifications.send(Notice.toRole(Role.EDITOR, "rumor-clue", "rumor-clue:" + id,
                                "/console/rumors/clues/" + id, claim.length() > 30 ? claim.substring(0, 30) + "…" : claim)).thenReturn(id))
                        .as(transaction::transactional));
    }

    Mono<Void> link(UUID clue, UUID item, Actor editorActor) {
        return open(clue).flatMap(found -> RumorEditor.existing(items.find(item), item)
                        .flatMap(target -> clues.handle(clue, RumorClue.Status.LINKED, item, null, editorActor.username())
                                .then(audit.record(editorActor.username(), "rumor.clue-linked", "rumor-clue:" + clue,
                                        Map.of("item", item.toString())))))
                .as(transaction::transactional);
    }

    /** A new draft item from the clue; the claim defaults to the clue's words, where it appeared to the clue's. */
    Mono<UUID> convert(UUID clue, RumorForm form, Actor editorActor) {
        return open(clue).flatMap(found -> {
                    RumorForm filled = new RumorForm(form.slug(), form.claim() == null || form.claim().isBlank() ? found.claim() : form.claim(),
                            form.appearances() == null || form.appearances().isEmpty() ? appearances(found) : form.appearances(),
                            form.firstSeen() == null ? found.reportedAt().toLocalDate() : form.firstSeen(), form.verdict(), form.truth(),
                            form.explanation(), form.evidence(), form.topics(), form.column(), form.rebuttalWork());
                    return editor.create(filled, editorActor)
                            .flatMap(item -> clues.handle(clue, RumorClue.Status.CONVERTED, item, null, editorActor.username())
                                    .then(audit.record(editorActor.username(), "rumor.clue-converted", "rumor-clue:" + clue,
                                            Map.of("item", item.toString())))
                                    .thenReturn(item));
                })
                .as(transaction::transactional);
    }

    Mono<Void> dismiss(UUID clue, String note, Actor editorActor) {
        String reason = RumorChecks.text(note, "note", 1000);
        return open(clue).flatMap(found -> clues.handle(clue, RumorClue.Status.DISMISSED, null, reason, editorActor.username())
                        .then(audit.record(editorActor.username(), "rumor.clue-dismissed", "rumor-clue:" + clue, Map.of("note", reason))))
                .as(transaction::transactional);
    }

    private Mono<RumorClue> open(UUID clue) {
        return clues.lock(clue)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "rumor-clue-not-found", clue)))
                .flatMap(found -> found.status() == RumorClue.Status.NEW ? Mono.just(found)
                        : Mono.error(new ProblemException(HttpStatus.CONFLICT, "rumor-clue-handled", found.status().name())));
    }

    private static List<org.kepu.rumor.PublicRumor.Appearance> appearances(RumorClue clue) {
        return clue.whereSeen().isBlank() && clue.link() == null ? List.of()
                : List.of(new org.kepu.rumor.PublicRumor.Appearance(clue.whereSeen().isBlank() ? "网络" : clue.whereSeen(), clue.link()));
    }

    private static String optional(String value, String field, int max) {
        return value == null || value.isBlank() ? null : RumorChecks.text(value, field, max);
    }
}
