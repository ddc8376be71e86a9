package org.kepu.content;

import java.util.List;

/** A work as the review chain sees it; {@code publishedRevision} is null until first published. */
public record WorkFacts(WorkId id, WorkKind kind, String organisation, int draftRevision, Integer publishedRevision,
                        String title, List<String> topics) {
}
