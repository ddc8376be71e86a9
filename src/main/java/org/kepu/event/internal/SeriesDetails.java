package org.kepu.event.internal;

import java.util.List;
import java.util.UUID;

import org.kepu.org.Organisation;

/** A series' fields after checking: the organiser exists, the topics are known, the cover suits. */
record SeriesDetails(String title, String summary, String description, Organisation organiser, List<String> topics,
                     String audience, UUID coverAsset, String coverUrl) {

    SeriesDetails {
        topics = List.copyOf(topics);
    }
}
