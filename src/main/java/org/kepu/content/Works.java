package org.kepu.content;

import java.time.OffsetDateTime;
import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What other modules may ask of works: their facts and, for the review chain, publishing. */
public interface Works {

    Mono<WorkFacts> find(WorkId id);

    /** The facts of many works at once, in no particular order; unknown ids are left out. */
    Flux<WorkFacts> find(Collection<WorkId> ids);

    /** The text a screen reads: title, summary and the body as sanitized HTML. */
    Mono<RevisionText> text(WorkId id, int revision);

    /**
     * Makes {@code revision} the public one, and its media with it. Joins the caller's transaction and
     * publishes {@link WorkPublished} through {@code platform.ModuleEvents} before it commits: a
     * {@code ModuleEventListener} that must not lose it queues a durable job in the same transaction. Empty when the work or the revision does not exist.
     */
    Mono<WorkPublished> publish(WorkId id, int revision, String by);

    /**
     * Makes the work non-public now (its revisions stay) and its media with it, unless another published
     * work uses them. Joins the caller's transaction and publishes {@link WorkUnpublished} like
     * {@link #publish}. Empty when the work does not exist; a 409 problem naming the work's state when it is
     * not published.
     */
    Mono<WorkUnpublished> unpublish(WorkId id, String by, String reason);

    /** Unpublishes waiting for a time from {@code from} (inclusive; null: also those overdue) until {@code to}, by time. */
    Flux<ScheduledUnpublish> scheduledUnpublishes(OffsetDateTime from, OffsetDateTime to);
}
