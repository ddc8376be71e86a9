package org.kepu.review.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.review.ScreenHit;

/** One submitted revision on its way through the stages. */
record ReviewCase(UUID id, UUID work, int revision, List<ReviewStage> stages, int stageIndex, Status status,
                  OffsetDateTime publishAt, String submittedBy, OffsetDateTime submittedAt, OffsetDateTime closedAt,
                  List<ScreenHit> screen, String assignedTo, Long publishJob) {

    enum Status {
        /** Stopped at submission by a BLOCK word of the sensitive-word screen. */
        BLOCKED, IN_REVIEW, CHANGES_REQUESTED, REJECTED,
        /** Approved; the durable job {@code publishJob} publishes it at {@code publishAt}. */
        SCHEDULED,
        /** Approved, publication held by an editor until a time is set again; a new submission supersedes it. */
        APPROVED,
        /** A held approval replaced by a newer submission of the work. */
        SUPERSEDED,
        PUBLISHED
    }

    /** Null once the case has left review. */
    ReviewStage currentStage() {
        return status == Status.IN_REVIEW ? stages.get(stageIndex) : null;
    }

    boolean lastStage() {
        return stageIndex == stages.size() - 1;
    }
}
