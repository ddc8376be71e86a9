package org.kepu.content.internal;

import java.util.List;
import java.util.UUID;

import org.kepu.org.Organisations;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Creates works and saves drafts: each save is a new revision, written with its work in one transaction. */
@Component
class WorkEditor {

    private final WorksTable works;
    private final TopicsTable topics;
    private final Organisations organisations;
    private final ArticleBodies bodies;
    private final TransactionalOperator transaction;

    WorkEditor(WorksTable works, TopicsTable topics, Organisations organisations, ArticleBodies bodies,
               TransactionalOperator transaction) {
        this.works = works;
        this.topics = topics;
        this.organisations = organisations;
        this.bodies = bodies;
        this.transaction = transaction;
    }

    Mono<WorkView> create(NewWork work, String author) {
        UUID id = UUID.randomUUID();
        return organisations.findBySlug(work.organisation())
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-organisation", work.organisation())))
                .flatMap(owner -> checkReferences(work.draft())
                        .then(works.insertWork(id, work.kind(), owner.id().value(), author))
                        .then(works.insertRevision(id, 1, work.draft(), bodies.toSafeHtml(work.draft().body(), work.draft().bodyFormat()), author))
                        .as(transaction::transactional))
                .then(Mono.defer(() -> works.find(id)));
    }

    Mono<WorkView> saveDraft(UUID id, WorkDraft draft, String author) {
        String html = bodies.toSafeHtml(draft.body(), draft.bodyFormat());
        return checkReferences(draft)
                .then(works.nextRevision(id))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "work-not-found", id)))
                .flatMap(number -> works.insertRevision(id, number, draft, html, author))
                .as(transaction::transactional)
                .then(Mono.defer(() -> works.find(id)));
    }

    private Mono<Void> checkReferences(WorkDraft draft) {
        return unknown("content_topic", draft.topics(), "unknown-topics")
                .then(unknown("content_column", draft.columns(), "unknown-columns"));
    }

    private Mono<Void> unknown(String table, List<String> slugs, String problem) {
        if (slugs.isEmpty()) {
            return Mono.empty();
        }
        return topics.unknown(table, slugs).collectList().flatMap(missing -> missing.isEmpty()
                ? Mono.empty()
                : Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, problem, String.join("、", missing))));
    }
}
