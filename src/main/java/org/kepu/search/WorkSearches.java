package org.kepu.search;

import java.util.Locale;

import reactor.core.publisher.Mono;

/** Search over published works, for the site's search page and other modules' replies. */
public interface WorkSearches {

    /**
     * One page of results, with the facet labels that have a language of their own (kinds: 图文, 微视频 …) in
     * {@code locale}: English for an English locale, Chinese otherwise. Fails with a 422
     * {@link org.kepu.platform.ProblemException} naming an unusable parameter, and with a 503 one while the
     * search server cannot be reached.
     */
    Mono<SearchResult> search(SearchParameters parameters, Locale locale);

    /** {@link #search(SearchParameters, Locale)} with Chinese labels. */
    default Mono<SearchResult> search(SearchParameters parameters) {
        return search(parameters, Locale.SIMPLIFIED_CHINESE);
    }
}
