package org.kepu.media.internal.delivery;

import java.util.Collection;
import java.util.UUID;

import org.kepu.media.MediaAssetId;
import org.kepu.media.PublicMedia;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The SQL of {@code media_public_asset}: one row per public asset and published work using it. */
@Component
class PublicAssets implements PublicMedia {

    private final DatabaseClient database;

    PublicAssets(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> release(UUID work, Collection<MediaAssetId> assets) {
        UUID[] ids = assets.stream().map(MediaAssetId::id).distinct().toArray(UUID[]::new);
        Mono<Void> dropped = database.sql("""
                        DELETE FROM media_public_asset
                         WHERE work_id = :work AND NOT (asset_id = ANY(CAST(:assets AS uuid[])))""")
                .bind("work", work).bind("assets", ids)
                .then();
        Mono<Void> added = ids.length == 0 ? Mono.empty() : database.sql("""
                        INSERT INTO media_public_asset (asset_id, work_id)
                        SELECT asset, :work FROM unnest(CAST(:assets AS uuid[])) AS asset
                        ON CONFLICT DO NOTHING""")
                .bind("work", work).bind("assets", ids)
                .then();
        return dropped.then(added);
    }

    @Override
    public Mono<Void> withdraw(UUID work) {
        return database.sql("DELETE FROM media_public_asset WHERE work_id = :work").bind("work", work).then();
    }

    @Override
    public Mono<Boolean> isPublic(MediaAssetId asset) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM media_public_asset WHERE asset_id = :asset) AS public")
                .bind("asset", asset.id())
                .map(row -> row.get("public", Boolean.class))
                .one();
    }
}
