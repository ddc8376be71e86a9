package org.kepu.rumor.internal;

/** What a reviewer decides at a stage of a rumor item's review. */
enum RumorReviewVerdict {
    APPROVE, REQUEST_CHANGES, REJECT
}
