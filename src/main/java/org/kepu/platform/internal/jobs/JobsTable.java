package org.kepu.platform.internal.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.kepu.platform.Job;
import org.kepu.platform.JobId;
import org.kepu.platform.JobRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of the job table; every state change is guarded by the owning worker's id. */
@Component
public class JobsTable {

    private final DatabaseClient database;

    public JobsTable(DatabaseClient database) {
        this.database = database;
    }

    /** Inserts the job and notifies its kind, which PostgreSQL delivers to the listeners when the transaction commits. */
    Mono<JobId> insert(JobRequest request, int maxAttempts) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO platform_job (kind, payload, priority, max_attempts, run_at)
                        VALUES (:kind, :payload, :priority, :maxAttempts, COALESCE(:runAt, now()))
                        RETURNING id, pg_notify('%s', kind)""".formatted(JobNotifications.CHANNEL))
                .bind("kind", request.kind())
                .bind("payload", Json.of(request.payload()))
                .bind("priority", request.priority())
                .bind("maxAttempts", maxAttempts);
        insert = request.runAt() == null
                ? insert.bindNull("runAt", OffsetDateTime.class)
                : insert.bind("runAt", request.runAt().atOffset(ZoneOffset.UTC));
        return insert.map(row -> new JobId(row.get("id", Long.class))).one();
    }

    /** Fails running jobs whose lease ran out after their last allowed attempt (they crashed every worker). */
    Mono<Long> failExhaustedLeases(String kind) {
        return database.sql("""
                        UPDATE platform_job
                           SET status = 'FAILED', locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now(),
                               last_error = COALESCE(last_error || E'\\n', '') || 'lease expired on attempt ' || attempts || ': the worker stopped'
                         WHERE kind = :kind AND status = 'RUNNING' AND locked_until < now() AND attempts >= max_attempts""")
                .bind("kind", kind)
                .fetch().rowsUpdated();
    }

    Flux<Job> claim(String kind, int limit, String worker, Duration lease) {
        return database.sql("""
                        WITH next AS (
                            SELECT id FROM platform_job
                             WHERE kind = :kind
                               AND ((status = 'QUEUED' AND run_at <= now())
                                 OR (status = 'RUNNING' AND locked_until < now()))
                             ORDER BY priority DESC, run_at, id
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                        UPDATE platform_job job
                           SET status = 'RUNNING', locked_by = :worker, attempts = job.attempts + 1,
                               locked_until = now() + make_interval(secs => :leaseSeconds), updated_at = now()
                          FROM next
                         WHERE job.id = next.id
                        RETURNING job.id, job.kind, job.payload::text AS payload, job.attempts, job.max_attempts""")
                .bind("kind", kind)
                .bind("limit", limit)
                .bind("worker", worker)
                .bind("leaseSeconds", (double) lease.toMillis() / 1000)
                .map(row -> new Job(new JobId(row.get("id", Long.class)), row.get("kind", String.class),
                        row.get("payload", String.class), row.get("attempts", Integer.class), row.get("max_attempts", Integer.class)))
                .all();
    }

    Mono<Long> extendLeases(String worker, Collection<Long> ids, Duration lease) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return database.sql("""
                        UPDATE platform_job SET locked_until = now() + make_interval(secs => :leaseSeconds)
                         WHERE locked_by = :worker AND status = 'RUNNING' AND id = ANY(:ids)""")
                .bind("leaseSeconds", (double) lease.toMillis() / 1000)
                .bind("worker", worker)
                .bind("ids", ids.toArray(Long[]::new))
                .fetch().rowsUpdated();
    }

    Mono<Boolean> succeed(JobId id, String worker) {
        return database.sql("""
                        UPDATE platform_job
                           SET status = 'SUCCEEDED', locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now()
                         WHERE id = :id AND locked_by = :worker AND status = 'RUNNING'""")
                .bind("id", id.value())
                .bind("worker", worker)
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Queues the job again after {@code retryIn}, or fails it for good once its attempts are used up. */
    Mono<Boolean> fail(JobId id, String worker, String error, Duration retryIn) {
        return database.sql("""
                        UPDATE platform_job
                           SET status = CASE WHEN attempts >= max_attempts THEN 'FAILED' ELSE 'QUEUED' END,
                               finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
                               run_at = now() + make_interval(secs => :retrySeconds),
                               last_error = :error, locked_by = NULL, locked_until = NULL, updated_at = now()
                         WHERE id = :id AND locked_by = :worker AND status = 'RUNNING'""")
                .bind("retrySeconds", (double) retryIn.toMillis() / 1000)
                .bind("error", error)
                .bind("id", id.value())
                .bind("worker", worker)
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Hands this worker's running jobs back to the queue without counting the interrupted attempt. */
    Mono<Long> release(String worker) {
        return database.sql("""
                        UPDATE platform_job
                           SET status = 'QUEUED', attempts = GREATEST(attempts - 1, 0), locked_by = NULL, locked_until = NULL,
                               run_at = now(), updated_at = now()
                         WHERE locked_by = :worker AND status = 'RUNNING'""")
                .bind("worker", worker)
                .fetch().rowsUpdated();
    }

    /** Queues a failed job afresh; empty when the job does not exist or has not failed. */
    public Mono<JobRecord> retry(long id) {
        return database.sql("""
                        UPDATE platform_job
                           SET status = 'QUEUED', attempts = 0, run_at = now(), finished_at = NULL, updated_at = now()
                         WHERE id = :id AND status = 'FAILED'
                        RETURNING\s""" + RECORD_COLUMNS)
                .bind("id", id)
                .map(JobsTable::record)
                .one();
    }

    Mono<Boolean> pending(long id) {
        return database.sql("SELECT count(*) AS n FROM platform_job WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
                .bind("id", id)
                .map(row -> row.get("n", Long.class) > 0)
                .one();
    }

    public Mono<JobRecord> find(long id) {
        return database.sql(SELECT_RECORD + " WHERE id = :id").bind("id", id).map(JobsTable::record).one();
    }

    public Flux<JobRecord> list(JobStatus status, int limit, long beforeId) {
        return database.sql(SELECT_RECORD + " WHERE status = :status AND id < :beforeId ORDER BY id DESC LIMIT :limit")
                .bind("status", status.name())
                .bind("beforeId", beforeId)
                .bind("limit", limit)
                .map(JobsTable::record)
                .all();
    }

    private static final String RECORD_COLUMNS = """
            id, kind, status, priority, attempts, max_attempts, run_at, locked_by, last_error,
            payload::text AS payload, created_at, updated_at""";

    private static final String SELECT_RECORD = "SELECT " + RECORD_COLUMNS + " FROM platform_job";

    private static JobRecord record(Readable row) {
        return new JobRecord(row.get("id", Long.class), row.get("kind", String.class),
                JobStatus.valueOf(row.get("status", String.class)), row.get("priority", Integer.class),
                row.get("attempts", Integer.class), row.get("max_attempts", Integer.class),
                row.get("run_at", OffsetDateTime.class), row.get("locked_by", String.class),
                row.get("last_error", String.class), row.get("payload", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }
}
