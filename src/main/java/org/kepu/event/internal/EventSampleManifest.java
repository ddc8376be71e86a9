package org.kepu.event.internal;

import java.util.List;

/**
 * {@code content-samples/events.json}: the sample series an embedded installation publishes on its first start.
 *
 * @param key     names a series for good: an imported key is never imported again
 * @param changes announced after publishing, to show how changes look; {@code occurrence} is an index into
 *                {@code occurrences}
 */
record EventSampleManifest(int version, List<Sample> series) {

    record Sample(String key, String title, String summary, String description, String organisation, List<String> topics,
                  String audience, List<OccurrenceForm> occurrences, List<SampleChange> changes) {

        SeriesForm form() {
            return new SeriesForm(title, summary, description, organisation, topics, audience, null, null);
        }
    }

    record SampleChange(int occurrence, ChangeKind kind, java.time.OffsetDateTime startsAt, java.time.OffsetDateTime endsAt,
                        OccurrenceForm.VenueForm venue, String announcement) {

        OccurrenceChanges.ChangeRequest request() {
            return new OccurrenceChanges.ChangeRequest(kind, startsAt, endsAt, venue, announcement);
        }
    }
}
