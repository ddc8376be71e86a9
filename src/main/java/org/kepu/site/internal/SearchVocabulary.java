package org.kepu.site.internal;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kepu.content.Columns;
import org.kepu.content.PublishedWorks;
import org.kepu.content.Topics;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The site's own words: topic and column names (or slugs) and the tags of public works. A search for one of
 * them is a page worth keeping in search engines, under one address per term; any other text stays out of
 * them, so arbitrary phrases (spam links to {@code /search?q=…}) never become indexed pages of the site.
 */
@Component
class SearchVocabulary {

    private static final int LONGEST = 50;

    private final Topics topics;
    private final Columns columns;
    private final PublishedWorks works;

    SearchVocabulary(Topics topics, Columns columns, PublishedWorks works) {
        this.topics = topics;
        this.columns = columns;
        this.works = works;
    }

    /**
     * The term as the site writes it, or empty: {@code ＨＥＡＬＴＨ } is {@code health} (a topic's slug), {@code 食品安全}
     * stays 食品安全 (its name). The spelling changes only what the search engine folds anyway (width, case, spaces), so
     * the results are the same under the term's address.
     */
    Mono<Optional<String>> term(String query) {
        String wanted = normalise(query);
        if (wanted.isEmpty() || wanted.length() > LONGEST) {
            return Mono.just(Optional.empty());
        }
        return topics.all().flatMapIterable(topic -> List.of(topic.name(), topic.slug()))
                .concatWith(columns.visible(OffsetDateTime.now()).flatMapIterable(column -> List.of(column.name(), column.slug())))
                .filter(word -> same(word, wanted))
                .next()
                .switchIfEmpty(Mono.defer(() -> works.tag(wanted)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorReturn(Optional.empty());
    }

    /** Full-width to half-width and compatibility forms folded, spaces trimmed and collapsed. */
    static String normalise(String query) {
        return query == null ? "" : Normalizer.normalize(query, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    private static boolean same(String word, String wanted) {
        return word != null && normalise(word).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT));
    }
}
