package org.kepu.search.internal.query;

import java.util.List;

import org.kepu.search.SearchParameters;
import org.kepu.search.SearchResult;
import org.kepu.search.WorkSearches;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Public search over published works; anyone may call it, signed in or not. */
@RestController
class SearchController {

    private final WorkSearches searches;
    private final WorkSuggestions suggestions;

    SearchController(WorkSearches searches, WorkSuggestions suggestions) {
        this.searches = searches;
        this.suggestions = suggestions;
    }

    @GetMapping("/api/search")
    Mono<SearchResult> search(@RequestParam(required = false) String q,
                              @RequestParam(required = false) List<String> topic,
                              @RequestParam(required = false) List<String> kind,
                              @RequestParam(required = false) List<String> organisation,
                              @RequestParam(required = false) List<String> year,
                              @RequestParam(required = false) String sort,
                              @RequestParam(required = false) String size,
                              @RequestParam(required = false) String page,
                              @RequestParam(required = false) String after,
                              ServerWebExchange exchange) {
        return searches.search(new SearchParameters(q, topic, kind, organisation, year, sort, size, page, after),
                exchange.getLocaleContext().getLocale());
    }

    @GetMapping("/api/search/suggest")
    Mono<List<WorkSuggestions.Suggestion>> suggest(@RequestParam(required = false) String prefix,
                                                   @RequestParam(required = false) String size) {
        return Mono.defer(() -> suggestions.suggest(prefix, size));
    }
}
