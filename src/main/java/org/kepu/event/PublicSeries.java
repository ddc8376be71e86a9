package org.kepu.event;

import java.util.List;

/** A published event series (e.g. 2026 全国科普日) with its public occurrences by start time. */
public record PublicSeries(String id, String title, String summary, String description, String organiser,
                           List<String> topics, String coverUrl, String path, List<PublicOccurrence> occurrences) {

    public PublicSeries {
        topics = List.copyOf(topics);
        occurrences = List.copyOf(occurrences);
    }
}
