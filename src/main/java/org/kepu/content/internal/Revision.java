package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One saved state of a work, never changed after it is written. */
record Revision(int number, String title, String summary, WorkDraft.BodyFormat bodyFormat, String bodySource,
                String bodyHtml, List<String> topics, List<String> columns, List<String> tags, List<Credit> credits,
                WorkDraft.Originality originality, String licence, UUID coverAsset, List<UUID> mediaAssets,
                String createdBy, OffsetDateTime createdAt) {

    WorkDraft toDraft() {
        return new WorkDraft(title, summary, bodySource, bodyFormat, topics, columns, tags, credits, originality, licence,
                coverAsset, mediaAssets);
    }
}
