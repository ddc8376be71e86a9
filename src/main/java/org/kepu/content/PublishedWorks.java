package org.kepu.content;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The public side of works, for search, the site and feeds: only published revisions, never drafts. */
public interface PublishedWorks {

    /** Empty when the work does not exist or is not public. */
    Mono<PublishedWork> find(WorkId id);

    /** Whether and what of the work is public now; empty when the work does not exist. */
    Mono<Publication> publication(WorkId id);

    /**
     * Every public work in id order, read page by page with one query per page, so a slow consumer never
     * holds a database connection.
     */
    Flux<PublishedWork> all(int pageSize);

    /** A page of public works matching {@code listing}, newest first. */
    Flux<PublishedWork> list(WorkListing listing);

    /** How many public works match {@code listing} (its offset, limit and exclusions are ignored). */
    Mono<Long> count(WorkListing listing);

    /**
     * The tag as a public work carries it, matched regardless of case ({@code CO2} finds {@code co2}); empty when no
     * public work carries it.
     */
    Mono<String> tag(String tag);

    /** Which revision of every public work is public, in id order, page by page like {@link #all(int)}. */
    Flux<PublishedRevision> revisions(int pageSize);
}
