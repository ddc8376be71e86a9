package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An announced change of a published occurrence: the values before and after, and the text the public reads. */
record Change(long id, UUID occurrenceId, ChangeKind kind, Map<String, Object> before, Map<String, Object> after,
              String announcement, int sequence, String announcedBy, OffsetDateTime announcedAt) {

    Change {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }
}
