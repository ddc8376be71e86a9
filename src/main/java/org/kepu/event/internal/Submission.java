package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.review.ScreenHit;

/** One submission of a series, with what the sensitive-word screen found. */
record Submission(UUID id, UUID seriesId, String submittedBy, OffsetDateTime submittedAt, List<ScreenHit> screen, boolean blocked) {

    Submission {
        screen = List.copyOf(screen);
    }
}
