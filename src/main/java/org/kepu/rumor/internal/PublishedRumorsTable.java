package org.kepu.rumor.internal;

import java.util.List;
import java.util.UUID;

import org.kepu.rumor.PublicRumor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The reviewed snapshots the public reads ({@code rumor_item.published}); nothing else of an item is public. */
@Component
class PublishedRumorsTable {

    private final DatabaseClient database;
    private final JsonMapper json;

    PublishedRumorsTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Flux<PublicRumor> latest(String column, int limit) {
        var select = database.sql("""
                SELECT CAST(published AS text) AS snapshot FROM rumor_item
                 WHERE published IS NOT NULL AND (CAST(:column AS varchar) IS NULL OR published ->> 'column' = :column)
                 ORDER BY published_at DESC, id LIMIT :limit""");
        select = column == null ? select.bindNull("column", String.class) : select.bind("column", column);
        return select.bind("limit", limit).map(row -> snapshot(row.get("snapshot", String.class))).all();
    }

    Mono<PublicRumor> bySlug(String slug) {
        return database.sql("SELECT CAST(published AS text) AS snapshot FROM rumor_item WHERE published IS NOT NULL AND published ->> 'slug' = :slug")
                .bind("slug", slug).map(row -> snapshot(row.get("snapshot", String.class))).one();
    }

    Flux<PublicRumor> byIds(List<UUID> ids) {
        return database.sql("SELECT CAST(published AS text) AS snapshot FROM rumor_item WHERE published IS NOT NULL AND id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new)).map(row -> snapshot(row.get("snapshot", String.class))).all();
    }

    Mono<PublicRumor> byId(UUID id) {
        return database.sql("SELECT CAST(published AS text) AS snapshot FROM rumor_item WHERE published IS NOT NULL AND id = :id")
                .bind("id", id).map(row -> snapshot(row.get("snapshot", String.class))).one();
    }

    String write(PublicRumor rumor) {
        return json.writeValueAsString(rumor);
    }

    private PublicRumor snapshot(String text) {
        return json.readValue(text, PublicRumor.class);
    }
}
