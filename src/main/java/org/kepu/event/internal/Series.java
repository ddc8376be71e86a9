package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.org.Organisation;

/** A series as stored, with its organiser. {@code stage} is set while the series is in REVIEW. */
record Series(UUID id, String title, String summary, String description, Organisation organiser, List<String> topics,
              String audience, UUID coverAsset, String coverUrl, SeriesStatus status, ReviewStage stage, int version,
              String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt, String publishedBy,
              OffsetDateTime publishedAt) {

    Series {
        topics = List.copyOf(topics);
    }
}
