package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.event.PublicOccurrence;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code event_occurrence}. */
@Component
class OccurrencesTable {

    static final String COLUMNS = """
            o.id, o.series_id, o.title, o.description, o.audience, o.starts_at, o.ends_at, o.venue_name, o.venue_address,
            o.district, o.latitude, o.longitude, o.venue_capacity, o.status, o.sequence, o.registration_enabled,
            o.registration_opens_at, o.registration_closes_at, o.registration_capacity, o.updated_at""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM event_occurrence o";

    private final DatabaseClient database;

    OccurrencesTable(DatabaseClient database) {
        this.database = database;
    }

    Flux<Occurrence> ofSeries(UUID series) {
        return database.sql(SELECT + " WHERE o.series_id = :series ORDER BY o.starts_at, o.id").bind("series", series)
                .map(OccurrencesTable::occurrence).all();
    }

    Mono<Occurrence> find(UUID id) {
        return database.sql(SELECT + " WHERE o.id = :id").bind("id", id).map(OccurrencesTable::occurrence).one();
    }

    /** Locks the occurrence's row until the surrounding transaction ends (registrations of it queue behind). */
    Mono<Occurrence> lock(UUID id) {
        return database.sql(SELECT + " WHERE o.id = :id FOR UPDATE").bind("id", id).map(OccurrencesTable::occurrence).one();
    }

    Mono<UUID> insert(UUID series, OccurrenceDetails details) {
        var insert = database.sql("""
                INSERT INTO event_occurrence (series_id, title, description, audience, starts_at, ends_at, venue_name, venue_address,
                                              district, latitude, longitude, venue_capacity, registration_enabled,
                                              registration_opens_at, registration_closes_at, registration_capacity)
                VALUES (:series, :title, :description, :audience, :startsAt, :endsAt, :venueName, :venueAddress, :district,
                        :latitude, :longitude, :venueCapacity, :registrationEnabled, :opensAt, :closesAt, :registrationCapacity)
                RETURNING id""");
        return bindDetails(insert.bind("series", series), details).map(row -> row.get("id", UUID.class)).one();
    }

    Mono<Long> update(UUID id, OccurrenceDetails details) {
        var update = database.sql("""
                UPDATE event_occurrence
                   SET title = :title, description = :description, audience = :audience, starts_at = :startsAt, ends_at = :endsAt,
                       venue_name = :venueName, venue_address = :venueAddress, district = :district, latitude = :latitude,
                       longitude = :longitude, venue_capacity = :venueCapacity, registration_enabled = :registrationEnabled,
                       registration_opens_at = :opensAt, registration_closes_at = :closesAt,
                       registration_capacity = :registrationCapacity, updated_at = now()
                 WHERE id = :id""");
        return bindDetails(update.bind("id", id), details).fetch().rowsUpdated();
    }

    Mono<Long> delete(UUID id) {
        return database.sql("DELETE FROM event_occurrence WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    /** An announced change: the new status, times and venue, and the next SEQUENCE. */
    Mono<Void> change(UUID id, PublicOccurrence.Status status, OffsetDateTime startsAt, OffsetDateTime endsAt, Venue venue) {
        var update = database.sql("""
                UPDATE event_occurrence
                   SET status = :status, starts_at = :startsAt, ends_at = :endsAt, venue_name = :venueName,
                       venue_address = :venueAddress, district = :district, latitude = :latitude, longitude = :longitude,
                       venue_capacity = :venueCapacity, sequence = sequence + 1, updated_at = now()
                 WHERE id = :id""");
        update = update.bind("id", id).bind("status", status.name()).bind("startsAt", startsAt).bind("endsAt", endsAt);
        return bindVenue(update, venue).then();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec, OccurrenceDetails details) {
        spec = Binding.bind(spec, "title", details.title(), String.class);
        spec = Binding.bind(spec, "description", details.description(), String.class);
        spec = Binding.bind(spec, "audience", details.audience(), String.class);
        spec = spec.bind("startsAt", details.startsAt()).bind("endsAt", details.endsAt());
        RegistrationSettings registration = details.registration();
        spec = spec.bind("registrationEnabled", registration.enabled());
        spec = Binding.bind(spec, "opensAt", registration.opensAt(), OffsetDateTime.class);
        spec = Binding.bind(spec, "closesAt", registration.closesAt(), OffsetDateTime.class);
        spec = Binding.bind(spec, "registrationCapacity", registration.capacity(), Integer.class);
        return bindVenue(spec, details.venue());
    }

    private static DatabaseClient.GenericExecuteSpec bindVenue(DatabaseClient.GenericExecuteSpec spec, Venue venue) {
        spec = spec.bind("venueName", venue.name()).bind("venueAddress", venue.address()).bind("district", venue.district());
        spec = Binding.bind(spec, "latitude", venue.latitude(), Double.class);
        spec = Binding.bind(spec, "longitude", venue.longitude(), Double.class);
        return Binding.bind(spec, "venueCapacity", venue.capacity(), Integer.class);
    }

    static Occurrence occurrence(Readable row) {
        Venue venue = new Venue(row.get("venue_name", String.class), row.get("venue_address", String.class),
                row.get("district", String.class), row.get("latitude", Double.class), row.get("longitude", Double.class),
                row.get("venue_capacity", Integer.class));
        boolean registrationEnabled = Boolean.TRUE.equals(row.get("registration_enabled", Boolean.class));
        RegistrationSettings registration = new RegistrationSettings(registrationEnabled,
                row.get("registration_opens_at", OffsetDateTime.class), row.get("registration_closes_at", OffsetDateTime.class),
                row.get("registration_capacity", Integer.class));
        return new Occurrence(row.get("id", UUID.class), row.get("series_id", UUID.class), row.get("title", String.class),
                row.get("description", String.class), row.get("audience", String.class), row.get("starts_at", OffsetDateTime.class),
                row.get("ends_at", OffsetDateTime.class), venue, PublicOccurrence.Status.valueOf(row.get("status", String.class)),
                row.get("sequence", Integer.class), registration, row.get("updated_at", OffsetDateTime.class));
    }
}
