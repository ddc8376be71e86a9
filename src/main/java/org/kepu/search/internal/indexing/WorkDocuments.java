package org.kepu.search.internal.indexing;

import java.util.Map;
import java.util.Objects;

import org.kepu.content.PublishedWork;
import org.kepu.search.internal.WorkDocument;

/** A published work as the index holds it, with its total page views as popularity. */
final class WorkDocuments {

    private WorkDocuments() {
    }

    /**
     * The sanitized body is HTML even without a tag (the sanitizer writes some characters as entities, such as
     * {@code &#xff0c;} for ，), so it is always read as HTML.
     */
    private static String bodyText(String html) {
        return html == null ? null : WorkDocument.text(html);
    }

    /**
     * @param topicNames topic slug to display name: the names are completions too
     * @param views      the work's total page views ({@code WorkViewCounts}), 0 when never viewed
     */
    static WorkDocument of(PublishedWork work, Integer durationSeconds, Map<String, String> topicNames, long views) {
        return new WorkDocument(work.id().value().toString(), work.title(), work.summary(), bodyText(work.bodyHtml()), work.tags(),
                work.topics(), work.kind().name(), work.columns(), work.organisation(), work.organisationName(),
                work.credits().stream().map(credit -> credit.substring(credit.indexOf(':') + 1)).toList(),
                work.publishedAt() == null ? null : work.publishedAt().toInstant(), views, durationSeconds, (long) work.revision(),
                WorkDocument.suggestInputs(work.title(), work.tags(),
                        work.topics().stream().map(topicNames::get).filter(Objects::nonNull).toList()));
    }
}
