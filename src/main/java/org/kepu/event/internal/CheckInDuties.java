package org.kepu.event.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.identity.Actor;
import org.kepu.org.Volunteer;
import org.kepu.org.Volunteers;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The occurrences a signed-in account checks registrants in at as a coordinator: those where its directory entry
 * (active) is assigned as COORDINATOR, of published series, not cancelled, taking place between the start of today
 * in Beijing and the end of the {@value #DAYS_AHEAD}th day after it. Whatever the account's role: staff who are no
 * coordinators get an empty list too. Counts only, never names or phone numbers.
 */
@Component
class CheckInDuties {

    static final int DAYS_AHEAD = 30;

    /** One occurrence to check registrants in at; {@code title} is the occurrence's own title or null. */
    record Duty(UUID occurrence, String seriesTitle, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String venueName,
                String venueAddress, String district, String status, boolean registrationEnabled, long confirmed, long checkedIn) {
    }

    private final DatabaseClient database;
    private final Volunteers volunteers;

    CheckInDuties(DatabaseClient database, Volunteers volunteers) {
        this.database = database;
        this.volunteers = volunteers;
    }

    Flux<Duty> of(Actor actor) {
        OffsetDateTime from = LocalDate.now(PublicTimes.ZONE).atStartOfDay(PublicTimes.ZONE).toOffsetDateTime();
        OffsetDateTime until = from.toLocalDate().plusDays(DAYS_AHEAD + 1L).atStartOfDay(PublicTimes.ZONE).toOffsetDateTime();
        return volunteers.withAccount(actor.username())
                .filter(Volunteer::active)
                .flatMapMany(volunteer -> database.sql("""
                                SELECT o.id, s.title AS series_title, o.title, o.starts_at, o.ends_at, o.venue_name, o.venue_address,
                                       o.district, o.status, o.registration_enabled,
                                       count(r.id) FILTER (WHERE r.status = 'CONFIRMED') AS confirmed,
                                       count(r.id) FILTER (WHERE r.status = 'CONFIRMED' AND r.checked_in_at IS NOT NULL) AS checked_in
                                  FROM event_volunteer v
                                  JOIN event_occurrence o ON o.id = v.occurrence_id
                                  JOIN event_series s ON s.id = o.series_id
                                  LEFT JOIN event_registration r ON r.occurrence_id = o.id
                                 WHERE v.volunteer_id = :volunteer AND v.role = 'COORDINATOR' AND s.status = 'PUBLISHED'
                                   AND o.status <> 'CANCELLED' AND o.ends_at > :from AND o.starts_at < :until
                                 GROUP BY o.id, s.title
                                 ORDER BY o.starts_at, o.id""")
                        .bind("volunteer", volunteer.id().value()).bind("from", from).bind("until", until)
                        .map(CheckInDuties::duty).all());
    }

    private static Duty duty(Readable row) {
        return new Duty(row.get("id", UUID.class), row.get("series_title", String.class), row.get("title", String.class),
                PublicTimes.shown(row.get("starts_at", OffsetDateTime.class)), PublicTimes.shown(row.get("ends_at", OffsetDateTime.class)),
                row.get("venue_name", String.class), row.get("venue_address", String.class), row.get("district", String.class),
                row.get("status", String.class), Boolean.TRUE.equals(row.get("registration_enabled", Boolean.class)),
                row.get("confirmed", Long.class), row.get("checked_in", Long.class));
    }
}
