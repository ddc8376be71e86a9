package org.kepu.event.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.event.PublicOccurrence;

/** A row of the public occurrence query: the occurrence, what it takes from its series, and its latest announcement. */
record PublicRow(Occurrence occurrence, String seriesTitle, String seriesDescription, String seriesAudience, String organiser,
                 java.util.List<String> topics, UUID coverAsset, String coverUrl, String announcement) {

    static final String COLUMNS = OccurrencesTable.COLUMNS + """
            , s.title AS series_title, s.description AS series_description, s.audience AS series_audience, s.topics,
            s.cover_asset, s.cover_url, org.name AS organiser,
            (SELECT c.announcement FROM event_change c WHERE c.occurrence_id = o.id ORDER BY c.id DESC LIMIT 1) AS announcement""";

    /** Only occurrences of published series: the one join every public read goes through. */
    static final String FROM = " FROM event_occurrence o"
            + " JOIN event_series s ON s.id = o.series_id AND s.status = 'PUBLISHED'"
            + " JOIN org_organisation org ON org.id = s.organisation_id";

    static PublicRow of(Readable row) {
        return new PublicRow(OccurrencesTable.occurrence(row), row.get("series_title", String.class),
                row.get("series_description", String.class), row.get("series_audience", String.class),
                row.get("organiser", String.class), Arrays.asList(row.get("topics", String[].class)), row.get("cover_asset", UUID.class),
                row.get("cover_url", String.class), row.get("announcement", String.class));
    }

    PublicOccurrence toPublic(Instant now, Map<UUID, String> covers) {
        Occurrence o = occurrence;
        Venue v = o.venue();
        return new PublicOccurrence(o.id().toString(), o.seriesId().toString(), seriesTitle, o.title() == null ? seriesTitle : o.title(),
                PublicTimes.shown(o.startsAt()), PublicTimes.shown(o.endsAt()),
                new PublicOccurrence.Venue(v.name(), v.address(), v.district(), v.latitude(), v.longitude(), v.capacity()),
                organiser, topics, o.audience() == null ? seriesAudience : o.audience(),
                o.description() == null ? seriesDescription : o.description(), o.status(),
                o.status() == PublicOccurrence.Status.SCHEDULED ? null : announcement, o.registrationOpen(now),
                PublicTimes.path(o.seriesId(), o.id()), EventCovers.cover(coverUrl, coverAsset, covers));
    }
}
