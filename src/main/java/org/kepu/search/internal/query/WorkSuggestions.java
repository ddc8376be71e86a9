package org.kepu.search.internal.query;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import org.kepu.platform.ProblemException;
import org.kepu.search.internal.SearchProperties;
import org.kepu.platform.ElasticsearchCalls;
import org.kepu.search.internal.Pinyin;
import org.kepu.search.internal.WorkDocument;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Completions for the search box: titles ({@code suggest}), tags and topic names ({@code suggestTerms}) that begin
 * with what was typed (full-width, upper-case and traditional characters fold as in search). When what was
 * typed can be pinyin ({@code spaq}, {@code shipin}, {@code Shi Pin}), the pinyin fields are asked too
 * ({@code suggestPinyin}, {@code suggestPinyinTerms}), and their matches show the text they spell. Direct
 * matches come first, then the pinyin ones, each in the order of what matched (食品安全 before 食品安全进校园).
 */
@Component
class WorkSuggestions {

    static final int DEFAULT_SIZE = 8;
    static final int MAX_SIZE = 20;
    private static final String TITLES = "titles";
    private static final String TERMS = "terms";
    private static final String PINYIN_TITLES = "pinyin-titles";
    private static final String PINYIN_TERMS = "pinyin-terms";

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
        String pinyin = Pinyin.typed(typed);
        SearchRequest request = SearchRequest.of(s -> s.index(properties.alias()).size(0)
                .source(src -> src.filter(f -> f.includes("id", "title")))
                .suggest(g -> {
                    g.suggesters(TITLES, f -> f.prefix(typed)
                            .completion(c -> c.field("suggest").size(count).skipDuplicates(true)));
                    g.suggesters(TERMS, f -> f.prefix(typed)
                            .completion(c -> c.field("suggestTerms").size(count).skipDuplicates(true)));
                    if (pinyin != null) {
                        g.suggesters(PINYIN_TITLES, f -> f.prefix(pinyin)
                                .completion(c -> c.field("suggestPinyin").size(count).skipDuplicates(true)));
                        g.suggesters(PINYIN_TERMS, f -> f.prefix(pinyin)
                                .completion(c -> c.field("suggestPinyinTerms").size(count).skipDuplicates(true)));
                    }
                    return g;
                }));
        return failures.guard(ElasticsearchCalls.call(() -> elasticsearch.search(request, Map.class)))
                .map(response -> {
                    Map<String, Suggestion> found = new LinkedHashMap<>();
                    inOrder(response.suggest(), TITLES, TERMS).forEach(option -> found.putIfAbsent(option.text(),
                            suggestion(option.text(), option)));
                    inOrder(response.suggest(), PINYIN_TITLES, PINYIN_TERMS).forEach(option -> {
                        String text = WorkDocument.pinyinTarget(option.text());
                        found.putIfAbsent(text, suggestion(text, option));
                    });
                    return found.values().stream().limit(count).toList();
                });
    }

    /** The options of two suggesters merged in the order of their text, as one completion field would give them. */
    @SuppressWarnings("rawtypes")
    private static Stream<CompletionSuggestOption<Map>> inOrder(Map<String, List<co.elastic.clients.elasticsearch.core.search.Suggestion<Map>>> suggestions, String first,
                                                               String second) {
        return Stream.of(first, second)
                .flatMap(name -> suggestions.getOrDefault(name, List.of()).stream())
                .flatMap(suggestion -> suggestion.completion().options().stream())
                .sorted(Comparator.comparing(option -> option.text().toLowerCase(Locale.ROOT)));
    }

    /** The completion {@code text}; the work is named when the text is that work's title. */
    @SuppressWarnings("rawtypes")
    private static Suggestion suggestion(String text, CompletionSuggestOption<Map> option) {
        Map source = option.source();
        Object title = source == null ? null : source.get("title");
        return new Suggestion(text, text.equals(title) ? option.id() : null);
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
