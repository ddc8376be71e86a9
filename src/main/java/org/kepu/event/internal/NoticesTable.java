package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of notices to registrants ({@code event_notice}): written in the transaction of the change they tell
 * of, read through the registration link. Their text is rendered when read, in the reader's language.
 */
@Component
class NoticesTable {

    private static final TypeReference<Map<String, String>> ARGUMENTS = new TypeReference<>() {
    };

    /** What happened to a registration. */
    enum Kind { CONFIRMED, WAITING, PROMOTED, CANCELLED, RESCHEDULED, MOVED, OCCURRENCE_CANCELLED, REMINDER }

    record Stored(long id, Kind kind, Map<String, String> arguments, OffsetDateTime createdAt) {
    }

    private final DatabaseClient database;
    private final JsonMapper json;

    NoticesTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<Void> insert(UUID registration, Kind kind, Map<String, String> arguments) {
        return database.sql("INSERT INTO event_notice (registration_id, kind, arguments) VALUES (:registration, :kind, :arguments)")
                .bind("registration", registration).bind("kind", kind.name()).bind("arguments", Json.of(json.writeValueAsString(arguments)))
                .then();
    }

    /** The same notice for every live (not cancelled) registration of the occurrence, in one statement. */
    Mono<Void> insertForLive(UUID occurrence, Kind kind, Map<String, String> arguments) {
        return database.sql("""
                        INSERT INTO event_notice (registration_id, kind, arguments)
                        SELECT id, :kind, :arguments FROM event_registration
                         WHERE occurrence_id = :occurrence AND status <> 'CANCELLED'""")
                .bind("occurrence", occurrence).bind("kind", kind.name()).bind("arguments", Json.of(json.writeValueAsString(arguments)))
                .then();
    }

    Flux<Stored> of(UUID registration) {
        return database.sql("SELECT id, kind, arguments, created_at FROM event_notice WHERE registration_id = :registration ORDER BY id")
                .bind("registration", registration)
                .map(row -> new Stored(row.get("id", Long.class), Kind.valueOf(row.get("kind", String.class)),
                        json.readValue(row.get("arguments", Json.class).asString(), ARGUMENTS), row.get("created_at", OffsetDateTime.class)))
                .all();
    }
}
