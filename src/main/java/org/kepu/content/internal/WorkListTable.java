package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.content.WorkKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of the console's works list: a page of works with their current draft, newest updated first. */
@Component
class WorkListTable {

    /**
     * What to list. Null criteria do not filter. {@code ids} with {@code idsIncluded} keeps only those works,
     * without it leaves them out (null: no id criterion); {@code published} true/false keeps works with/without a
     * public revision.
     */
    record Criteria(String organisation, WorkKind kind, String titleContains, Boolean published, List<UUID> ids,
                    boolean idsIncluded) {
    }

    record Row(UUID id, WorkKind kind, UUID organisationId, String organisation, String organisationName, String title,
               int draftRevision, Integer publishedRevision, OffsetDateTime updatedAt, List<UUID> media, UUID cover) {
    }

    private static final String FROM = """
             FROM content_work w
             JOIN org_organisation o ON o.id = w.organisation_id
             JOIN content_revision r ON r.work_id = w.id AND r.number = w.draft_revision
            WHERE (CAST(:organisation AS text) IS NULL OR o.slug = :organisation)
              AND (CAST(:kind AS text) IS NULL OR w.kind = :kind)
              AND (CAST(:title AS text) IS NULL OR r.title ILIKE '%' || :title || '%' ESCAPE '\\')
              AND (CAST(:published AS boolean) IS NULL OR (w.published_revision IS NOT NULL) = :published)
              AND (NOT :byIds OR (w.id = ANY(CAST(:ids AS uuid[]))) = :idsIncluded)""";

    private final DatabaseClient database;

    WorkListTable(DatabaseClient database) {
        this.database = database;
    }

    Flux<Row> page(Criteria criteria, int offset, int limit) {
        return bind(database.sql("""
                        SELECT w.id, w.kind, o.id AS organisation_id, o.slug AS organisation, o.name AS organisation_name,
                               r.title, w.draft_revision, w.published_revision, w.updated_at, r.media_assets, r.cover_asset
                        """ + FROM + """

                         ORDER BY w.updated_at DESC, w.id
                         LIMIT :limit OFFSET :offset"""), criteria)
                .bind("limit", limit).bind("offset", offset)
                .map(WorkListTable::row)
                .all();
    }

    Mono<Long> count(Criteria criteria) {
        return bind(database.sql("SELECT count(*) AS n\n" + FROM), criteria)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec sql, Criteria criteria) {
        sql = criteria.organisation() == null ? sql.bindNull("organisation", String.class) : sql.bind("organisation", criteria.organisation());
        sql = criteria.kind() == null ? sql.bindNull("kind", String.class) : sql.bind("kind", criteria.kind().name());
        sql = criteria.titleContains() == null ? sql.bindNull("title", String.class) : sql.bind("title", likeEscaped(criteria.titleContains()));
        sql = criteria.published() == null ? sql.bindNull("published", Boolean.class) : sql.bind("published", criteria.published());
        List<UUID> ids = criteria.ids() == null ? List.of() : criteria.ids();
        return sql.bind("byIds", criteria.ids() != null).bind("ids", ids.toArray(UUID[]::new))
                .bind("idsIncluded", criteria.idsIncluded());
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(Readable row) {
        UUID[] media = row.get("media_assets", UUID[].class);
        return new Row(row.get("id", UUID.class), WorkKind.valueOf(row.get("kind", String.class)),
                row.get("organisation_id", UUID.class), row.get("organisation", String.class),
                row.get("organisation_name", String.class), row.get("title", String.class),
                row.get("draft_revision", Integer.class), row.get("published_revision", Integer.class),
                row.get("updated_at", OffsetDateTime.class), media == null ? List.of() : Arrays.asList(media),
                row.get("cover_asset", UUID.class));
    }
}
