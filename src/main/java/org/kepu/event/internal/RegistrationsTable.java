package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code event_registration}. Callers hold the occurrence's row lock for every change of places. */
@Component
class RegistrationsTable {

    private static final String COLUMNS = """
            id, occurrence_id, name, phone, status, check_in_code, created_at, confirmed_at, cancelled_at, cancelled_by,
            checked_in_at, checked_in_by""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM event_registration";

    /** How many places are taken, how many wait, how many came. */
    record Counts(long confirmed, long waiting, long checkedIn) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    private final DatabaseClient database;

    RegistrationsTable(DatabaseClient database) {
        this.database = database;
    }

    Mono<Map<UUID, Counts>> counts(Collection<UUID> occurrences) {
        if (occurrences.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("""
                        SELECT occurrence_id, count(*) FILTER (WHERE status = 'CONFIRMED') AS confirmed,
                               count(*) FILTER (WHERE status = 'WAITING') AS waiting,
                               count(*) FILTER (WHERE checked_in_at IS NOT NULL) AS checked_in
                          FROM event_registration WHERE occurrence_id = ANY(:occurrences) GROUP BY occurrence_id""")
                .bind("occurrences", occurrences.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("occurrence_id", UUID.class), new Counts(row.get("confirmed", Long.class),
                        row.get("waiting", Long.class), row.get("checked_in", Long.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<Long> confirmed(UUID occurrence) {
        return database.sql("SELECT count(*) AS n FROM event_registration WHERE occurrence_id = :occurrence AND status = 'CONFIRMED'")
                .bind("occurrence", occurrence).map(row -> row.get("n", Long.class)).one();
    }

    /** Whether a live (not cancelled) registration of the occurrence has this phone number. */
    Mono<Boolean> phoneTaken(UUID occurrence, String phone) {
        return database.sql("""
                        SELECT EXISTS (SELECT 1 FROM event_registration
                                        WHERE occurrence_id = :occurrence AND phone = :phone AND status <> 'CANCELLED') AS taken""")
                .bind("occurrence", occurrence).bind("phone", phone).map(row -> row.get("taken", Boolean.class)).one();
    }

    Mono<Registration> insert(UUID occurrence, String name, String phone, Registration.Status status, String tokenHash, String code) {
        return database.sql("""
                        INSERT INTO event_registration (occurrence_id, name, phone, status, token_hash, check_in_code, confirmed_at)
                        VALUES (:occurrence, :name, :phone, :status, :token, :code,
                                CASE WHEN :status = 'CONFIRMED' THEN clock_timestamp() END)""" + " RETURNING " + COLUMNS)
                .bind("occurrence", occurrence).bind("name", name).bind("phone", phone).bind("status", status.name())
                .bind("token", tokenHash).bind("code", code)
                .map(RegistrationsTable::registration).one();
    }

    Mono<Registration> find(UUID id) {
        return database.sql(SELECT + " WHERE id = :id").bind("id", id).map(RegistrationsTable::registration).one();
    }

    Mono<Registration> byToken(String tokenHash) {
        return database.sql(SELECT + " WHERE token_hash = :token").bind("token", tokenHash).map(RegistrationsTable::registration).one();
    }

    Mono<Registration> byCode(UUID occurrence, String code) {
        return database.sql(SELECT + " WHERE occurrence_id = :occurrence AND check_in_code = :code FOR UPDATE")
                .bind("occurrence", occurrence).bind("code", code).map(RegistrationsTable::registration).one();
    }

    /** The registrations of an occurrence in the order they came, the cancelled ones included. */
    Flux<Registration> of(UUID occurrence) {
        return database.sql(SELECT + " WHERE occurrence_id = :occurrence ORDER BY created_at, id").bind("occurrence", occurrence)
                .map(RegistrationsTable::registration).all();
    }

    /** 1 for the first in line; null when the registration does not wait. */
    Mono<Long> position(Registration registration) {
        if (registration.status() != Registration.Status.WAITING) {
            return Mono.empty();
        }
        return database.sql("""
                        SELECT count(*) AS ahead FROM event_registration
                         WHERE occurrence_id = :occurrence AND status = 'WAITING' AND (created_at, id) < (:createdAt, :id)""")
                .bind("occurrence", registration.occurrenceId()).bind("createdAt", registration.createdAt()).bind("id", registration.id())
                .map(row -> row.get("ahead", Long.class) + 1).one();
    }

    Mono<Void> cancel(UUID id, String by) {
        return database.sql("""
                        UPDATE event_registration SET status = 'CANCELLED', cancelled_at = clock_timestamp(), cancelled_by = :by
                         WHERE id = :id""")
                .bind("id", id).bind("by", by).then();
    }

    /** Cancels every live registration of the occurrence (the occurrence itself is cancelled). */
    Mono<Void> cancelLive(UUID occurrence, String by) {
        return database.sql("""
                        UPDATE event_registration SET status = 'CANCELLED', cancelled_at = clock_timestamp(), cancelled_by = :by
                         WHERE occurrence_id = :occurrence AND status <> 'CANCELLED'""")
                .bind("occurrence", occurrence).bind("by", by).then();
    }

    /** The first in line, confirmed now; empty when nobody waits. */
    Mono<Registration> promoteFirstWaiting(UUID occurrence) {
        return database.sql("""
                        UPDATE event_registration SET status = 'CONFIRMED', confirmed_at = clock_timestamp()
                         WHERE id = (SELECT id FROM event_registration WHERE occurrence_id = :occurrence AND status = 'WAITING'
                                      ORDER BY created_at, id LIMIT 1)""" + " RETURNING " + COLUMNS)
                .bind("occurrence", occurrence).map(RegistrationsTable::registration).one();
    }

    /** @return the registration, checked in */
    Mono<Registration> checkIn(UUID id, String by) {
        return database.sql("UPDATE event_registration SET checked_in_at = clock_timestamp(), checked_in_by = :by WHERE id = :id"
                        + " RETURNING " + COLUMNS)
                .bind("id", id).bind("by", by).map(RegistrationsTable::registration).one();
    }

    static Registration registration(Readable row) {
        return new Registration(row.get("id", UUID.class), row.get("occurrence_id", UUID.class), row.get("name", String.class),
                row.get("phone", String.class), Registration.Status.valueOf(row.get("status", String.class)),
                row.get("check_in_code", String.class), row.get("created_at", OffsetDateTime.class),
                row.get("confirmed_at", OffsetDateTime.class), row.get("cancelled_at", OffsetDateTime.class),
                row.get("cancelled_by", String.class), row.get("checked_in_at", OffsetDateTime.class),
                row.get("checked_in_by", String.class));
    }
}
