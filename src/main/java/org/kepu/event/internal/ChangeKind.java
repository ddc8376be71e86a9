package org.kepu.event.internal;

import org.kepu.event.PublicOccurrence;

/** An announced change of a published occurrence. */
enum ChangeKind {
    /** New start and/or end time. */
    RESCHEDULED,
    /** New venue. */
    MOVED,
    /** Will not take place. */
    CANCELLED;

    PublicOccurrence.Status status() {
        return PublicOccurrence.Status.valueOf(name());
    }
}
