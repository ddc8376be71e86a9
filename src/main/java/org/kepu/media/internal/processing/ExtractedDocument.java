package org.kepu.media.internal.processing;

import java.time.Instant;

/**
 * Text and metadata of a document. Fields the format does not record are null.
 *
 * @param characters non-whitespace characters of {@code text} (the usual 字数 of Chinese text)
 * @param truncated  the text was cut at {@code kepu.media.documents.max-chars}
 */
public record ExtractedDocument(String contentType, String title, String author, Instant created, Integer pages,
                                Integer words, int characters, boolean truncated, String text) {
}
