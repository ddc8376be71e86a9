package org.kepu.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A work as the public sees it: its published revision, never a draft.
 *
 * @param version the work's publication version (see {@link Publication})
 * @param credits the people credited, as {@code role:name} pairs in the revision's order
 */
public record PublishedWork(WorkId id, int revision, long version, WorkKind kind, String organisation, String organisationName,
                            String title, String summary, String bodyHtml, List<String> topics, List<String> columns,
                            List<String> tags, List<String> credits, OffsetDateTime publishedAt, UUID cover,
                            List<UUID> media) {
}
