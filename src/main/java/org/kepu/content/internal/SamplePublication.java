package org.kepu.content.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kepu.content.WorkId;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaAssets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The sample works of an embedded installation go public as soon as their media can be played, so that a
 * fresh demo shows a site with content. They are the product's own demo content (the manifest in
 * {@code content-samples/}), so they do not pass the review chain; each publication is audited with the actor
 * {@code samples}. A sample an editor has unpublished is never published again by this.
 */
@Component
class SamplePublication {

    static final String ACTOR = "samples";
    private static final Logger log = LoggerFactory.getLogger(SamplePublication.class);
    private static final Set<MediaAssetStatus> READY = Set.of(MediaAssetStatus.PLAYABLE, MediaAssetStatus.PROCESSED);

    record Candidate(UUID work, int revision, List<UUID> media) {
    }

    private final DatabaseClient database;
    private final MediaAssets media;
    private final WorkPublication publication;
    private final TransactionalOperator transaction;

    SamplePublication(DatabaseClient database, MediaAssets media, WorkPublication publication, TransactionalOperator transaction) {
        this.database = database;
        this.media = media;
        this.publication = publication;
        this.transaction = transaction;
    }

    /** Publishes the unpublished sample works that use {@code asset} and whose media are all ready. */
    Mono<Void> publishReady(UUID asset) {
        return database.sql("""
                        SELECT w.id, w.draft_revision, r.media_assets
                          FROM content_sample s
                          JOIN content_work w ON w.id = s.work_id
                          JOIN content_revision r ON r.work_id = w.id AND r.number = w.draft_revision
                         WHERE w.published_revision IS NULL AND w.unpublished_at IS NULL
                           AND (r.media_assets @> ARRAY[CAST(:asset AS uuid)] OR r.cover_asset = :asset)""")
                .bind("asset", asset)
                .map(row -> new Candidate(row.get("id", UUID.class), row.get("draft_revision", Integer.class),
                        List.of(row.get("media_assets", UUID[].class))))
                .all().collectList()
                .flatMapIterable(candidates -> candidates)
                .concatMap(this::publishIfReady)
                .then();
    }

    private Mono<Void> publishIfReady(Candidate candidate) {
        return media.details(candidate.media().stream().map(MediaAssetId::new).toList())
                .filter(found -> READY.contains(found.status()))
                .count()
                .filter(ready -> ready == candidate.media().size())
                .flatMap(ready -> transaction.transactional(publication.publish(new WorkId(candidate.work()), candidate.revision(), ACTOR)))
                .doOnNext(published -> log.info("Published sample work {}", candidate.work()))
                .then();
    }
}
