package org.kepu.media.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.minio.ListMultipartUploadsArgs;
import io.minio.MinioAsyncClient;
import io.minio.StatObjectArgs;
import org.kepu.platform.StorageBucket;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an upload left behind: rows, objects, unfinished multipart uploads and queued jobs. */
final class MediaTraces {

    /** Statuses of an accepted original: stored, and possibly already picked up by the processing job. */
    static final java.util.List<String> ACCEPTED = java.util.List.of("STORED", "PROCESSING", "PLAYABLE", "PROCESSED");

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DatabaseClient database;
    private final MinioAsyncClient storage;
    private final String bucket;

    MediaTraces(DatabaseClient database, MinioAsyncClient storage, StorageBucket bucket) {
        this.database = database;
        this.storage = storage;
        this.bucket = bucket.name();
    }

    List<UUID> assetsNamed(String originalName) {
        return database.sql("SELECT id FROM media_asset WHERE original_name = :name")
                .bind("name", originalName).map(row -> row.get("id", UUID.class)).all().collectList().block(WAIT);
    }

    String status(UUID asset) {
        return database.sql("SELECT status FROM media_asset WHERE id = :id")
                .bind("id", asset).map(row -> row.get("status", String.class)).one().block(WAIT);
    }

    String uploadStatus(UUID upload) {
        return database.sql("SELECT status FROM media_upload WHERE id = :id")
                .bind("id", upload).map(row -> row.get("status", String.class)).one().block(WAIT);
    }

    long processJobsFor(UUID asset) {
        return database.sql("SELECT count(*) AS n FROM platform_job WHERE kind = 'media.process' AND payload->>'asset' = :asset")
                .bind("asset", asset.toString()).map(row -> row.get("n", Long.class)).one().block(WAIT);
    }

    long storedSize(UUID asset) throws Exception {
        return storage.statObject(StatObjectArgs.builder().bucket(bucket).object("originals/" + asset).build()).get().size();
    }

    /** The asset's row is absent or REJECTED/ABORTED, and object storage holds nothing for it. */
    void assertNothingStored(UUID asset) throws Exception {
        assertThat(status(asset)).isIn(null, "REJECTED", "ABORTED");
        assertThatThrownBy(() -> storedSize(asset)).hasMessageContaining("NoSuchKey");
        assertThat(unfinishedUploads("originals/" + asset)).isEmpty();
        assertThat(processJobsFor(asset)).isZero();
    }

    void assertNothingStoredNamed(String originalName) throws Exception {
        for (UUID asset : assetsNamed(originalName)) {
            assertNothingStored(asset);
        }
    }

    List<String> unfinishedUploads(String key) throws Exception {
        var uploads = storage.listMultipartUploads(ListMultipartUploadsArgs.builder().bucket(bucket).prefix(key).build())
                .get().result().uploads();
        return uploads == null ? List.of() : uploads.stream().map(upload -> upload.objectName()).toList();
    }
}
