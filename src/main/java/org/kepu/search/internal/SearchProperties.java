package org.kepu.search.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where works are searched and how long a searcher waits.
 *
 * @param alias          the alias readers and writers use; it points at one physical index
 * @param indexPrefix    physical indices are named {@code <indexPrefix><N>}; the first one is created at start
 *                       when the alias is missing (the index template matches {@code works_v*})
 * @param timeout        a search or suggestion that takes longer is abandoned with 503
 * @param retryAfter     what a 503 tells the caller to wait
 * @param maxQueryLength longer query strings are refused with 422
 * @param maxPageDepth   {@code page} reaches at most this many hits deep; beyond it the {@code after} cursor is needed
 * @param resultCacheSize search results each instance keeps for repeated searches (0: none)
 * @param resultCacheTtl  the longest a kept result is used, should the announcement of a change be lost
 */
@ConfigurationProperties("kepu.search")
public record SearchProperties(@DefaultValue("works") String alias,
                               @DefaultValue("works_v") String indexPrefix,
                               @DefaultValue("3s") Duration timeout,
                               @DefaultValue("30s") Duration retryAfter,
                               @DefaultValue("100") int maxQueryLength,
                               @DefaultValue("1000") int maxPageDepth,
                               @DefaultValue("2000") int resultCacheSize,
                               @DefaultValue("60s") Duration resultCacheTtl) {

    public String firstIndex() {
        return indexPrefix + 1;
    }
}
