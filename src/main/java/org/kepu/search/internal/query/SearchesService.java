package org.kepu.search.internal.query;

import java.util.Locale;

import org.kepu.search.SearchParameters;
import org.kepu.search.SearchResult;
import org.kepu.search.WorkSearches;
import org.kepu.search.internal.SearchProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class SearchesService implements WorkSearches {

    private final WorkSearch search;
    private final SearchProperties properties;
    private final SearchResultCache cache;

    SearchesService(WorkSearch search, SearchProperties properties, SearchResultCache cache) {
        this.search = search;
        this.properties = properties;
        this.cache = cache;
    }

    @Override
    public Mono<SearchResult> search(SearchParameters p, Locale locale) {
        return Mono.fromCallable(() -> SearchQuery.parse(p.q(), p.topics(), p.kinds(), p.organisations(), p.years(), p.sort(),
                p.size(), p.page(), p.after(), properties)).flatMap(query -> cache.get(query, locale, () -> search.search(query, locale)));
    }
}
