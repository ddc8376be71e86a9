package org.kepu.review.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.content.WorkId;
import org.kepu.content.WorkReview;
import org.kepu.content.WorkReviews;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The latest case of works, for content's works list ({@link WorkReviews}). */
@Component
class LatestCases implements WorkReviews {

    private final DatabaseClient database;

    LatestCases(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<WorkReview> latest(Collection<WorkId> works) {
        if (works.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        SELECT DISTINCT ON (c.work_id) c.work_id, c.id, c.revision, c.status,
                               c.stages[c.stage_index + 1] AS current_stage, d.stage AS decided_stage, d.reason,
                               GREATEST(c.submitted_at, c.closed_at, d.decided_at) AS updated_at
                          FROM review_case c
                          LEFT JOIN LATERAL (SELECT stage, reason, decided_at FROM review_decision
                                              WHERE case_id = c.id ORDER BY id DESC LIMIT 1) d ON true
                         WHERE c.work_id = ANY(CAST(:works AS uuid[]))
                         ORDER BY c.work_id, c.submitted_at DESC, c.id DESC""")
                .bind("works", works.stream().map(WorkId::value).distinct().toArray(UUID[]::new))
                .map(LatestCases::review)
                .all();
    }

    @Override
    public Flux<WorkId> worksIn(Set<WorkReview.Phase> phases) {
        String[] statuses = phases.stream().flatMap(phase -> statuses(phase).stream()).map(Enum::name).toArray(String[]::new);
        if (statuses.length == 0) {
            return Flux.empty();
        }
        return database.sql("""
                        SELECT work_id FROM (SELECT DISTINCT ON (work_id) work_id, status FROM review_case
                                              ORDER BY work_id, submitted_at DESC, id DESC) latest
                         WHERE status = ANY(CAST(:statuses AS varchar[]))""")
                .bind("statuses", statuses)
                .map(row -> new WorkId(row.get("work_id", UUID.class)))
                .all();
    }

    static WorkReview.Phase phase(ReviewCase.Status status) {
        return switch (status) {
            case IN_REVIEW -> WorkReview.Phase.IN_REVIEW;
            case CHANGES_REQUESTED -> WorkReview.Phase.CHANGES_REQUESTED;
            case REJECTED -> WorkReview.Phase.REJECTED;
            case BLOCKED -> WorkReview.Phase.BLOCKED;
            case SCHEDULED, APPROVED -> WorkReview.Phase.APPROVED;
            case PUBLISHED, SUPERSEDED -> WorkReview.Phase.SETTLED;
        };
    }

    private static Set<ReviewCase.Status> statuses(WorkReview.Phase phase) {
        Set<ReviewCase.Status> found = java.util.EnumSet.noneOf(ReviewCase.Status.class);
        if (phase != WorkReview.Phase.SETTLED) {
            for (ReviewCase.Status status : ReviewCase.Status.values()) {
                if (phase(status) == phase) {
                    found.add(status);
                }
            }
        }
        return found;
    }

    private static WorkReview review(Readable row) {
        ReviewCase.Status status = ReviewCase.Status.valueOf(row.get("status", String.class));
        boolean sentBack = status == ReviewCase.Status.CHANGES_REQUESTED || status == ReviewCase.Status.REJECTED;
        String stage = status == ReviewCase.Status.IN_REVIEW ? row.get("current_stage", String.class)
                : sentBack ? row.get("decided_stage", String.class) : null;
        return new WorkReview(new WorkId(row.get("work_id", UUID.class)), row.get("id", UUID.class),
                row.get("revision", Integer.class), phase(status), status.name(), stage,
                sentBack ? row.get("reason", String.class) : null, row.get("updated_at", OffsetDateTime.class));
    }
}
