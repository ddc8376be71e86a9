package org.kepu.event.internal;

import java.time.OffsetDateTime;

/** An occurrence's fields after checking. Title, description and audience may be null (the series' apply). */
record OccurrenceDetails(String title, String description, String audience, OffsetDateTime startsAt, OffsetDateTime endsAt,
                         Venue venue, RegistrationSettings registration) {
}
