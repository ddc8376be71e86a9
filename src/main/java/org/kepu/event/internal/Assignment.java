package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A volunteer of the directory serving at an occurrence; a COORDINATOR with an account may check registrants in. */
record Assignment(UUID occurrenceId, UUID volunteerId, Role role, String assignedBy, OffsetDateTime assignedAt) {

    enum Role { COORDINATOR, HELPER }
}
