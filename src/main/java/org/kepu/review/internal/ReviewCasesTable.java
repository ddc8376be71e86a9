package org.kepu.review.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

/** The SQL of review cases and their decisions (decisions are inserted, never changed). */
@Component
class ReviewCasesTable {

    private static final TypeReference<List<Decision.Comment>> COMMENTS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, work_id, revision, stages, stage_index, status, publish_at, submitted_by, submitted_at, closed_at,
            screen::text AS screen, assigned_to, publish_job""";
    private static final TypeReference<List<ScreenHit>> HITS = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final JsonMapper json;

    ReviewCasesTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<ReviewCase> insert(UUID work, int revision, List<ReviewStage> stages, OffsetDateTime publishAt, String submittedBy,
                            ScreenResult screen) {
        var insert = database.sql("""
                        INSERT INTO review_case (work_id, revision, stages, status, publish_at, submitted_by, screen, closed_at)
                        VALUES (:work, :revision, :stages, :status, :publishAt, :submittedBy, :screen,
                                CASE WHEN :status = 'BLOCKED' THEN now() END)
                        RETURNING\s""" + COLUMNS)
                .bind("work", work).bind("revision", revision)
                .bind("status", screen.blocked() ? "BLOCKED" : "IN_REVIEW")
                .bind("screen", Json.of(json.writeValueAsString(screen.hits())))
                .bind("stages", stages.stream().map(Enum::name).toArray(String[]::new))
                .bind("submittedBy", submittedBy);
        insert = publishAt == null ? insert.bindNull("publishAt", OffsetDateTime.class) : insert.bind("publishAt", publishAt);
        return insert.map(this::reviewCase).one();
    }

    Mono<ReviewCase> find(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM review_case WHERE id = :id").bind("id", id)
                .map(this::reviewCase).one();
    }

    /** Locks the case until the transaction ends. */
    Mono<ReviewCase> lock(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM review_case WHERE id = :id FOR UPDATE").bind("id", id)
                .map(this::reviewCase).one();
    }

    Mono<ReviewCase> open(UUID work) {
        return database.sql("SELECT " + COLUMNS + " FROM review_case WHERE work_id = :work AND status IN ('IN_REVIEW', 'SCHEDULED', 'APPROVED')")
                .bind("work", work).map(this::reviewCase).one();
    }

    Flux<ReviewCase> ofWork(UUID work) {
        return database.sql("SELECT " + COLUMNS + " FROM review_case WHERE work_id = :work ORDER BY submitted_at DESC")
                .bind("work", work).map(this::reviewCase).all();
    }

    /**
     * Cases waiting at one of {@code stages}, oldest first; with a {@code reviewer}, only those assigned to
     * nobody or to them.
     */
    Flux<ReviewCase> waitingAt(List<ReviewStage> stages, String reviewer, int limit) {
        var query = database.sql("SELECT " + COLUMNS + " " + """
                         FROM review_case
                         WHERE status = 'IN_REVIEW' AND stages[stage_index + 1] = ANY(CAST(:stages AS varchar[]))
                           AND (CAST(:reviewer AS text) IS NULL OR assigned_to IS NULL OR assigned_to = :reviewer)
                         ORDER BY submitted_at LIMIT :limit""")
                .bind("stages", stages.stream().map(Enum::name).toArray(String[]::new)).bind("limit", limit);
        query = reviewer == null ? query.bindNull("reviewer", String.class) : query.bind("reviewer", reviewer);
        return query
                .map(this::reviewCase).all();
    }

    Mono<Void> advance(UUID id) {
        return database.sql("UPDATE review_case SET stage_index = stage_index + 1, assigned_to = NULL, version = version + 1 WHERE id = :id")
                .bind("id", id).then();
    }

    Mono<Void> assign(UUID id, String reviewer) {
        return database.sql("UPDATE review_case SET assigned_to = :reviewer, version = version + 1 WHERE id = :id")
                .bind("id", id).bind("reviewer", reviewer).then();
    }

    /** Open cases assigned to each of {@code reviewers}; those with none are absent. */
    Mono<Map<String, Long>> openAssignments(List<String> reviewers) {
        return database.sql("""
                        SELECT assigned_to, count(*) AS n FROM review_case
                         WHERE status = 'IN_REVIEW' AND assigned_to = ANY(CAST(:reviewers AS varchar[]))
                         GROUP BY assigned_to""")
                .bind("reviewers", reviewers.toArray(String[]::new))
                .map(row -> Map.entry(row.get("assigned_to", String.class), row.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<Void> close(UUID id, ReviewCase.Status status) {
        return database.sql("""
                        UPDATE review_case SET status = :status, version = version + 1,
                               closed_at = CASE WHEN :status IN ('SCHEDULED', 'APPROVED') THEN NULL ELSE now() END
                         WHERE id = :id""")
                .bind("id", id).bind("status", status.name()).then();
    }

    /** Approved and waiting for {@code publishAt}, when durable job {@code job} publishes it. */
    Mono<Void> schedule(UUID id, OffsetDateTime publishAt, long job) {
        return database.sql("""
                        UPDATE review_case SET status = 'SCHEDULED', publish_at = :publishAt, publish_job = :job, closed_at = NULL,
                                               version = version + 1
                         WHERE id = :id""")
                .bind("id", id).bind("publishAt", publishAt).bind("job", job).then();
    }

    /** Approved, with no time: publication waits until an editor sets one. */
    Mono<Void> hold(UUID id) {
        return database.sql("""
                        UPDATE review_case SET status = 'APPROVED', publish_at = NULL, publish_job = NULL, closed_at = NULL,
                                               version = version + 1
                         WHERE id = :id""")
                .bind("id", id).then();
    }

    /** Closes the work's held approval, if it has one, as SUPERSEDED; its id when there was one. */
    Mono<UUID> supersedeHeld(UUID work) {
        return database.sql("""
                        UPDATE review_case SET status = 'SUPERSEDED', closed_at = now(), version = version + 1
                         WHERE work_id = :work AND status = 'APPROVED'
                        RETURNING id""")
                .bind("work", work).map(row -> row.get("id", UUID.class)).one();
    }

    Flux<UUID> overdueScheduled(Duration grace, int limit) {
        return database.sql("""
                        SELECT id FROM review_case
                         WHERE status = 'SCHEDULED' AND publish_at < now() - make_interval(secs => :grace)
                         ORDER BY publish_at LIMIT :limit""")
                .bind("grace", (double) grace.toMillis() / 1000).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** Still scheduled and overdue by more than {@code grace}; empty when another transaction holds it. */
    Mono<ReviewCase> lockOverdue(UUID id, Duration grace) {
        return database.sql("SELECT " + COLUMNS + " " + """
                         FROM review_case
                         WHERE id = :id AND status = 'SCHEDULED' AND publish_at < now() - make_interval(secs => :grace)
                         FOR UPDATE SKIP LOCKED""")
                .bind("id", id).bind("grace", (double) grace.toMillis() / 1000)
                .map(this::reviewCase).one();
    }

    /** Scheduled cases with a time from {@code from} (inclusive; null: also those overdue) until {@code to}, by time. */
    Flux<ReviewCase> scheduled(OffsetDateTime from, OffsetDateTime to) {
        var query = database.sql("SELECT " + COLUMNS + " " + """
                         FROM review_case
                         WHERE status = 'SCHEDULED' AND (CAST(:from AS timestamptz) IS NULL OR publish_at >= :from) AND publish_at < :to
                         ORDER BY publish_at, id""")
                .bind("to", to);
        query = from == null ? query.bindNull("from", OffsetDateTime.class) : query.bind("from", from);
        return query.map(this::reviewCase).all();
    }

    Mono<Void> insertDecision(UUID reviewCase, Decision decision) {
        var insert = database.sql("""
                        INSERT INTO review_decision (case_id, stage, verdict, reason, comments, reviewer)
                        VALUES (:case, :stage, :verdict, :reason, :comments, :reviewer)""")
                .bind("case", reviewCase).bind("stage", decision.stage().name()).bind("verdict", decision.verdict().name())
                .bind("comments", Json.of(json.writeValueAsString(decision.comments())))
                .bind("reviewer", decision.reviewer());
        insert = decision.reason() == null ? insert.bindNull("reason", String.class) : insert.bind("reason", decision.reason());
        return insert.then();
    }

    Flux<Decision> decisions(UUID reviewCase) {
        return database.sql("""
                        SELECT stage, verdict, reason, comments::text AS comments, reviewer, decided_at
                          FROM review_decision WHERE case_id = :case ORDER BY id""")
                .bind("case", reviewCase)
                .map(row -> new Decision(ReviewStage.valueOf(row.get("stage", String.class)),
                        Decision.Verdict.valueOf(row.get("verdict", String.class)), row.get("reason", String.class),
                        json.readValue(row.get("comments", String.class), COMMENTS), row.get("reviewer", String.class),
                        row.get("decided_at", OffsetDateTime.class)))
                .all();
    }

    private ReviewCase reviewCase(Readable row) {
        return new ReviewCase(row.get("id", UUID.class), row.get("work_id", UUID.class), row.get("revision", Integer.class),
                Arrays.stream(row.get("stages", String[].class)).map(ReviewStage::valueOf).toList(),
                row.get("stage_index", Integer.class), ReviewCase.Status.valueOf(row.get("status", String.class)),
                row.get("publish_at", OffsetDateTime.class), row.get("submitted_by", String.class),
                row.get("submitted_at", OffsetDateTime.class), row.get("closed_at", OffsetDateTime.class),
                json.readValue(row.get("screen", String.class), HITS), row.get("assigned_to", String.class),
                row.get("publish_job", Long.class));
    }
}
