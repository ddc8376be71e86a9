package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code event_volunteer}. */
@Component
class AssignmentsTable {

    private final DatabaseClient database;

    AssignmentsTable(DatabaseClient database) {
        this.database = database;
    }

    Flux<Assignment> of(Collection<UUID> occurrences) {
        if (occurrences.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        SELECT occurrence_id, volunteer_id, role, assigned_by, assigned_at FROM event_volunteer
                         WHERE occurrence_id = ANY(:occurrences) ORDER BY assigned_at, volunteer_id""")
                .bind("occurrences", occurrences.toArray(UUID[]::new))
                .map(row -> new Assignment(row.get("occurrence_id", UUID.class), row.get("volunteer_id", UUID.class),
                        Assignment.Role.valueOf(row.get("role", String.class)), row.get("assigned_by", String.class),
                        row.get("assigned_at", OffsetDateTime.class)))
                .all();
    }

    Mono<Void> clear(UUID occurrence) {
        return database.sql("DELETE FROM event_volunteer WHERE occurrence_id = :occurrence").bind("occurrence", occurrence).then();
    }

    Mono<Void> insert(UUID occurrence, UUID volunteer, Assignment.Role role, String by) {
        return database.sql("""
                        INSERT INTO event_volunteer (occurrence_id, volunteer_id, role, assigned_by)
                        VALUES (:occurrence, :volunteer, :role, :by)""")
                .bind("occurrence", occurrence).bind("volunteer", volunteer).bind("role", role.name()).bind("by", by).then();
    }
}
