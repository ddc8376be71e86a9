package org.kepu.rumor.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code rumor_list}. */
@Component
class RumorListsTable {

    private static final String SELECT = "SELECT kind, period, title, items, published, updated_by, updated_at FROM rumor_list";

    private final DatabaseClient database;

    RumorListsTable(DatabaseClient database) {
        this.database = database;
    }

    /** Newest period first; {@code publishedOnly} for the public. */
    Flux<RumorList> all(boolean publishedOnly) {
        return database.sql(SELECT + (publishedOnly ? " WHERE published" : "") + " ORDER BY period DESC, kind")
                .map(RumorListsTable::list).all();
    }

    Mono<RumorList> find(String kind, String period) {
        return database.sql(SELECT + " WHERE kind = :kind AND period = :period").bind("kind", kind).bind("period", period)
                .map(RumorListsTable::list).one();
    }

    Mono<Void> save(RumorList list) {
        return database.sql("""
                        INSERT INTO rumor_list (kind, period, title, items, published, updated_by)
                        VALUES (:kind, :period, :title, :items, :published, :by)
                        ON CONFLICT (kind, period) DO UPDATE SET title = EXCLUDED.title, items = EXCLUDED.items,
                               published = EXCLUDED.published, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .bind("kind", list.kind()).bind("period", list.period()).bind("title", list.title())
                .bind("items", list.items().toArray(UUID[]::new)).bind("published", list.published()).bind("by", list.updatedBy())
                .then();
    }

    private static RumorList list(Readable row) {
        return new RumorList(row.get("kind", String.class), row.get("period", String.class), row.get("title", String.class),
                Arrays.asList(row.get("items", UUID[].class)), Boolean.TRUE.equals(row.get("published", Boolean.class)),
                row.get("updated_by", String.class), row.get("updated_at", OffsetDateTime.class));
    }
}
