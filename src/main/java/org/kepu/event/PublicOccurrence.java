package org.kepu.event;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One public session or tour stop of a series. Times are in Asia/Shanghai.
 *
 * @param path     the site path of the occurrence page, under /events/
 * @param topics   topic slugs, as works carry them (names come from content's {@code Topics})
 * @param audience {@code youth}, {@code elderly} or {@code all}
 * @param change   what was announced when the occurrence was rescheduled, moved or cancelled; null otherwise
 * @param coverUrl the public URL of the series' cover image, or null
 */
public record PublicOccurrence(String id, String seriesId, String seriesTitle, String title, OffsetDateTime startsAt,
                               OffsetDateTime endsAt, Venue venue, String organiser, List<String> topics, String audience,
                               String description, Status status, String change, boolean registrationOpen, String path,
                               String coverUrl) {

    public PublicOccurrence {
        topics = List.copyOf(topics);
    }

    public enum Status { SCHEDULED, RESCHEDULED, MOVED, CANCELLED }

    /** Where it takes place; {@code latitude}/{@code longitude} may be null. */
    public record Venue(String name, String address, String district, Double latitude, Double longitude, Integer capacity) {
    }
}
