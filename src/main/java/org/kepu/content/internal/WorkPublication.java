package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.content.WorkId;
import org.kepu.content.WorkPublished;
import org.kepu.content.WorkUnpublished;
import org.kepu.media.MediaAssetId;
import org.kepu.media.PublicMedia;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ModuleEvents;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sets and clears a work's public revision, under the work's row lock and in the caller's transaction:
 * the media module learns in the same transaction which assets are public now (media cannot listen to
 * content's events without a module cycle, so it is told through its API), the change is audited, and
 * {@link WorkPublished} / {@link WorkUnpublished} go to {@link ModuleEvents} listeners inside the same transaction
 * (e.g. search queues its indexing job there).
 */
@Component
class WorkPublication {

    /** What a work is when it is not public: never published, or unpublished. */
    enum State {
        DRAFT, PUBLISHED, UNPUBLISHED
    }

    private final DatabaseClient database;
    private final PublicMedia publicMedia;
    private final AuditLog audit;
    private final ModuleEvents events;

    WorkPublication(DatabaseClient database, PublicMedia publicMedia, AuditLog audit, ModuleEvents events) {
        this.database = database;
        this.publicMedia = publicMedia;
        this.audit = audit;
        this.events = events;
    }

    Mono<WorkPublished> publish(WorkId id, int revision, String by) {
        return database.sql("""
                        WITH old AS (SELECT published_revision FROM content_work WHERE id = :id FOR UPDATE)
                        UPDATE content_work w SET published_revision = :revision, published_at = now(), published_by = :by,
                                                  updated_at = now()
                          FROM old
                         WHERE w.id = :id AND EXISTS (SELECT 1 FROM content_revision r WHERE r.work_id = :id AND r.number = :revision)
                        RETURNING old.published_revision AS previous""")
                .bind("id", id.value()).bind("revision", revision).bind("by", by)
                .map(row -> new Previous(row.get("previous", Integer.class)))
                .one()
                .flatMap(previous -> media(id.value(), revision)
                        .map(media -> new WorkPublished(id, revision, previous.revision(), by, media)))
                .flatMap(published -> publicMedia.release(id.value(), published.media())
                        .then(audit.record(by, "work.published", "work:" + id.value(), Map.of("revision", revision,
                                "previousRevision", String.valueOf(published.previousRevision()), "media", ids(published.media()))))
                        .thenReturn(published))
                .flatMap(event -> events.publish(event).thenReturn(event));
    }

    /** Empty when the work does not exist; 409 {@code work-not-published} naming the state when it is not public. */
    Mono<WorkUnpublished> unpublish(WorkId id, String by, String reason) {
        return lock(id.value())
                .flatMap(locked -> locked.state() != State.PUBLISHED
                        ? Mono.<WorkUnpublished>error(notPublished(locked.state()))
                        : database.sql("""
                                        UPDATE content_work SET published_revision = NULL, unpublished_at = now(), unpublished_by = :by,
                                                                updated_at = now()
                                         WHERE id = :id""")
                                .bind("id", id.value()).bind("by", by)
                                .then()
                                .then(media(id.value(), locked.publishedRevision()))
                                .map(media -> new WorkUnpublished(id, locked.publishedRevision(), by, reason, media)))
                .flatMap(unpublished -> publicMedia.withdraw(id.value())
                        .then(audit.record(by, "work.unpublished", "work:" + id.value(), Map.of("revision", unpublished.revision(),
                                "reason", reason, "media", ids(unpublished.media()))))
                        .thenReturn(unpublished))
                .flatMap(event -> events.publish(event).thenReturn(event));
    }

    record Locked(Integer publishedRevision, State state) {
    }

    /** Locks the work's row until the transaction ends; empty when there is no such work. */
    Mono<Locked> lock(UUID id) {
        return database.sql("SELECT published_revision, unpublished_at FROM content_work WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map(row -> {
                    Integer published = row.get("published_revision", Integer.class);
                    State state = published != null ? State.PUBLISHED
                            : row.get("unpublished_at", OffsetDateTime.class) != null ? State.UNPUBLISHED : State.DRAFT;
                    return new Locked(published, state);
                })
                .one();
    }

    static ProblemException notPublished(State state) {
        return new ProblemException(HttpStatus.CONFLICT, "work-not-published", state.name());
    }

    /** Every asset a revision uses: its media (video, audio, documents, images) and its cover. */
    private Mono<List<MediaAssetId>> media(UUID work, int revision) {
        return database.sql("SELECT media_assets, cover_asset FROM content_revision WHERE work_id = :work AND number = :number")
                .bind("work", work).bind("number", revision)
                .map(row -> {
                    UUID[] media = row.get("media_assets", UUID[].class);
                    List<UUID> used = new ArrayList<>(media == null ? List.of() : Arrays.asList(media));
                    UUID cover = row.get("cover_asset", UUID.class);
                    if (cover != null) {
                        used.add(cover);
                    }
                    return used.stream().distinct().map(MediaAssetId::new).toList();
                })
                .one();
    }

    private static String ids(List<MediaAssetId> media) {
        return String.join(",", media.stream().map(MediaAssetId::toString).toList());
    }

    private record Previous(Integer revision) {
    }
}
