package org.kepu.media.internal.processing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the child JVM that extracts text and metadata of documents with Tika.
 *
 * @param maxHeap     {@code -Xmx} of the child JVM
 * @param maxChars    characters of text kept; the rest is cut off and the result says {@code truncated}
 * @param timeout     the child is killed after this
 * @param concurrency documents extracted at once on this instance
 */
@ConfigurationProperties("kepu.media.documents")
public record DocumentExtractionProperties(
        @DefaultValue("256m") String maxHeap,
        @DefaultValue("2000000") int maxChars,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("1") int concurrency) {

    public DocumentExtractionProperties {
        maxHeap = maxHeap == null || maxHeap.isBlank() ? "256m" : maxHeap;
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        if (maxChars < 1 || concurrency < 1) {
            throw new IllegalArgumentException("kepu.media.documents.max-chars and concurrency must be positive");
        }
    }

    public static DocumentExtractionProperties defaults() {
        return new DocumentExtractionProperties("256m", 2_000_000, Duration.ofSeconds(120), 1);
    }
}
