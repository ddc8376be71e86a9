package org.kepu.review.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of the editors' schedule: a publication ({@code reviewCase} set) or an unpublish ({@code unpublish}
 * set) at {@code at}, shown in the configured time zone. {@code revision} is the revision to be published, or
 * the one public now that will be taken offline.
 */
record ScheduleEntry(Action action, OffsetDateTime at, UUID work, String title, String organisation, Integer revision,
                     UUID reviewCase, UUID unpublish, String requestedBy, String reason) {

    enum Action {
        PUBLISH, UNPUBLISH
    }
}
