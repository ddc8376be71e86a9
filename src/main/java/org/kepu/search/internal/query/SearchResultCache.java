package org.kepu.search.internal.query;

import java.util.Locale;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.kepu.search.SearchResult;
import org.kepu.search.internal.SearchChanges;
import org.kepu.search.internal.SearchProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers repeated searches from this instance's memory until the index changes on any instance
 * ({@link SearchChanges}); {@code kepu.search.result-cache-ttl} bounds an entry's age should a change's
 * announcement be lost. Pages reached with a cursor are not kept: they are rarely asked twice.
 */
@Component
class SearchResultCache {

    private final SearchChanges changes;
    private final Cache<String, SearchResult> results;
    private final boolean enabled;

    SearchResultCache(SearchChanges changes, SearchProperties properties) {
        this.changes = changes;
        this.enabled = properties.resultCacheSize() > 0;
        this.results = Caffeine.newBuilder().maximumSize(Math.max(1, properties.resultCacheSize()))
                .expireAfterWrite(properties.resultCacheTtl()).build();
    }

    Mono<SearchResult> get(SearchQuery query, Locale locale, Supplier<Mono<SearchResult>> search) {
        if (!enabled || query.after() != null) {
            return search.get();
        }
        // The generation is read before searching: a result that started before a change is kept under the old one.
        String key = changes.current() + "|" + locale.toLanguageTag() + "|" + query;
        SearchResult cached = results.getIfPresent(key);
        if (cached != null) {
            return Mono.just(cached);
        }
        return search.get().doOnNext(result -> results.put(key, result));
    }
}
