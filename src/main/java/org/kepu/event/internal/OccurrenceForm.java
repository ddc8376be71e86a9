package org.kepu.event.internal;

import java.time.OffsetDateTime;

/** An occurrence as the console sends it; times with an offset (shown in Asia/Shanghai). */
record OccurrenceForm(String title, String description, String audience, OffsetDateTime startsAt, OffsetDateTime endsAt,
                      VenueForm venue, RegistrationForm registration) {

    record VenueForm(String name, String address, String district, Double latitude, Double longitude, Integer capacity) {
    }

    /** Leave out or {@code enabled: false} for occurrences without registration. */
    record RegistrationForm(Boolean enabled, OffsetDateTime opensAt, OffsetDateTime closesAt, Integer capacity) {
    }
}
