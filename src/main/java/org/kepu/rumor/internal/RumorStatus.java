package org.kepu.rumor.internal;

/** Where an item's working copy is; a published snapshot may exist beside any of them. */
enum RumorStatus {
    DRAFT, REVIEW, PUBLISHED, REJECTED
}
