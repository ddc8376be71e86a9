package org.kepu.content.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.content.WorkKind;
import org.kepu.org.Organisations;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates works and saves drafts: each save is a new revision, written with its work in one transaction.
 * Empty fields are filled from the draft's media where that is known ({@link DraftPrefill}).
 */
@Component
class WorkEditor {

    /** Author of the revisions the platform writes itself, e.g. fields filled from a processed file. */
    static final String SYSTEM = "system";

    private final WorksTable works;
    private final TopicsTable topics;
    private final Organisations organisations;
    private final ArticleBodies bodies;
    private final WorkMedia media;
    private final DraftPrefill prefill;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    WorkEditor(WorksTable works, TopicsTable topics, Organisations organisations, ArticleBodies bodies, WorkMedia media,
               DraftPrefill prefill, AuditLog audit, TransactionalOperator transaction) {
        this.works = works;
        this.topics = topics;
        this.organisations = organisations;
        this.bodies = bodies;
        this.media = media;
        this.prefill = prefill;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<WorkView> create(NewWork work, String author) {
        UUID id = UUID.randomUUID();
        return organisations.findBySlug(work.organisation())
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-organisation", work.organisation())))
                .flatMap(owner -> checked(work.kind(), work.draft())
                        .flatMap(draft -> works.insertWork(id, work.kind(), owner.id().value(), author)
                                .then(works.insertRevision(id, 1, draft, html(draft), author))
                                .then(audit.record(author, "work.created", "work:" + id,
                                        Map.of("kind", work.kind().name(), "organisation", work.organisation(), "revision", 1))))
                        .as(transaction::transactional))
                .then(Mono.defer(() -> works.find(id)));
    }

    /**
     * @param basedOn the draft revision the author edited (from {@code If-Match}); when another save came in
     *                between, nothing is written and the answer is 409 naming the newer revision. Null skips
     *                the check.
     */
    Mono<WorkView> saveDraft(WorkView work, WorkDraft draft, String author, Integer basedOn) {
        return saveDraft(work, draft, author, basedOn, Map.of());
    }

    private Mono<WorkView> saveDraft(WorkView work, WorkDraft draft, String author, Integer basedOn, Map<String, Object> details) {
        UUID id = work.id();
        String action = details.isEmpty() ? "work.draft-saved" : "work.revision-restored";
        return checked(work.kind(), draft)
                .flatMap(checked -> works.nextRevision(id)
                        .flatMap(number -> basedOn != null && basedOn != number - 1
                                ? Mono.error(new ProblemException(HttpStatus.CONFLICT, "work-draft-stale", basedOn, number - 1))
                                : Mono.just(number))
                        .flatMap(number -> works.insertRevision(id, number, checked, html(checked), author)
                                .then(audit.record(author, action, "work:" + id, with(details, "revision", number)))))
                .as(transaction::transactional)
                .then(Mono.defer(() -> works.find(id)));
    }

    /**
     * Makes an older revision the draft again, as a new revision (history is never rewritten). Its files and
     * topics are checked as on any save; it reaches the public only through review like any other draft.
     */
    Mono<WorkView> restore(WorkView work, int number, String author, Integer basedOn) {
        if (number == work.draftRevision()) {
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "work-revision-is-draft", number));
        }
        return works.revision(work.id(), number)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "revision-not-found", work.id(), number)))
                .flatMap(old -> saveDraft(work, old.toDraft(), author, basedOn, Map.of("restoredFrom", number)));
    }

    /**
     * Writes a new revision of the current draft with the fields its media now fill, when there are any;
     * the work's row stays locked meanwhile, so a concurrent save by its author is never overwritten.
     */
    Mono<Boolean> refill(UUID id) {
        return works.lockDraft(id)
                .flatMap(locked -> works.revision(id, locked.draftRevision())
                        .flatMap(current -> prefill.fill(locked.kind(), current.toDraft())
                                .filter(filled -> !filled.equals(current.toDraft()))
                                .flatMap(filled -> works.nextRevision(id)
                                        .flatMap(number -> works.insertRevision(id, number, filled, html(filled), SYSTEM)
                                                .then(audit.record(SYSTEM, "work.filled-from-media", "work:" + id,
                                                        Map.of("revision", number))))
                                        .thenReturn(true))))
                .defaultIfEmpty(false)
                .as(transaction::transactional);
    }

    private static Map<String, Object> with(Map<String, Object> details, String key, Object value) {
        var all = new java.util.LinkedHashMap<>(details);
        all.put(key, value);
        return all;
    }

    private Mono<WorkDraft> checked(WorkKind kind, WorkDraft draft) {
        return unknown("content_topic", draft.topics(), "unknown-topics")
                .then(unknown("content_column", draft.columns(), "unknown-columns"))
                .then(media.check(kind, draft))
                .then(prefill.fill(kind, draft));
    }

    private String html(WorkDraft draft) {
        return bodies.toSafeHtml(draft.body(), draft.bodyFormat());
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
