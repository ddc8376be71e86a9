package org.kepu.content;

import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Flux;

/**
 * Implemented by the review chain (which depends on content, so content asks through this interface):
 * the latest review case of works, for the works list.
 */
public interface WorkReviews {

    /** The latest case of each of {@code works} that has one, in one query; works never submitted are left out. */
    Flux<WorkReview> latest(Collection<WorkId> works);

    /** Every work whose latest case is in one of {@code phases} (never {@code SETTLED}). */
    Flux<WorkId> worksIn(Set<WorkReview.Phase> phases);
}
