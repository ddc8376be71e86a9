package org.kepu.content;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An unpublish waiting for its time; {@code revision} and {@code title} are those of the revision public now. */
public record ScheduledUnpublish(UUID id, WorkId work, String title, String organisation, Integer revision,
                                 OffsetDateTime at, String reason, String requestedBy) {
}
