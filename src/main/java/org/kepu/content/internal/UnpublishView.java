package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.kepu.platform.ScheduleProperties;

/** An unpublish as editors see it, times in the configured time zone. */
record UnpublishView(UUID id, UUID work, Unpublish.Status status, Integer revision, OffsetDateTime at, String reason,
                     String requestedBy, OffsetDateTime requestedAt) {

    static UnpublishView of(Unpublish unpublish, ScheduleProperties schedule) {
        return new UnpublishView(unpublish.id(), unpublish.work(), unpublish.status(), unpublish.revision(),
                schedule.shown(unpublish.runAt()), unpublish.reason(), unpublish.requestedBy(),
                schedule.shown(unpublish.requestedAt()));
    }
}
