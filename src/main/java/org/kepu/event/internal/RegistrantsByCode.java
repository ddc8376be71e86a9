package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

import org.kepu.event.Registrants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link Registrants} from {@code event_registration}: live registrations of upcoming occurrences of published series. */
@Component
class RegistrantsByCode implements Registrants {

    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{8}");

    private final DatabaseClient database;

    RegistrantsByCode(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<RegisteredOccurrence> byCheckInCode(String typed) {
        String code = RegistrationSecrets.code(typed == null ? "" : typed.replace(" ", "").replace("-", ""));
        if (!CODE.matcher(code).matches()) {
            return Mono.empty();
        }
        return database.sql("""
                        SELECT r.id, r.status, coalesce(o.title, s.title) AS title, o.starts_at, o.ends_at, o.venue_name, o.venue_address
                          FROM event_registration r
                          JOIN event_occurrence o ON o.id = r.occurrence_id AND o.status <> 'CANCELLED' AND o.ends_at > now()
                          JOIN event_series s ON s.id = o.series_id AND s.status = 'PUBLISHED'
                         WHERE r.check_in_code = :code AND r.status <> 'CANCELLED'
                         LIMIT 2""")
                .bind("code", code)
                .map(row -> new RegisteredOccurrence(row.get("id", UUID.class).toString(), row.get("status", String.class),
                        row.get("title", String.class), PublicTimes.shown(row.get("starts_at", OffsetDateTime.class)),
                        PublicTimes.shown(row.get("ends_at", OffsetDateTime.class)),
                        new Venue(row.get("venue_name", String.class), row.get("venue_address", String.class), null, null, null, null).place()))
                .all().collectList()
                .flatMap(found -> found.size() == 1 ? Mono.just(found.get(0)) : Mono.empty());
    }
}
