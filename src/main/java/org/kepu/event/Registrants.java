package org.kepu.event;

import java.time.OffsetDateTime;

import reactor.core.publisher.Mono;

/** Registrations as other channels may see them, by what the registrant holds; never with name or phone. */
public interface Registrants {

    /**
     * The live registration of an upcoming, published occurrence whose check-in code this is (as typed, any case);
     * empty when there is none, or when codes of several occurrences match (the code alone does not say which).
     */
    Mono<RegisteredOccurrence> byCheckInCode(String code);

    /**
     * @param registration the registration's id
     * @param status       {@code CONFIRMED} or {@code WAITING}
     */
    record RegisteredOccurrence(String registration, String status, String title, OffsetDateTime startsAt,
                                OffsetDateTime endsAt, String place) {
    }
}
