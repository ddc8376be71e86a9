package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One unpublish of a work: done at once, or waiting for {@code runAt} with durable job {@code job}. */
record Unpublish(UUID id, UUID work, OffsetDateTime runAt, String reason, Status status, Integer revision, Long job,
                 String requestedBy, OffsetDateTime requestedAt, String closedBy, OffsetDateTime closedAt) {

    enum Status {
        SCHEDULED, DONE, CANCELLED,
        /** Its time came while the work was not public (already unpublished, or never published again). */
        SKIPPED
    }
}
