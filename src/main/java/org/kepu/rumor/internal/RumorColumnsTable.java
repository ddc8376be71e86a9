package org.kepu.rumor.internal;

import io.r2dbc.spi.Readable;
import org.kepu.rumor.PublicRumorColumn;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code rumor_column}. Columns are public as soon as they exist; an empty one shows an empty state. */
@Component
class RumorColumnsTable {

    private static final String SELECT = "SELECT slug, name, description, organisation FROM rumor_column";

    private final DatabaseClient database;

    RumorColumnsTable(DatabaseClient database) {
        this.database = database;
    }

    Flux<PublicRumorColumn> all() {
        return database.sql(SELECT + " ORDER BY position, created_at").map(RumorColumnsTable::column).all();
    }

    Mono<PublicRumorColumn> find(String slug) {
        return database.sql(SELECT + " WHERE slug = :slug").bind("slug", slug).map(RumorColumnsTable::column).one();
    }

    /** Creates the column or replaces its name, description and organisation. */
    Mono<Void> save(PublicRumorColumn column) {
        var upsert = database.sql("""
                INSERT INTO rumor_column (slug, name, description, organisation, position)
                VALUES (:slug, :name, :description, :organisation, (SELECT COALESCE(max(position), 0) + 1 FROM rumor_column))
                ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                                                organisation = EXCLUDED.organisation""")
                .bind("slug", column.slug()).bind("name", column.name())
                .bind("description", column.description() == null ? "" : column.description());
        return (column.organisation() == null ? upsert.bindNull("organisation", String.class)
                : upsert.bind("organisation", column.organisation())).then();
    }

    private static PublicRumorColumn column(Readable row) {
        return new PublicRumorColumn(row.get("slug", String.class), row.get("name", String.class), row.get("description", String.class),
                row.get("organisation", String.class));
    }
}
