package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@code event_change} (insert-only). */
@Component
class ChangesTable {

    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final JsonMapper json;

    ChangesTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<Void> insert(UUID occurrence, ChangeKind kind, Map<String, Object> before, Map<String, Object> after, String announcement,
                      int sequence, String by) {
        return database.sql("""
                        INSERT INTO event_change (occurrence_id, kind, before, after, announcement, sequence, announced_by)
                        VALUES (:occurrence, :kind, :before, :after, :announcement, :sequence, :by)""")
                .bind("occurrence", occurrence).bind("kind", kind.name()).bind("before", Json.of(json.writeValueAsString(before)))
                .bind("after", Json.of(json.writeValueAsString(after))).bind("announcement", announcement).bind("sequence", sequence)
                .bind("by", by).then();
    }

    /** The changes of the occurrences, oldest first. */
    Flux<Change> of(Collection<UUID> occurrences) {
        if (occurrences.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        SELECT id, occurrence_id, kind, before, after, announcement, sequence, announced_by, announced_at
                          FROM event_change WHERE occurrence_id = ANY(:occurrences) ORDER BY id""")
                .bind("occurrences", occurrences.toArray(UUID[]::new)).map(this::change).all();
    }

    private Change change(Readable row) {
        return new Change(row.get("id", Long.class), row.get("occurrence_id", UUID.class), ChangeKind.valueOf(row.get("kind", String.class)),
                json.readValue(row.get("before", Json.class).asString(), VALUES), json.readValue(row.get("after", Json.class).asString(), VALUES),
                row.get("announcement", String.class), row.get("sequence", Integer.class), row.get("announced_by", String.class),
                row.get("announced_at", OffsetDateTime.class));
    }
}
