package org.kepu.media.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaPurpose;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SQL of {@code media_upload}. An upload moves UPLOADING → COMPLETING → COMPLETED or REJECTED,
 * or UPLOADING → ABORTING → ABORTED; each move is a guarded update, so two instances never act on
 * the same upload at once.
 */
@Component
class UploadsTable {

    record Upload(UUID id, MediaAssetId asset, MediaPurpose purpose, String objectKey, String s3UploadId,
                  long declaredSize, long partSize, int partCount, String status, OffsetDateTime expiresAt) {
    }

    private static final String SELECT = """
            SELECT u.id, u.asset_id, a.purpose, a.object_key, u.s3_upload_id, u.declared_size, u.part_size, u.part_count,
                   u.status, u.expires_at
              FROM media_upload u JOIN media_asset a ON a.id = u.asset_id""";

    private final DatabaseClient database;

    UploadsTable(DatabaseClient database) {
        this.database = database;
    }

    Mono<UUID> insert(MediaAssetId asset, String s3UploadId, long declaredSize, long partSize, int partCount,
                      Duration expiry) {
        return database.sql("""
                        INSERT INTO media_upload (id, asset_id, s3_upload_id, declared_size, part_size, part_count, status, expires_at)
                        VALUES (gen_random_uuid(), :asset, :s3, :size, :partSize, :partCount, 'UPLOADING',
                                now() + make_interval(secs => :expiry))
                        RETURNING id""")
                .bind("asset", asset.id()).bind("s3", s3UploadId).bind("size", declaredSize)
                .bind("partSize", partSize).bind("partCount", partCount).bind("expiry", (double) expiry.toMillis() / 1000)
                .map(row -> row.get("id", UUID.class)).one();
    }

    Mono<Upload> findOwned(UUID id, String user) {
        return database.sql(SELECT + " WHERE u.id = :id AND a.uploaded_by = :user")
                .bind("id", id).bind("user", user).map(UploadsTable::upload).one();
    }

    /** Empty unless the upload was UPLOADING (and, when {@code unexpiredOnly}, not expired). */
    Mono<Upload> move(UUID id, String from, String to, boolean unexpiredOnly) {
        return database.sql("""
                        WITH moved AS (
                            UPDATE media_upload SET status = :to, updated_at = now()
                             WHERE id = :id AND status = :from""" + (unexpiredOnly ? " AND expires_at > now()" : "") + """

                            RETURNING *)
                        SELECT u.id, u.asset_id, a.purpose, a.object_key, u.s3_upload_id, u.declared_size, u.part_size,
                               u.part_count, u.status, u.expires_at
                          FROM moved u JOIN media_asset a ON a.id = u.asset_id""")
                .bind("id", id).bind("from", from).bind("to", to)
                .map(UploadsTable::upload).one();
    }

    Mono<Void> setStatus(UUID id, String status) {
        return database.sql("UPDATE media_upload SET status = :status, updated_at = now() WHERE id = :id")
                .bind("id", id).bind("status", status).then();
    }

    /**
     * Claims expired uploads for the cleanup: they become ABORTING with a new deadline, so an instance
     * that dies while aborting leaves them for a later sweep. Stuck completions count after an hour.
     */
    Flux<Upload> claimExpired(int limit, Duration retryAfter) {
        return database.sql("""
                        WITH next AS (
                            SELECT id FROM media_upload
                             WHERE (status IN ('UPLOADING', 'ABORTING') AND expires_at < now())
                                OR (status = 'COMPLETING' AND updated_at < now() - interval '1 hour')
                             ORDER BY expires_at
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED),
                        moved AS (
                            UPDATE media_upload u
                               SET status = 'ABORTING', expires_at = now() + make_interval(secs => :retry), updated_at = now()
                              FROM next
                             WHERE u.id = next.id
                            RETURNING u.*)
                        SELECT u.id, u.asset_id, a.purpose, a.object_key, u.s3_upload_id, u.declared_size, u.part_size,
                               u.part_count, u.status, u.expires_at
                          FROM moved u JOIN media_asset a ON a.id = u.asset_id""")
                .bind("limit", limit).bind("retry", (double) retryAfter.toMillis() / 1000)
                .map(UploadsTable::upload).all();
    }

    private static Upload upload(Readable row) {
        return new Upload(row.get("id", UUID.class), new MediaAssetId(row.get("asset_id", UUID.class)),
                MediaPurpose.valueOf(row.get("purpose", String.class)), row.get("object_key", String.class),
                row.get("s3_upload_id", String.class), row.get("declared_size", Long.class), row.get("part_size", Long.class),
                row.get("part_count", Integer.class), row.get("status", String.class),
                row.get("expires_at", OffsetDateTime.class));
    }
}
