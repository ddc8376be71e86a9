package org.kepu.content;

public record RevisionText(WorkId id, int revision, String title, String summary, String bodyHtml) {
}
