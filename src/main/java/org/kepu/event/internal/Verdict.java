package org.kepu.event.internal;

enum Verdict {
    APPROVE,
    /** Back to DRAFT with the reason; the author edits and submits again. */
    REQUEST_CHANGES,
    /** REJECTED for good. */
    REJECT
}
