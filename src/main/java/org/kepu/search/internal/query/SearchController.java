package org.kepu.search.internal.query;

import java.util.List;

import org.kepu.search.internal.SearchProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public search over published works; anyone may call it, signed in or not. */
@RestController
class SearchController {

    private final WorkSearch search;
    private final WorkSuggestions suggestions;
    private final SearchProperties properties;

    SearchController(WorkSearch search, WorkSuggestions suggestions, SearchProperties properties) {
        this.search = search;
        this.suggestions = suggestions;
        this.properties = properties;
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
                              @RequestParam(required = false) String after) {
        return Mono.fromCallable(() -> SearchQuery.parse(q, topic, kind, organisation, year, sort, size, page, after, properties))
                .flatMap(search::search);
    }

    @GetMapping("/api/search/suggest")
    Mono<List<WorkSuggestions.Suggestion>> suggest(@RequestParam(required = false) String prefix,
                                                   @RequestParam(required = false) String size) {
        return Mono.defer(() -> suggestions.suggest(prefix, size));
    }
}
