package org.kepu.event.internal;

/** Where a series is in its life: only PUBLISHED series reach any public surface. */
enum SeriesStatus {
    /** Being written; editable. */
    DRAFT,
    /** Submitted and screened, waiting at a review stage; not editable. */
    REVIEW,
    /** Approved by every stage: public. Changes to its occurrences are announced ({@link ChangeKind}). */
    PUBLISHED,
    /** Refused by a reviewer for good. */
    REJECTED
}
