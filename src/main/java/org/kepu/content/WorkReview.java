package org.kepu.content;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where the latest submission of a work stands in the review chain, as the works list shows it.
 *
 * @param caseId      the review case
 * @param revision    the submitted revision
 * @param status      the case's own status name (e.g. {@code IN_REVIEW}, {@code CHANGES_REQUESTED})
 * @param stage       the stage the case waits at (in review) or whose decision closed it (changes requested,
 *                    rejected); null otherwise
 * @param reason      the reviewer's reason when changes were requested or the work was rejected; null otherwise
 * @param updatedAt   when the case last changed (its decision, or its submission)
 */
public record WorkReview(WorkId work, UUID caseId, int revision, Phase phase, String status, String stage, String reason,
                         OffsetDateTime updatedAt) {

    /** The review states the works list filters by; {@code SETTLED}: published or superseded, nothing pending. */
    public enum Phase {
        IN_REVIEW, CHANGES_REQUESTED, REJECTED, BLOCKED, APPROVED, SETTLED
    }
}
