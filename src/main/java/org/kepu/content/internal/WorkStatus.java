package org.kepu.content.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kepu.content.WorkReview;

/**
 * One word for where a work stands, for the console's works list. The latest review case decides while it is
 * pending or sent back; otherwise whether a revision is public.
 */
enum WorkStatus {
    /** Never submitted, or not public and nothing pending (also after an unpublish). */
    DRAFT(null),
    /** The latest submission waits at a review stage. */
    IN_REVIEW(WorkReview.Phase.IN_REVIEW),
    /** A reviewer asked for changes to the latest submission. */
    CHANGES_REQUESTED(WorkReview.Phase.CHANGES_REQUESTED),
    /** A reviewer rejected the latest submission. */
    REJECTED(WorkReview.Phase.REJECTED),
    /** The sensitive-word screen stopped the latest submission. */
    BLOCKED(WorkReview.Phase.BLOCKED),
    /** Every stage approved; publication is scheduled or held by an editor. */
    APPROVED_SCHEDULED(WorkReview.Phase.APPROVED),
    /** A revision is public and nothing is pending. */
    PUBLISHED(null);

    private final WorkReview.Phase phase;

    WorkStatus(WorkReview.Phase phase) {
        this.phase = phase;
    }

    /** The review phase that makes this status, or null for those that depend on publication alone. */
    WorkReview.Phase phase() {
        return phase;
    }

    /** The phases that override publication: a work in any of them is neither draft nor published. */
    static Set<WorkReview.Phase> pendingPhases() {
        return EnumSet.complementOf(EnumSet.of(WorkReview.Phase.SETTLED));
    }

    static WorkStatus of(WorkReview latest, Integer publishedRevision) {
        if (latest != null && latest.phase() != WorkReview.Phase.SETTLED) {
            for (WorkStatus status : values()) {
                if (status.phase == latest.phase()) {
                    return status;
                }
            }
        }
        return publishedRevision == null ? DRAFT : PUBLISHED;
    }

    /** Null when {@code word} names no status. */
    static WorkStatus parse(String word) {
        for (WorkStatus status : values()) {
            if (status.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        return null;
    }

    @JsonValue
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
