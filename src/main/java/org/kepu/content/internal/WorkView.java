package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.kepu.content.WorkKind;

/** A work as its editors see it: identity, both revision pointers, and the current draft. */
record WorkView(UUID id, WorkKind kind, String organisation, int draftRevision, Integer publishedRevision,
                String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, Revision draft) {

    WorkView withDraft(Revision revision) {
        return new WorkView(id, kind, organisation, draftRevision, publishedRevision, createdBy, createdAt, updatedAt, revision);
    }
}
