package org.kepu.rumor.internal;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kepu.content.PublishedWorks;
import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.kepu.content.WorkId;
import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates and edits rumor items. An edit of a published item changes only the working copy: the public keeps the
 * reviewed snapshot until the edit has passed review again.
 */
@Component
class RumorEditor {

    private final RumorItemsTable items;
    private final RumorColumnsTable columns;
    private final Topics topics;
    private final PublishedWorks works;
    private final RumorIndexing indexing;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    RumorEditor(RumorItemsTable items, RumorColumnsTable columns, Topics topics, PublishedWorks works, RumorIndexing indexing,
                AuditLog audit, TransactionalOperator transaction) {
        this.items = items;
        this.columns = columns;
        this.topics = topics;
        this.works = works;
        this.indexing = indexing;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<UUID> create(RumorForm form, Actor actor) {
        UUID id = UUID.randomUUID();
        return checked(form, null)
                .flatMap(checked -> {
                    String slug = checked.slug() == null ? "rumor-" + id.toString().substring(0, 8) : checked.slug();
                    return items.insert(id, slug, checked, actor.username())
                            .flatMap(created -> audit.record(actor.username(), "rumor.created", subject(id), Map.of("slug", slug)))
                            .then(indexing.queue(id));
                })
                .as(transaction::transactional)
                .thenReturn(id);
    }

    Mono<Void> update(UUID id, RumorForm form, Actor actor) {
        return existing(items.lock(id), id)
                .flatMap(current -> {
                    if (current.status() == RumorStatus.REVIEW) {
                        return Mono.error(new ProblemException(HttpStatus.CONFLICT, "rumor-in-review"));
                    }
                    return checked(form, id).flatMap(checked -> items.update(id, checked.slug() == null ? current.slug() : checked.slug(),
                                    checked, actor.username()))
                            .then(audit.record(actor.username(), "rumor.edited", subject(id), Map.of("version", current.version() + 1)))
                            .then(indexing.queue(id));
                })
                .as(transaction::transactional);
    }

    private Mono<RumorForm> checked(RumorForm form, UUID id) {
        return topics.all().map(TopicName::slug).collect(Collectors.toSet())
                .map(known -> RumorChecks.checked(form, known))
                .flatMap(checked -> checkSlug(checked, id).then(checkColumn(checked)).then(checkWork(checked)).thenReturn(checked));
    }

    private Mono<Void> checkSlug(RumorForm form, UUID id) {
        return form.slug() == null ? Mono.empty() : items.slugTaken(form.slug(), id)
                .flatMap(taken -> taken ? Mono.error(new ProblemException(HttpStatus.CONFLICT, "rumor-slug-taken", form.slug())) : Mono.empty());
    }

    private Mono<Void> checkColumn(RumorForm form) {
        return form.column() == null ? Mono.empty() : columns.find(form.column())
                .switchIfEmpty(Mono.error(() -> RumorChecks.invalid("column"))).then();
    }

    private Mono<Void> checkWork(RumorForm form) {
        return form.rebuttalWork() == null ? Mono.empty() : works.find(new WorkId(form.rebuttalWork()))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rumor-rebuttal-not-published")))
                .then();
    }

    static Mono<RumorItem> existing(Mono<RumorItem> found, UUID id) {
        return found.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "rumor-not-found", id)));
    }

    static String subject(UUID id) {
        return "rumor:" + id;
    }
}
