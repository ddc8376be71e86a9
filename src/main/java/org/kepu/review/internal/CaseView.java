package org.kepu.review.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.platform.ScheduleProperties;
import org.kepu.review.ScreenHit;

/** A case as submitters and reviewers see it, with every decision so far and its reasons; the publication time in the configured zone. */
record CaseView(UUID id, UUID work, String workTitle, String organisation, int revision, List<ReviewStage> stages,
                ReviewStage currentStage, ReviewCase.Status status, OffsetDateTime publishAt, String submittedBy,
                OffsetDateTime submittedAt, OffsetDateTime closedAt, String assignedTo, List<ScreenHit> screen,
                List<Decision> decisions) {

    static CaseView of(ReviewCase found, String title, String organisation, List<Decision> decisions, ScheduleProperties schedule) {
        return new CaseView(found.id(), found.work(), title, organisation, found.revision(), found.stages(), found.currentStage(),
                found.status(), schedule.shown(found.publishAt()), found.submittedBy(), found.submittedAt(), found.closedAt(), found.assignedTo(), found.screen(), decisions);
    }
}
