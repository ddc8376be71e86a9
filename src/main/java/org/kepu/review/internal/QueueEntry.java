package org.kepu.review.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.kepu.content.WorkFacts;

/** One line of a reviewer's queue; the case itself ({@code CaseView}) has the decisions and the screen hits. */
record QueueEntry(UUID id, UUID work, String workTitle, String organisation, String kind, int revision,
                  ReviewStage currentStage, String assignedTo, OffsetDateTime submittedAt, int screenHits) {

    static QueueEntry of(ReviewCase found, WorkFacts work) {
        return new QueueEntry(found.id(), found.work(), work == null ? null : work.title(), work == null ? null : work.organisation(),
                work == null ? null : work.kind().name(), found.revision(), found.currentStage(), found.assignedTo(),
                found.submittedAt(), found.screen().size());
    }
}
