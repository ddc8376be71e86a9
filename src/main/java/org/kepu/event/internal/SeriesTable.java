package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.org.Organisation;
import org.kepu.org.OrganisationId;
import org.kepu.org.OrganisationKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code event_series}. */
@Component
class SeriesTable {

    private static final String SELECT = """
            SELECT s.id, s.title, s.summary, s.description, s.organisation_id, o.slug AS organisation_slug,
                   o.name AS organisation_name, o.kind AS organisation_kind, s.topics, s.audience, s.cover_asset, s.cover_url,
                   s.status, s.stage, s.version, s.created_by, s.created_at, s.updated_by, s.updated_at, s.published_by,
                   s.published_at
              FROM event_series s JOIN org_organisation o ON o.id = s.organisation_id""";

    private final DatabaseClient database;

    SeriesTable(DatabaseClient database) {
        this.database = database;
    }

    Mono<Series> find(UUID id) {
        return database.sql(SELECT + " WHERE s.id = :id").bind("id", id).map(SeriesTable::series).one();
    }

    /** Locks the series' row until the surrounding transaction ends. */
    Mono<Series> lock(UUID id) {
        return database.sql(SELECT + " WHERE s.id = :id FOR UPDATE OF s").bind("id", id).map(SeriesTable::series).one();
    }

    /**
     * Series for the console, newest change first.
     *
     * @param status       null for every status
     * @param organisation an organisation's slug, or null for every organisation
     */
    Flux<Series> list(SeriesStatus status, String organisation, int limit) {
        var select = database.sql(SELECT + "\n" + """
                 WHERE (CAST(:status AS varchar) IS NULL OR s.status = :status)
                   AND (CAST(:organisation AS varchar) IS NULL OR o.slug = :organisation)
                 ORDER BY s.updated_at DESC, s.id LIMIT :limit""");
        select = Binding.bind(select, "status", status == null ? null : status.name(), String.class);
        select = Binding.bind(select, "organisation", organisation, String.class);
        return select.bind("limit", limit).map(SeriesTable::series).all();
    }

    Mono<UUID> insert(SeriesDetails details, String by) {
        var insert = database.sql("""
                INSERT INTO event_series (title, summary, description, organisation_id, topics, audience, cover_asset, cover_url,
                                          created_by, updated_by)
                VALUES (:title, :summary, :description, :organisation, :topics, :audience, :coverAsset, :coverUrl, :by, :by)
                RETURNING id""");
        return bindDetails(insert, details).bind("by", by).map(row -> row.get("id", UUID.class)).one();
    }

    /** Replaces the fields and raises the version. */
    Mono<Void> update(UUID id, SeriesDetails details, String by) {
        var update = database.sql("""
                UPDATE event_series
                   SET title = :title, summary = :summary, description = :description, organisation_id = :organisation,
                       topics = :topics, audience = :audience, cover_asset = :coverAsset, cover_url = :coverUrl,
                       version = version + 1, updated_by = :by, updated_at = now()
                 WHERE id = :id""");
        return bindDetails(update, details).bind("by", by).bind("id", id).then();
    }

    /** Moves the series to {@code status} ({@code stage} only with REVIEW) and raises the version. */
    Mono<Void> move(UUID id, SeriesStatus status, ReviewStage stage, String by) {
        var update = database.sql("""
                UPDATE event_series SET status = :status, stage = :stage, version = version + 1, updated_by = :by, updated_at = now()
                 WHERE id = :id""");
        update = Binding.bind(update.bind("status", status.name()), "stage", stage == null ? null : stage.name(), String.class);
        return update.bind("by", by).bind("id", id).then();
    }

    Mono<Void> published(UUID id, String by) {
        return database.sql("""
                        UPDATE event_series SET status = 'PUBLISHED', stage = NULL, version = version + 1, updated_by = :by,
                               updated_at = now(), published_by = :by, published_at = now()
                         WHERE id = :id""")
                .bind("by", by).bind("id", id).then();
    }

    /** Marks a change of the series' occurrences (for listings ordered by change). */
    Mono<Void> touched(UUID id, String by) {
        return database.sql("UPDATE event_series SET version = version + 1, updated_by = :by, updated_at = now() WHERE id = :id")
                .bind("by", by).bind("id", id).then();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec, SeriesDetails details) {
        spec = spec.bind("title", details.title()).bind("summary", details.summary()).bind("description", details.description())
                .bind("organisation", details.organiser().id().value()).bind("topics", details.topics().toArray(String[]::new))
                .bind("audience", details.audience());
        spec = Binding.bind(spec, "coverAsset", details.coverAsset(), UUID.class);
        return Binding.bind(spec, "coverUrl", details.coverUrl(), String.class);
    }

    private static Series series(Readable row) {
        Organisation organiser = new Organisation(new OrganisationId(row.get("organisation_id", UUID.class)),
                row.get("organisation_slug", String.class), row.get("organisation_name", String.class),
                OrganisationKind.valueOf(row.get("organisation_kind", String.class)));
        String stage = row.get("stage", String.class);
        return new Series(row.get("id", UUID.class), row.get("title", String.class), row.get("summary", String.class),
                row.get("description", String.class), organiser, Arrays.asList(row.get("topics", String[].class)),
                row.get("audience", String.class), row.get("cover_asset", UUID.class), row.get("cover_url", String.class),
                SeriesStatus.valueOf(row.get("status", String.class)), stage == null ? null : ReviewStage.valueOf(stage),
                row.get("version", Integer.class), row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class),
                row.get("updated_by", String.class), row.get("updated_at", OffsetDateTime.class), row.get("published_by", String.class),
                row.get("published_at", OffsetDateTime.class));
    }
}
