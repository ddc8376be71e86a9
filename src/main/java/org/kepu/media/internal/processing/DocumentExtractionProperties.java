package org.kepu.media.internal.processing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the warm child JVMs that extract text and metadata of documents with Tika.
 *
 * @param maxHeap           {@code -Xmx} of each child JVM
 * @param maxChars          characters of text kept; the rest is cut off and the result says {@code truncated}
 * @param timeout           a child still busy with one document after this is killed
 * @param concurrency       documents extracted at once on this instance, and so the number of warm children
 * @param documentsPerChild a child is replaced by a fresh one after this many documents
 * @param prestart          start the children with the application instead of on the first document
 */
@ConfigurationProperties("kepu.media.documents")
public record DocumentExtractionProperties(
        @DefaultValue("256m") String maxHeap,
        @DefaultValue("2000000") int maxChars,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("1") int concurrency,
        @DefaultValue("100") int documentsPerChild,
        @DefaultValue("false") boolean prestart) {

    public DocumentExtractionProperties {
        maxHeap = maxHeap == null || maxHeap.isBlank() ? "256m" : maxHeap;
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        if (maxChars < 1 || concurrency < 1 || documentsPerChild < 1) {
            throw new IllegalArgumentException(
                    "kepu.media.documents.max-chars, concurrency and documents-per-child must be positive");
        }
    }

    public static DocumentExtractionProperties defaults() {
        return new DocumentExtractionProperties("256m", 2_000_000, Duration.ofSeconds(120), 1, 100, false);
    }
}
