package org.kepu.event.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.kepu.event.PublicOccurrence;

/**
 * One session or tour stop as stored. Title, description and audience are null when the series' apply.
 *
 * @param sequence the iCalendar SEQUENCE, raised by every announced change
 */
record Occurrence(UUID id, UUID seriesId, String title, String description, String audience, OffsetDateTime startsAt,
                  OffsetDateTime endsAt, Venue venue, PublicOccurrence.Status status, int sequence,
                  RegistrationSettings registration, OffsetDateTime updatedAt) {

    boolean cancelled() {
        return status == PublicOccurrence.Status.CANCELLED;
    }

    /** Citizens may register now (cancelled and ended occurrences never take registrations). */
    boolean registrationOpen(Instant now) {
        return !cancelled() && now.isBefore(endsAt.toInstant()) && registration.openAt(now);
    }
}
