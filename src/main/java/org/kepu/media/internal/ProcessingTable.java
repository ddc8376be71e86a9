package org.kepu.media.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaProcessing;
import org.kepu.media.MediaPurpose;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The processing state of assets and the files published for them. */
@Component
class ProcessingTable {

    record Rendition(String name, String path, String contentType, long bytes, Integer width, Integer height) {
    }

    private final DatabaseClient database;

    ProcessingTable(DatabaseClient database) {
        this.database = database;
    }

    /** Empty unless the asset is stored or was being processed when a worker stopped. */
    Mono<Boolean> start(MediaAssetId id) {
        return database.sql("""
                        UPDATE media_asset SET status = 'PROCESSING', progress = 0, updated_at = now()
                         WHERE id = :id AND status IN ('STORED', 'PROCESSING', 'PLAYABLE')""")
                .bind("id", id.id()).fetch().rowsUpdated().map(count -> count == 1);
    }

    Mono<Void> progress(MediaAssetId id, double done) {
        return database.sql("UPDATE media_asset SET progress = :done, updated_at = now() WHERE id = :id")
                .bind("id", id.id()).bind("done", (float) done).then();
    }

    Mono<Void> playable(MediaAssetId id) {
        return database.sql("UPDATE media_asset SET status = 'PLAYABLE', updated_at = now() WHERE id = :id AND status = 'PROCESSING'")
                .bind("id", id.id()).then();
    }

    Mono<Void> processed(MediaAssetId id, String factsJson) {
        return database.sql("""
                        UPDATE media_asset SET status = 'PROCESSED', progress = 1, facts = :facts, error = NULL, updated_at = now()
                         WHERE id = :id""")
                .bind("id", id.id()).bind("facts", Json.of(factsJson)).then();
    }

    Mono<Void> extracted(MediaAssetId id, String metadataJson, String text) {
        return database.sql("UPDATE media_asset SET extracted = :metadata, extracted_text = :text, updated_at = now() WHERE id = :id")
                .bind("id", id.id()).bind("metadata", Json.of(metadataJson)).bind("text", text).then();
    }

    Mono<Void> rejected(MediaAssetId id, String error) {
        return database.sql("UPDATE media_asset SET status = 'REJECTED', error = :error, updated_at = now() WHERE id = :id")
                .bind("id", id.id()).bind("error", error).then();
    }

    Mono<Void> publish(MediaAssetId id, Rendition rendition) {
        var insert = database.sql("""
                        INSERT INTO media_rendition (asset_id, name, path, content_type, bytes, width, height)
                        VALUES (:asset, :name, :path, :type, :bytes, :width, :height)
                        ON CONFLICT (asset_id, name) DO UPDATE
                           SET path = excluded.path, content_type = excluded.content_type, bytes = excluded.bytes,
                               width = excluded.width, height = excluded.height, created_at = now()""")
                .bind("asset", id.id()).bind("name", rendition.name()).bind("path", rendition.path())
                .bind("type", rendition.contentType()).bind("bytes", rendition.bytes());
        insert = rendition.width() == null ? insert.bindNull("width", Integer.class) : insert.bind("width", rendition.width());
        insert = rendition.height() == null ? insert.bindNull("height", Integer.class) : insert.bind("height", rendition.height());
        return insert.then();
    }

    record AssetRendition(UUID asset, Rendition rendition) {
    }

    Flux<AssetRendition> renditions(Collection<UUID> assets) {
        if (assets.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT asset_id, name, path, content_type, bytes, width, height FROM media_rendition WHERE asset_id = ANY(:assets) ORDER BY asset_id, name")
                .bind("assets", assets.toArray(UUID[]::new))
                .map(row -> new AssetRendition(row.get("asset_id", UUID.class), new Rendition(row.get("name", String.class),
                        row.get("path", String.class), row.get("content_type", String.class), row.get("bytes", Long.class),
                        row.get("width", Integer.class), row.get("height", Integer.class))))
                .all();
    }

    /** Status and recorded progress; progress only where the pipeline keeps it (stored, processing, processed). */
    Flux<MediaProcessing> states(Collection<UUID> assets) {
        return database.sql("""
                        SELECT id, purpose, status, progress FROM media_asset WHERE id = ANY(CAST(:assets AS uuid[]))""")
                .bind("assets", assets.toArray(UUID[]::new))
                .map(row -> {
                    MediaAssetStatus status = MediaAssetStatus.valueOf(row.get("status", String.class));
                    Float progress = row.get("progress", Float.class);
                    boolean kept = status == MediaAssetStatus.STORED || status == MediaAssetStatus.PROCESSING
                            || status == MediaAssetStatus.PLAYABLE || status == MediaAssetStatus.PROCESSED;
                    return new MediaProcessing(new MediaAssetId(row.get("id", UUID.class)),
                            MediaPurpose.valueOf(row.get("purpose", String.class)), status,
                            kept && progress != null ? Math.round(progress * 1000.0) / 1000.0 : null);
                })
                .all();
    }

    Flux<Rendition> renditions(UUID asset) {
        return renditions(List.of(asset)).map(AssetRendition::rendition);
    }

    Mono<String> extractedText(UUID asset) {
        return database.sql("SELECT extracted_text FROM media_asset WHERE id = :id AND extracted_text IS NOT NULL")
                .bind("id", asset).map(row -> row.get("extracted_text", String.class)).one();
    }
}
