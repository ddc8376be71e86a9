package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.kepu.content.WorkFacts;
import org.kepu.content.WorkId;
import org.kepu.content.WorkKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of works and their revisions. Revisions are inserted, never updated. */
@Component
class WorksTable {

    private static final TypeReference<List<Credit>> CREDITS = new TypeReference<>() {
    };
    private static final String REVISION_COLUMNS = """
            number, title, summary, body_format, body_source, body_html, topics, columns, tags,
            credits::text AS credits, originality, licence, cover_asset, media_assets, created_by, created_at""";

    private final DatabaseClient database;
    private final JsonMapper json;

    WorksTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<Void> insertWork(UUID id, WorkKind kind, UUID organisation, String createdBy) {
        return database.sql("""
                        INSERT INTO content_work (id, kind, organisation_id, draft_revision, created_by)
                        VALUES (:id, :kind, :organisation, 1, :createdBy)""")
                .bind("id", id).bind("kind", kind.name()).bind("organisation", organisation).bind("createdBy", createdBy)
                .then();
    }

    record LockedDraft(WorkKind kind, int draftRevision) {
    }

    /** Locks the work's row until the transaction ends; empty when there is no such work. */
    Mono<LockedDraft> lockDraft(UUID id) {
        return database.sql("SELECT kind, draft_revision FROM content_work WHERE id = :id FOR UPDATE").bind("id", id)
                .map(row -> new LockedDraft(WorkKind.valueOf(row.get("kind", String.class)), row.get("draft_revision", Integer.class)))
                .one();
    }

    /** Works whose current draft uses the asset, as media or as cover. */
    Flux<UUID> draftsUsing(UUID asset) {
        return database.sql("""
                        SELECT w.id FROM content_work w
                          JOIN content_revision r ON r.work_id = w.id AND r.number = w.draft_revision
                         WHERE r.media_assets @> ARRAY[CAST(:asset AS uuid)] OR r.cover_asset = :asset""")
                .bind("asset", asset)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /** Takes the next revision number for the work, locking its row against concurrent saves. */
    Mono<Integer> nextRevision(UUID id) {
        return database.sql("""
                        UPDATE content_work SET draft_revision = draft_revision + 1, updated_at = now()
                         WHERE id = :id RETURNING draft_revision""")
                .bind("id", id)
                .map(row -> row.get("draft_revision", Integer.class))
                .one();
    }

    Mono<Void> insertRevision(UUID work, int number, WorkDraft draft, String bodyHtml, String createdBy) {
        var insert = database.sql("""
                        INSERT INTO content_revision (work_id, number, title, summary, body_format, body_source, body_html,
                                                      topics, columns, tags, credits, originality, licence, cover_asset,
                                                      media_assets, created_by)
                        VALUES (:work, :number, :title, :summary, :bodyFormat, :bodySource, :bodyHtml, :topics, :columns,
                                :tags, :credits, :originality, :licence, :coverAsset, :mediaAssets, :createdBy)""")
                .bind("work", work).bind("number", number)
                .bind("title", draft.title().strip()).bind("summary", draft.summary())
                .bind("bodyFormat", draft.bodyFormat().name()).bind("bodySource", draft.body()).bind("bodyHtml", bodyHtml)
                .bind("topics", draft.topics().toArray(String[]::new))
                .bind("columns", draft.columns().toArray(String[]::new))
                .bind("tags", draft.tags().toArray(String[]::new))
                .bind("credits", Json.of(json.writeValueAsString(draft.credits())))
                .bind("originality", draft.originality().name()).bind("licence", draft.licence())
                .bind("mediaAssets", draft.mediaAssets().toArray(UUID[]::new))
                .bind("createdBy", createdBy);
        insert = draft.coverAsset() == null ? insert.bindNull("coverAsset", UUID.class) : insert.bind("coverAsset", draft.coverAsset());
        return insert.then();
    }

    Mono<WorkView> find(UUID id) {
        return database.sql("""
                        SELECT w.id, w.kind, o.slug AS organisation, w.draft_revision, w.published_revision, w.created_by,
                               w.created_at, w.updated_at
                          FROM content_work w JOIN org_organisation o ON o.id = w.organisation_id
                         WHERE w.id = :id""")
                .bind("id", id)
                .map(row -> new WorkView(row.get("id", UUID.class), WorkKind.valueOf(row.get("kind", String.class)),
                        row.get("organisation", String.class), row.get("draft_revision", Integer.class),
                        row.get("published_revision", Integer.class), row.get("created_by", String.class),
                        row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class), null))
                .one()
                .flatMap(work -> revision(id, work.draftRevision()).map(work::withDraft));
    }

    /** Facts of many works in one query (their current draft's title and topics). */
    Flux<WorkFacts> facts(List<UUID> ids) {
        return database.sql("""
                        SELECT w.id, w.kind, o.slug AS organisation, w.draft_revision, w.published_revision, r.title, r.topics
                          FROM content_work w JOIN org_organisation o ON o.id = w.organisation_id
                          JOIN content_revision r ON r.work_id = w.id AND r.number = w.draft_revision
                         WHERE w.id = ANY(CAST(:ids AS uuid[]))""")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> new WorkFacts(new WorkId(row.get("id", UUID.class)), WorkKind.valueOf(row.get("kind", String.class)),
                        row.get("organisation", String.class), row.get("draft_revision", Integer.class),
                        row.get("published_revision", Integer.class), row.get("title", String.class),
                        list(row.get("topics", String[].class))))
                .all();
    }

    Mono<Revision> revision(UUID work, int number) {
        return database.sql("SELECT " + REVISION_COLUMNS + " FROM content_revision WHERE work_id = :work AND number = :number")
                .bind("work", work).bind("number", number)
                .map(row -> revision(row))
                .one();
    }

    Flux<Revision> revisions(UUID work) {
        return database.sql("SELECT " + REVISION_COLUMNS + " FROM content_revision WHERE work_id = :work ORDER BY number DESC")
                .bind("work", work)
                .map(row -> revision(row))
                .all();
    }

    private Revision revision(Readable row) {
        return new Revision(row.get("number", Integer.class), row.get("title", String.class), row.get("summary", String.class),
                WorkDraft.BodyFormat.valueOf(row.get("body_format", String.class)), row.get("body_source", String.class),
                row.get("body_html", String.class), list(row.get("topics", String[].class)),
                list(row.get("columns", String[].class)), list(row.get("tags", String[].class)),
                json.readValue(row.get("credits", String.class), CREDITS),
                WorkDraft.Originality.valueOf(row.get("originality", String.class)), row.get("licence", String.class),
                row.get("cover_asset", UUID.class), list(row.get("media_assets", UUID[].class)),
                row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class));
    }

    private static <T> List<T> list(T[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
