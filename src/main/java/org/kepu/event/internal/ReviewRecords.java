package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.kepu.review.ScreenHit;
import org.kepu.review.ScreenResult;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@code event_submission} and {@code event_decision} (decisions are insert-only). */
@Component
class ReviewRecords {

    private static final TypeReference<List<ScreenHit>> HITS = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final JsonMapper json;

    ReviewRecords(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<Submission> insertSubmission(UUID series, String by, ScreenResult screen) {
        return database.sql("""
                        INSERT INTO event_submission (series_id, submitted_by, screen, blocked) VALUES (:series, :by, :screen, :blocked)
                        RETURNING id, series_id, submitted_by, submitted_at, screen, blocked""")
                .bind("series", series).bind("by", by).bind("screen", Json.of(json.writeValueAsString(screen.hits())))
                .bind("blocked", screen.blocked())
                .map(this::submission).one();
    }

    Flux<Submission> submissions(UUID series) {
        return database.sql("""
                        SELECT id, series_id, submitted_by, submitted_at, screen, blocked FROM event_submission
                         WHERE series_id = :series ORDER BY submitted_at, id""")
                .bind("series", series).map(this::submission).all();
    }

    Mono<Submission> latestSubmission(UUID series) {
        return database.sql("""
                        SELECT id, series_id, submitted_by, submitted_at, screen, blocked FROM event_submission
                         WHERE series_id = :series AND NOT blocked ORDER BY submitted_at DESC, id DESC LIMIT 1""")
                .bind("series", series).map(this::submission).one();
    }

    Mono<Void> insertDecision(UUID series, UUID submission, ReviewStage stage, Verdict verdict, String reason, String by) {
        var insert = database.sql("""
                INSERT INTO event_decision (series_id, submission_id, stage, verdict, reason, decided_by)
                VALUES (:series, :submission, :stage, :verdict, :reason, :by)""")
                .bind("series", series).bind("submission", submission).bind("stage", stage.name()).bind("verdict", verdict.name())
                .bind("by", by);
        return Binding.bind(insert, "reason", reason, String.class).then();
    }

    Flux<Decision> decisions(UUID series) {
        return database.sql("""
                        SELECT id, submission_id, stage, verdict, reason, decided_by, decided_at FROM event_decision
                         WHERE series_id = :series ORDER BY id""")
                .bind("series", series)
                .map(row -> new Decision(row.get("id", Long.class), row.get("submission_id", UUID.class),
                        ReviewStage.valueOf(row.get("stage", String.class)), Verdict.valueOf(row.get("verdict", String.class)),
                        row.get("reason", String.class), row.get("decided_by", String.class), row.get("decided_at", OffsetDateTime.class)))
                .all();
    }

    private Submission submission(Readable row) {
        List<ScreenHit> hits = json.readValue(row.get("screen", Json.class).asString(), HITS);
        return new Submission(row.get("id", UUID.class), row.get("series_id", UUID.class), row.get("submitted_by", String.class),
                row.get("submitted_at", OffsetDateTime.class), hits, row.get("blocked", Boolean.class));
    }
}
