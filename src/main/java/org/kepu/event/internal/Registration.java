package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A citizen's registration for an occurrence.
 *
 * @param phone private: shown to association staff only, never in public answers or feeds
 */
record Registration(UUID id, UUID occurrenceId, String name, String phone, Status status, String checkInCode,
                    OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime cancelledAt, String cancelledBy,
                    OffsetDateTime checkedInAt, String checkedInBy) {

    enum Status { CONFIRMED, WAITING, CANCELLED }
}
