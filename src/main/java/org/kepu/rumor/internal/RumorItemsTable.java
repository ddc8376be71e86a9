package org.kepu.rumor.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.kepu.rumor.PublicRumor;
import org.kepu.rumor.RumorVerdict;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@code rumor_item}'s working copy and review state. */
@Component
class RumorItemsTable {

    private static final String SELECT = """
            SELECT id, slug, claim, CAST(appearances AS text) AS appearances, first_seen, verdict, truth, explanation,
                   CAST(evidence AS text) AS evidence, topics, column_slug, rebuttal_work, status, stage, round, submitted_by,
                   version, published IS NOT NULL AS is_published, published_at, created_by, created_at, updated_by, updated_at
              FROM rumor_item""";

    private final DatabaseClient database;
    private final JsonMapper json;

    RumorItemsTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<RumorItem> find(UUID id) {
        return database.sql(SELECT + " WHERE id = :id").bind("id", id).map(this::item).one();
    }

    /** Locks the item's row until the surrounding transaction ends. */
    Mono<RumorItem> lock(UUID id) {
        return database.sql(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id).map(this::item).one();
    }

    /** Items for the console, newest change first; {@code status} null for all. */
    Flux<RumorItem> list(RumorStatus status, int limit) {
        var select = database.sql(SELECT + " WHERE (CAST(:status AS varchar) IS NULL OR status = :status) ORDER BY updated_at DESC, id LIMIT :limit");
        select = status == null ? select.bindNull("status", String.class) : select.bind("status", status.name());
        return select.bind("limit", limit).map(this::item).all();
    }

    Flux<RumorItem> all() {
        return database.sql(SELECT + " ORDER BY created_at").map(this::item).all();
    }

    Mono<Boolean> slugTaken(String slug, UUID except) {
        return database.sql("SELECT count(*) AS n FROM rumor_item WHERE slug = :slug AND id <> :except")
                .bind("slug", slug).bind("except", except == null ? new UUID(0, 0) : except)
                .map(row -> row.get("n", Long.class) > 0).one();
    }

    Mono<UUID> insert(UUID id, String slug, RumorForm form, String by) {
        var insert = database.sql("""
                INSERT INTO rumor_item (id, slug, claim, appearances, first_seen, verdict, truth, explanation, evidence, topics,
                                        column_slug, rebuttal_work, created_by, updated_by)
                VALUES (:id, :slug, :claim, :appearances, :firstSeen, :verdict, :truth, :explanation, :evidence, :topics,
                        :column, :rebuttalWork, :by, :by)
                RETURNING id""");
        return bindForm(insert.bind("id", id).bind("slug", slug), form).bind("by", by).map(row -> row.get("id", UUID.class)).one();
    }

    /** Replaces the working copy; its review starts again from a draft. */
    Mono<Void> update(UUID id, String slug, RumorForm form, String by) {
        var update = database.sql("""
                UPDATE rumor_item
                   SET slug = :slug, claim = :claim, appearances = :appearances, first_seen = :firstSeen, verdict = :verdict,
                       truth = :truth, explanation = :explanation, evidence = :evidence, topics = :topics, column_slug = :column,
                       rebuttal_work = :rebuttalWork, status = 'DRAFT', stage = NULL, version = version + 1, updated_by = :by,
                       updated_at = now()
                 WHERE id = :id""");
        return bindForm(update.bind("id", id).bind("slug", slug), form).bind("by", by).then();
    }

    /** A new review round: the screen's hits are kept for the reviewers. */
    Mono<Void> submit(UUID id, RumorStage first, String screenHits, String by) {
        return database.sql("""
                        UPDATE rumor_item SET status = 'REVIEW', stage = :stage, round = round + 1, screen = :screen,
                               submitted_by = :by, updated_by = :by, updated_at = now()
                         WHERE id = :id""")
                .bind("id", id).bind("stage", first.name()).bind("screen", Json.of(screenHits)).bind("by", by).then();
    }

    Mono<Void> move(UUID id, RumorStatus status, RumorStage stage, String by) {
        var update = database.sql("UPDATE rumor_item SET status = :status, stage = :stage, updated_by = :by, updated_at = now() WHERE id = :id")
                .bind("id", id).bind("status", status.name()).bind("by", by);
        return (stage == null ? update.bindNull("stage", String.class) : update.bind("stage", stage.name())).then();
    }

    /** Makes {@code snapshot} what the public reads. */
    Mono<Void> publish(UUID id, String snapshot, String by) {
        return database.sql("""
                        UPDATE rumor_item SET status = 'PUBLISHED', stage = NULL, published = :snapshot,
                               published_at = COALESCE(published_at, now()), updated_by = :by, updated_at = now()
                         WHERE id = :id""")
                .bind("id", id).bind("snapshot", Json.of(snapshot)).bind("by", by).then();
    }

    Mono<Long> unpublish(UUID id, String by) {
        return database.sql("""
                        UPDATE rumor_item SET published = NULL, published_at = NULL,
                               status = CASE WHEN status = 'PUBLISHED' THEN 'DRAFT' ELSE status END, updated_by = :by, updated_at = now()
                         WHERE id = :id AND published IS NOT NULL""")
                .bind("id", id).bind("by", by).fetch().rowsUpdated();
    }

    /** The screen hits of the current round, as JSON. */
    Mono<String> screen(UUID id) {
        return database.sql("SELECT CAST(screen AS text) AS screen FROM rumor_item WHERE id = :id").bind("id", id)
                .map(row -> row.get("screen", String.class)).one();
    }

    private DatabaseClient.GenericExecuteSpec bindForm(DatabaseClient.GenericExecuteSpec spec, RumorForm form) {
        spec = spec.bind("claim", form.claim().strip()).bind("appearances", Json.of(json.writeValueAsString(form.appearances())))
                .bind("verdict", form.verdict().name()).bind("truth", form.truth().strip()).bind("explanation", form.explanation().strip())
                .bind("evidence", Json.of(json.writeValueAsString(form.evidence())))
                .bind("topics", form.topics().toArray(String[]::new));
        spec = form.firstSeen() == null ? spec.bindNull("firstSeen", LocalDate.class) : spec.bind("firstSeen", form.firstSeen());
        spec = form.column() == null ? spec.bindNull("column", String.class) : spec.bind("column", form.column());
        return form.rebuttalWork() == null ? spec.bindNull("rebuttalWork", UUID.class) : spec.bind("rebuttalWork", form.rebuttalWork());
    }

    private RumorItem item(Readable row) {
        String stage = row.get("stage", String.class);
        return new RumorItem(row.get("id", UUID.class), row.get("slug", String.class), row.get("claim", String.class),
                json.readValue(row.get("appearances", String.class), new TypeReference<List<PublicRumor.Appearance>>() { }),
                row.get("first_seen", LocalDate.class), RumorVerdict.valueOf(row.get("verdict", String.class)),
                row.get("truth", String.class), row.get("explanation", String.class),
                json.readValue(row.get("evidence", String.class), new TypeReference<List<PublicRumor.Evidence>>() { }),
                Arrays.asList(row.get("topics", String[].class)), row.get("column_slug", String.class),
                row.get("rebuttal_work", UUID.class), RumorStatus.valueOf(row.get("status", String.class)),
                stage == null ? null : RumorStage.valueOf(stage), row.get("round", Integer.class), row.get("submitted_by", String.class),
                row.get("version", Integer.class), Boolean.TRUE.equals(row.get("is_published", Boolean.class)),
                row.get("published_at", OffsetDateTime.class), row.get("created_by", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_by", String.class), row.get("updated_at", OffsetDateTime.class));
    }
}
