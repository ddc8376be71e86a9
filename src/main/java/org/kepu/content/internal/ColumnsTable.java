package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.kepu.content.ColumnName;
import org.kepu.content.Columns;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of columns (专栏). Display order: pinned first, then position, then slug. */
@Component
class ColumnsTable implements Columns {

    static final String ORDER = " ORDER BY pinned DESC, position, slug";
    private static final String COLUMNS = "slug, name, description, pinned, position, visible_from, visible_until, created_at, updated_at";

    /** A column as editors see it; the window bounds are instants (null: open-ended). */
    record Column(String slug, String name, String description, boolean pinned, int position, OffsetDateTime visibleFrom,
                  OffsetDateTime visibleUntil, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        boolean visibleAt(OffsetDateTime now) {
            return (visibleFrom == null || !now.isBefore(visibleFrom)) && (visibleUntil == null || now.isBefore(visibleUntil));
        }
    }

    private final DatabaseClient database;

    ColumnsTable(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<ColumnName> all() {
        return database.sql("SELECT slug, name, description FROM content_column" + ORDER)
                .map(ColumnsTable::name)
                .all();
    }

    @Override
    public Flux<ColumnName> visible(OffsetDateTime now) {
        return database.sql("SELECT slug, name, description FROM content_column"
                        + " WHERE (visible_from IS NULL OR visible_from <= :now) AND (visible_until IS NULL OR visible_until > :now)" + ORDER)
                .bind("now", now)
                .map(ColumnsTable::name)
                .all();
    }

    Flux<Column> columns() {
        return database.sql("SELECT " + COLUMNS + " FROM content_column" + ORDER).map(ColumnsTable::column).all();
    }

    Mono<Column> find(String slug) {
        return database.sql("SELECT " + COLUMNS + " FROM content_column WHERE slug = :slug").bind("slug", slug)
                .map(ColumnsTable::column).one();
    }

    /** Locks every column row, so that concurrent reorders and inserts take turns. */
    Flux<String> lockAll() {
        return database.sql("SELECT slug FROM content_column ORDER BY slug FOR UPDATE").map(row -> row.get("slug", String.class)).all();
    }

    /** False when the slug or the name is taken. The new column goes last. */
    Mono<Boolean> insert(String slug, String name, String description) {
        return database.sql("""
                        INSERT INTO content_column (slug, name, description, position)
                        SELECT :slug, :name, :description, COALESCE(max(position), 0) + 1 FROM content_column
                        ON CONFLICT DO NOTHING""")
                .bind("slug", slug).bind("name", name).bind("description", description)
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** The number of rows changed (0: no such column). A taken name raises {@code DuplicateKeyException}. */
    Mono<Long> update(String slug, String name, String description, boolean pinned, OffsetDateTime from, OffsetDateTime until) {
        var update = database.sql("""
                        UPDATE content_column SET name = :name, description = :description, pinned = :pinned,
                                                  visible_from = :from, visible_until = :until, updated_at = now()
                         WHERE slug = :slug""")
                .bind("slug", slug).bind("name", name).bind("description", description).bind("pinned", pinned);
        update = from == null ? update.bindNull("from", OffsetDateTime.class) : update.bind("from", from);
        update = until == null ? update.bindNull("until", OffsetDateTime.class) : update.bind("until", until);
        return update.fetch().rowsUpdated();
    }

    /** Positions 1..n in the order of {@code slugs}. */
    Mono<Void> reorder(List<String> slugs) {
        return database.sql("""
                        UPDATE content_column c SET position = o.n, updated_at = now()
                          FROM unnest(CAST(:slugs AS varchar[])) WITH ORDINALITY AS o(slug, n)
                         WHERE c.slug = o.slug AND c.position <> o.n""")
                .bind("slugs", slugs.toArray(String[]::new)).then();
    }

    private static ColumnName name(Readable row) {
        return new ColumnName(row.get("slug", String.class), row.get("name", String.class), row.get("description", String.class));
    }

    private static Column column(Readable row) {
        return new Column(row.get("slug", String.class), row.get("name", String.class), row.get("description", String.class),
                row.get("pinned", Boolean.class), row.get("position", Integer.class), row.get("visible_from", OffsetDateTime.class),
                row.get("visible_until", OffsetDateTime.class), row.get("created_at", OffsetDateTime.class),
                row.get("updated_at", OffsetDateTime.class));
    }
}
