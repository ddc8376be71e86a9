package org.kepu.media.internal;

import java.security.Principal;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaPurpose;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The SQL of {@code media_asset}. Status changes leave UPLOADING exactly once. */
@Component
class AssetsTable {

    private static final String COLUMNS = "id, purpose, status, original_name, detected_type, size_bytes, object_key";

    private final DatabaseClient database;

    AssetsTable(DatabaseClient database) {
        this.database = database;
    }

    /** The uploader's society is that of the signed-in account of the request, if any (none for staff and jobs). */
    Mono<MediaAsset> insert(MediaPurpose purpose, String originalName, String declaredType, String uploadedBy) {
        return AssetReaders.uploaderSociety().flatMap(society -> {
            // The database makes the id: UUID.randomUUID() may block on the system's entropy source.
            DatabaseClient.GenericExecuteSpec insert = database.sql("""
                            WITH new AS (SELECT gen_random_uuid() AS id)
                            INSERT INTO media_asset (id, purpose, status, original_name, declared_type, object_key, uploaded_by,
                                                     organisation)
                            SELECT id, :purpose, 'UPLOADING', :name, :declaredType, CAST(:keyPrefix AS text) || id::text, :uploadedBy,
                                   :organisation
                              FROM new
                            RETURNING\s""" + COLUMNS)
                    .bind("purpose", purpose.name())
                    .bind("name", originalName)
                    .bind("keyPrefix", ObjectKeys.ORIGINALS)
                    .bind("uploadedBy", uploadedBy);
            insert = declaredType == null ? insert.bindNull("declaredType", String.class) : insert.bind("declaredType", declaredType);
            insert = society.isEmpty() ? insert.bindNull("organisation", String.class) : insert.bind("organisation", society.get());
            return insert.map(AssetsTable::asset).one();
        });
    }

    Mono<MediaAsset> find(MediaAssetId id) {
        return database.sql("SELECT " + COLUMNS + " FROM media_asset WHERE id = :id")
                .bind("id", id.id()).map(AssetsTable::asset).one();
    }

    Mono<String> uploader(MediaAssetId id) {
        return database.sql("SELECT uploaded_by FROM media_asset WHERE id = :id").bind("id", id.id())
                .map(row -> row.get("uploaded_by", String.class)).one();
    }

    Mono<MediaAsset> findVisible(MediaAssetId id, Principal user) {
        if (AssetReaders.seesEveryAsset(user)) {
            return find(id);
        }
        String society = AssetReaders.societyOf(user);
        if (society == null) {
            return findOwned(id, user.getName());
        }
        return database.sql("SELECT " + COLUMNS + " FROM media_asset WHERE id = :id AND (uploaded_by = :user OR organisation = :society)")
                .bind("id", id.id()).bind("user", user.getName()).bind("society", society)
                .map(AssetsTable::asset).one();
    }

    Mono<MediaAsset> findOwned(MediaAssetId id, String user) {
        return database.sql("SELECT " + COLUMNS + " FROM media_asset WHERE id = :id AND uploaded_by = :user")
                .bind("id", id.id()).bind("user", user).map(AssetsTable::asset).one();
    }

    /** Empty when the asset had already left UPLOADING. */
    Mono<MediaAsset> markStored(MediaAssetId id, String detectedType, long size) {
        return database.sql("""
                        UPDATE media_asset SET status = 'STORED', detected_type = :type, size_bytes = :size, error = NULL, updated_at = now()
                         WHERE id = :id AND status = 'UPLOADING'
                        RETURNING\s""" + COLUMNS)
                .bind("id", id.id()).bind("type", detectedType).bind("size", size)
                .map(AssetsTable::asset).one();
    }

    Mono<Void> markRejected(MediaAssetId id, String detectedType, String error) {
        DatabaseClient.GenericExecuteSpec update = database.sql("""
                        UPDATE media_asset SET status = 'REJECTED', detected_type = :type, error = :error, updated_at = now()
                         WHERE id = :id AND status = 'UPLOADING'""")
                .bind("id", id.id()).bind("error", error);
        update = detectedType == null ? update.bindNull("type", String.class) : update.bind("type", detectedType);
        return update.then();
    }

    Mono<Void> markAborted(MediaAssetId id, String reason) {
        return database.sql("""
                        UPDATE media_asset SET status = 'ABORTED', error = :reason, updated_at = now()
                         WHERE id = :id AND status = 'UPLOADING'""")
                .bind("id", id.id()).bind("reason", reason).then();
    }

    private static MediaAsset asset(Readable row) {
        return new MediaAsset(new MediaAssetId(row.get("id", UUID.class)),
                MediaPurpose.valueOf(row.get("purpose", String.class)),
                MediaAssetStatus.valueOf(row.get("status", String.class)),
                row.get("original_name", String.class), row.get("detected_type", String.class),
                row.get("size_bytes", Long.class), row.get("object_key", String.class));
    }
}
