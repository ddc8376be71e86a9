package org.kepu.content.internal;

import java.util.Collection;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class TopicsTable {

    record Topic(String slug, String name, int position) {
    }

    private final DatabaseClient database;

    TopicsTable(DatabaseClient database) {
        this.database = database;
    }

    Flux<Topic> all() {
        return database.sql("SELECT slug, name, position FROM content_topic ORDER BY position, slug")
                .map(row -> new Topic(row.get("slug", String.class), row.get("name", String.class), row.get("position", Integer.class)))
                .all();
    }

    Mono<Boolean> add(Topic topic) {
        return database.sql("""
                        INSERT INTO content_topic (slug, name, position) VALUES (:slug, :name, :position)
                        ON CONFLICT DO NOTHING""")
                .bind("slug", topic.slug()).bind("name", topic.name()).bind("position", topic.position())
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** The slugs among {@code slugs} that name no topic (or column, for {@code table = content_column}). */
    Flux<String> unknown(String table, Collection<String> slugs) {
        return database.sql("SELECT s FROM unnest(:slugs::varchar[]) AS s WHERE s NOT IN (SELECT slug FROM " + table + ")")
                .bind("slugs", slugs.toArray(String[]::new))
                .map(row -> row.get("s", String.class))
                .all();
    }
}
