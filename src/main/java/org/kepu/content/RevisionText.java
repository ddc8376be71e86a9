package org.kepu.content;

import java.util.List;
import java.util.UUID;

/** What a reader of one revision sees: its text (the body as sanitized HTML), topics, tags and the files it uses. */
public record RevisionText(WorkId id, int revision, String title, String summary, String bodyHtml, List<String> topics,
                           List<String> tags, UUID cover, List<UUID> media) {
}
