package org.kepu.rumor.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code rumor_clue}. */
@Component
class RumorCluesTable {

    private static final String SELECT = """
            SELECT id, claim, where_seen, link, contact, status, item_id, note, handled_by, handled_at, reported_at FROM rumor_clue""";

    private final DatabaseClient database;

    RumorCluesTable(DatabaseClient database) {
        this.database = database;
    }

    Mono<UUID> insert(String claim, String whereSeen, String link, String contact) {
        var insert = database.sql("""
                INSERT INTO rumor_clue (claim, where_seen, link, contact) VALUES (:claim, :whereSeen, :link, :contact) RETURNING id""")
                .bind("claim", claim).bind("whereSeen", whereSeen == null ? "" : whereSeen);
        insert = link == null ? insert.bindNull("link", String.class) : insert.bind("link", link);
        insert = contact == null ? insert.bindNull("contact", String.class) : insert.bind("contact", contact);
        return insert.map(row -> row.get("id", UUID.class)).one();
    }

    Mono<RumorClue> find(UUID id) {
        return database.sql(SELECT + " WHERE id = :id").bind("id", id).map(RumorCluesTable::clue).one();
    }

    Mono<RumorClue> lock(UUID id) {
        return database.sql(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id).map(RumorCluesTable::clue).one();
    }

    /** The inbox: newest first; {@code status} null for all. */
    Flux<RumorClue> list(RumorClue.Status status, int limit) {
        var select = database.sql(SELECT + " WHERE (CAST(:status AS varchar) IS NULL OR status = :status) ORDER BY reported_at DESC, id LIMIT :limit");
        select = status == null ? select.bindNull("status", String.class) : select.bind("status", status.name());
        return select.bind("limit", limit).map(RumorCluesTable::clue).all();
    }

    Mono<Void> handle(UUID id, RumorClue.Status status, UUID item, String note, String by) {
        var update = database.sql("""
                UPDATE rumor_clue SET status = :status, item_id = :item, note = :note, handled_by = :by, handled_at = now() WHERE id = :id""")
                .bind("id", id).bind("status", status.name()).bind("by", by);
        update = item == null ? update.bindNull("item", UUID.class) : update.bind("item", item);
        update = note == null ? update.bindNull("note", String.class) : update.bind("note", note);
        return update.then();
    }

    private static RumorClue clue(Readable row) {
        return new RumorClue(row.get("id", UUID.class), row.get("claim", String.class), row.get("where_seen", String.class),
                row.get("link", String.class), row.get("contact", String.class), RumorClue.Status.valueOf(row.get("status", String.class)),
                row.get("item_id", UUID.class), row.get("note", String.class), row.get("handled_by", String.class),
                row.get("handled_at", OffsetDateTime.class), row.get("reported_at", OffsetDateTime.class));
    }
}
