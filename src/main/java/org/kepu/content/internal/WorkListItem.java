package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.content.WorkKind;
import org.kepu.content.WorkReview;
import org.kepu.content.WorkViews;
import org.kepu.media.MediaProcessing;

/** One row of the console's works list (see "The console's works list" in docs/architecture.md). */
record WorkListItem(UUID id, WorkKind kind, Organisation organisation, String title, int draftRevision, Integer publishedRevision,
                    OffsetDateTime updatedAt, WorkStatus status, Review review, List<Media> media, Views views) {

    record Organisation(UUID id, String slug, String name) {
    }

    /** The latest review case; null when the work was never submitted. */
    record Review(UUID caseId, int revision, String status, String stage, String reason, OffsetDateTime updatedAt) {

        static Review of(WorkReview review) {
            return review == null ? null : new Review(review.caseId(), review.revision(), review.status(), review.stage(),
                    review.reason(), review.updatedAt());
        }
    }

    /** An asset of the draft: {@code use} is MEDIA or COVER; {@code progress} null when media records none. */
    record Media(UUID id, String use, String purpose, String status, Double progress) {
    }

    /** {@code pv}: page views; {@code uv}: unique visitors per day, added up. Zero when never viewed. */
    record Views(long pv, long uv) {

        static Views of(WorkViews views) {
            return views == null ? new Views(0, 0) : new Views(views.views(), views.visitors());
        }
    }

    record Page(List<WorkListItem> items, int page, int size, long total) {
    }
}
