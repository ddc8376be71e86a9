package org.kepu.content.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.content.ScheduledUnpublish;
import org.kepu.content.WorkId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code content_unpublish}. */
@Component
class UnpublishesTable {

    private static final String COLUMNS = """
            id, work_id, run_at, reason, status, revision, job_id, requested_by, requested_at, closed_by, closed_at""";

    private final DatabaseClient database;

    UnpublishesTable(DatabaseClient database) {
        this.database = database;
    }

    Mono<Unpublish> insert(UUID work, OffsetDateTime runAt, String reason, Unpublish.Status status, Integer revision,
                           String requestedBy) {
        var insert = database.sql("""
                        INSERT INTO content_unpublish (work_id, run_at, reason, status, revision, requested_by, closed_by, closed_at)
                        VALUES (:work, COALESCE(:runAt, now()), :reason, :status, :revision, :by,
                                CASE WHEN :status = 'SCHEDULED' THEN NULL ELSE :by END,
                                CASE WHEN :status = 'SCHEDULED' THEN NULL ELSE now() END)
                        RETURNING\s""" + COLUMNS)
                .bind("work", work).bind("reason", reason).bind("status", status.name()).bind("by", requestedBy);
        insert = runAt == null ? insert.bindNull("runAt", OffsetDateTime.class) : insert.bind("runAt", runAt);
        insert = revision == null ? insert.bindNull("revision", Integer.class) : insert.bind("revision", revision);
        return insert.map(UnpublishesTable::unpublish).one();
    }

    Mono<Void> attachJob(UUID id, long job) {
        return database.sql("UPDATE content_unpublish SET job_id = :job WHERE id = :id").bind("id", id).bind("job", job).then();
    }

    /** The unpublish waiting for the work, locked until the transaction ends. */
    Mono<Unpublish> lockScheduledOf(UUID work) {
        return database.sql("SELECT " + COLUMNS + " FROM content_unpublish WHERE work_id = :work AND status = 'SCHEDULED' FOR UPDATE")
                .bind("work", work).map(UnpublishesTable::unpublish).one();
    }

    Mono<Unpublish> lock(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM content_unpublish WHERE id = :id FOR UPDATE")
                .bind("id", id).map(UnpublishesTable::unpublish).one();
    }

    /** Still waiting and overdue by more than {@code grace}; empty when another transaction holds it. */
    Mono<Unpublish> lockOverdue(UUID id, Duration grace) {
        return database.sql("SELECT " + COLUMNS + " " + """
                         FROM content_unpublish
                         WHERE id = :id AND status = 'SCHEDULED' AND run_at < now() - make_interval(secs => :grace)
                         FOR UPDATE SKIP LOCKED""")
                .bind("id", id).bind("grace", (double) grace.toMillis() / 1000)
                .map(UnpublishesTable::unpublish).one();
    }

    Flux<UUID> overdue(Duration grace, int limit) {
        return database.sql("""
                        SELECT id FROM content_unpublish
                         WHERE status = 'SCHEDULED' AND run_at < now() - make_interval(secs => :grace)
                         ORDER BY run_at LIMIT :limit""")
                .bind("grace", (double) grace.toMillis() / 1000).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    Mono<Void> close(UUID id, Unpublish.Status status, Integer revision, String by) {
        var update = database.sql("""
                        UPDATE content_unpublish SET status = :status, revision = COALESCE(:revision, revision), closed_by = :by,
                                                     closed_at = now()
                         WHERE id = :id""")
                .bind("id", id).bind("status", status.name()).bind("by", by);
        update = revision == null ? update.bindNull("revision", Integer.class) : update.bind("revision", revision);
        return update.then();
    }

    Flux<ScheduledUnpublish> waiting(OffsetDateTime from, OffsetDateTime to) {
        var query = database.sql("""
                        SELECT u.id, u.work_id, u.run_at, u.reason, u.requested_by, w.published_revision, o.slug AS organisation,
                               r.title
                          FROM content_unpublish u
                          JOIN content_work w ON w.id = u.work_id
                          JOIN org_organisation o ON o.id = w.organisation_id
                          JOIN content_revision r ON r.work_id = w.id AND r.number = COALESCE(w.published_revision, w.draft_revision)
                         WHERE u.status = 'SCHEDULED' AND (CAST(:from AS timestamptz) IS NULL OR u.run_at >= :from) AND u.run_at < :to
                         ORDER BY u.run_at, u.id""")
                .bind("to", to);
        query = from == null ? query.bindNull("from", OffsetDateTime.class) : query.bind("from", from);
        return query.map(row -> new ScheduledUnpublish(row.get("id", UUID.class), new WorkId(row.get("work_id", UUID.class)),
                        row.get("title", String.class), row.get("organisation", String.class),
                        row.get("published_revision", Integer.class), row.get("run_at", OffsetDateTime.class),
                        row.get("reason", String.class), row.get("requested_by", String.class)))
                .all();
    }

    private static Unpublish unpublish(Readable row) {
        return new Unpublish(row.get("id", UUID.class), row.get("work_id", UUID.class), row.get("run_at", OffsetDateTime.class),
                row.get("reason", String.class), Unpublish.Status.valueOf(row.get("status", String.class)),
                row.get("revision", Integer.class), row.get("job_id", Long.class), row.get("requested_by", String.class),
                row.get("requested_at", OffsetDateTime.class), row.get("closed_by", String.class),
                row.get("closed_at", OffsetDateTime.class));
    }
}
