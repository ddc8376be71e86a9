package org.kepu.search.internal.query;

import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import org.kepu.platform.ProblemException;
import org.kepu.search.internal.SearchProperties;
import org.kepu.search.internal.ElasticsearchCalls;
import org.kepu.search.internal.WorkDocument;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Completions for the search box from the {@code suggest} field: titles, tags and topic names that begin
 * with what was typed (full-width, upper-case and traditional characters fold as in search).
 */
@Component
class WorkSuggestions {

    static final int DEFAULT_SIZE = 8;
    static final int MAX_SIZE = 20;

    /** A completion; {@code work} is the work's id when the completion is that work's title. */
    record Suggestion(String text, String work) {
    }

    private final ElasticsearchAsyncClient elasticsearch;
    private final SearchProperties properties;
    private final SearchFailures failures;

    WorkSuggestions(ElasticsearchAsyncClient elasticsearch, SearchProperties properties, SearchFailures failures) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.failures = failures;
    }

    Mono<List<Suggestion>> suggest(String prefix, String size) {
        String typed = prefix == null ? "" : prefix.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}]", "").stripLeading();
        if (typed.codePointCount(0, typed.length()) > WorkDocument.MAX_SUGGEST_INPUT) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-prefix-too-long", WorkDocument.MAX_SUGGEST_INPUT));
        }
        int count = count(size);
        if (typed.isBlank()) {
            return Mono.just(List.of());
        }
        SearchRequest request = SearchRequest.of(s -> s.index(properties.alias()).size(0)
                .source(src -> src.filter(f -> f.includes("id", "title")))
                .suggest(g -> g.suggesters("works", f -> f.prefix(typed)
                        .completion(c -> c.field("suggest").size(count).skipDuplicates(true)))));
        return failures.guard(ElasticsearchCalls.call(() -> elasticsearch.search(request, Map.class)))
                .map(response -> response.suggest().getOrDefault("works", List.of()).stream()
                        .flatMap(suggestion -> suggestion.completion().options().stream())
                        .map(WorkSuggestions::suggestion)
                        .toList());
    }

    @SuppressWarnings("rawtypes")
    private static Suggestion suggestion(CompletionSuggestOption<Map> option) {
        Map source = option.source();
        Object title = source == null ? null : source.get("title");
        return new Suggestion(option.text(), option.text().equals(title) ? option.id() : null);
    }

    private static int count(String size) {
        if (size == null || size.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int count = Integer.parseInt(size.strip());
            if (count >= 1 && count <= MAX_SIZE) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-size-invalid", MAX_SIZE, size);
    }
}
