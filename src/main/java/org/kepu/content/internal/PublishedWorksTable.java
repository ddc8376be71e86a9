package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.kepu.content.Publication;
import org.kepu.content.PublishedRevision;
import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.content.WorkKind;
import org.kepu.content.WorkListing;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Component
class PublishedWorksTable implements PublishedWorks {

    private static final TypeReference<List<Credit>> CREDITS = new TypeReference<>() {
    };
    /** Public works, each with its published revision and owner. */
    private static final String PUBLISHED = """
              FROM content_work w
              JOIN org_organisation o ON o.id = w.organisation_id
              JOIN content_revision r ON r.work_id = w.id AND r.number = w.published_revision
             WHERE w.published_revision IS NOT NULL""";
    private static final String SELECT = """
            SELECT w.id, w.published_revision, w.publication_version, w.kind, w.published_at, o.slug AS organisation, o.name AS organisation_name,
                   r.title, r.summary, r.body_html, r.topics, r.columns, r.tags, r.credits::text AS credits,
                   r.cover_asset, r.media_assets""" + " " + PUBLISHED;
    private static final String COUNT = "SELECT count(*) " + PUBLISHED;
    /** The smallest uuid in PostgreSQL's (unsigned, byte-wise) order. */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private final DatabaseClient database;
    private final JsonMapper json;

    PublishedWorksTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Mono<PublishedWork> find(WorkId id) {
        return database.sql(SELECT + " AND w.id = :id").bind("id", id.value()).map(this::work).one();
    }

    @Override
    public Mono<Publication> publication(WorkId id) {
        return database.sql("SELECT publication_version FROM content_work WHERE id = :id").bind("id", id.value())
                .map(row -> row.get("publication_version", Long.class)).one()
                .flatMap(version -> find(id).map(work -> new Publication(id, work.version(), work))
                        .defaultIfEmpty(new Publication(id, version, null)));
    }

    @Override
    public Flux<PublishedWork> all(int pageSize) {
        return paged(after -> database.sql(SELECT + " AND w.id > :after ORDER BY w.id LIMIT :size")
                .bind("after", after).bind("size", pageSize).map(this::work).all(), pageSize, work -> work.id().value());
    }

    @Override
    public Flux<PublishedWork> list(WorkListing listing) {
        return filtered(SELECT, listing, true, " ORDER BY w.published_at DESC, w.id LIMIT :limit OFFSET :offset")
                .bind("limit", listing.limit()).bind("offset", listing.offset())
                .map(this::work).all();
    }

    @Override
    public Mono<Long> count(WorkListing listing) {
        return filtered(COUNT, listing, false, "").map(row -> row.get(0, Long.class)).one();
    }

    private DatabaseClient.GenericExecuteSpec filtered(String select, WorkListing listing, boolean exclusions, String tail) {
        StringBuilder sql = new StringBuilder(select);
        Map<String, Object> values = new LinkedHashMap<>();
        if (listing.topic() != null) {
            sql.append(" AND :topic = ANY(r.topics)");
            values.put("topic", listing.topic());
        }
        if (listing.column() != null) {
            sql.append(" AND :column = ANY(r.columns)");
            values.put("column", listing.column());
        }
        if (listing.organisation() != null) {
            sql.append(" AND o.slug = :organisation");
            values.put("organisation", listing.organisation());
        }
        if (listing.kind() != null) {
            sql.append(" AND w.kind = :kind");
            values.put("kind", listing.kind().name());
        }
        if (exclusions && !listing.excluding().isEmpty()) {
            sql.append(" AND w.id <> ALL(:excluding)");
            values.put("excluding", listing.excluding().stream().map(WorkId::value).toArray(UUID[]::new));
        }
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.append(tail).toString());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec;
    }

    @Override
    public Mono<String> tag(String tag) {
        return database.sql("""
                        SELECT t.tag
                          FROM content_work w
                          JOIN content_revision r ON r.work_id = w.id AND r.number = w.published_revision
                         CROSS JOIN unnest(r.tags) AS t(tag)
                         WHERE w.published_revision IS NOT NULL AND lower(t.tag) = lower(:tag)
                         LIMIT 1""")
                .bind("tag", tag).map(row -> row.get("tag", String.class)).one();
    }

    @Override
    public Flux<PublishedRevision> revisions(int pageSize) {
        return paged(after -> database.sql("""
                        SELECT id, published_revision, publication_version FROM content_work
                         WHERE published_revision IS NOT NULL AND id > :after ORDER BY id LIMIT :size""")
                .bind("after", after).bind("size", pageSize)
                .map(row -> new PublishedRevision(new WorkId(row.get("id", UUID.class)), row.get("published_revision", Integer.class),
                        row.get("publication_version", Long.class)))
                .all(), pageSize, revision -> revision.id().value());
    }

    /** Keyset pages: each page is read whole (its connection released) before the next is asked for. */
    private static <T> Flux<T> paged(Function<UUID, Flux<T>> page, int pageSize, Function<T, UUID> key) {
        return page.apply(BEFORE_ALL).collectList()
                .expand(rows -> rows.size() < pageSize ? Mono.empty() : page.apply(key.apply(rows.get(rows.size() - 1))).collectList())
                .concatMapIterable(rows -> rows);
    }

    private PublishedWork work(Readable row) {
        List<Credit> credits = json.readValue(row.get("credits", String.class), CREDITS);
        return new PublishedWork(new WorkId(row.get("id", UUID.class)), row.get("published_revision", Integer.class),
                row.get("publication_version", Long.class),
                WorkKind.valueOf(row.get("kind", String.class)), row.get("organisation", String.class),
                row.get("organisation_name", String.class), row.get("title", String.class), row.get("summary", String.class),
                row.get("body_html", String.class), list(row.get("topics", String[].class)), list(row.get("columns", String[].class)),
                list(row.get("tags", String[].class)),
                credits.stream().map(credit -> credit.role().name() + ":" + credit.name()).toList(),
                row.get("published_at", OffsetDateTime.class), row.get("cover_asset", UUID.class),
                list(row.get("media_assets", UUID[].class)));
    }

    private static <T> List<T> list(T[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
