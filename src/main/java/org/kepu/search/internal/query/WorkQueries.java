package org.kepu.search.internal.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;

/**
 * Builds the Elasticsearch request for a {@link SearchQuery}; the endpoint and the relevance test use it alike.
 *
 * <p>Scoring (see {@code docs/search.md}): a work must match the words (smartcn, with synonyms) or the
 * bigrams ({@code .cjk}) of the query in title, summary or body; on top of that it gains for the query
 * as a phrase (words within two positions), for the exact string in its title, and for a tag equal to
 * the query. Title outweighs summary outweighs body in every part, so a title hit ranks above a body hit.
 * Only match queries are used: the query string is never parsed as a query language.
 */
public final class WorkQueries {

    static final String TOPIC = "topic";
    static final String KIND = "kind";
    static final String ORGANISATION = "organisation";
    static final String YEAR = "year";
    static final String BEIJING = "+08:00";
    /** Markers around highlighted terms; {@link Highlights} escapes everything else and turns them into {@code <em>}. */
    static final String MARK_START = "\uE000";
    static final String MARK_END = "\uE001";

    private static final List<String> WORD_FIELDS = List.of("title^4", "summary^2", "body");
    private static final List<String> BIGRAM_FIELDS = List.of("title.cjk^4", "summary.cjk^2", "body.cjk");
    private static final int FACET_SIZE = 30;

    private WorkQueries() {
    }

    public static SearchRequest request(String index, SearchQuery query) {
        return SearchRequest.of(s -> {
            // The shard request cache keeps the query phase's result (hits, total, facets) until the index next
            // changes, so a repeated search costs only the fetch (sources, highlights); see docs/search.md.
            s.index(index)
                    .requestCache(true)
                    .query(query.defaults() ? Query.of(q -> q.matchAll(m -> m)) : text(query.text()))
                    .sort(query.sort().order())
                    .size(query.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.excludes("body", "suggest*", "credits")))
                    .aggregations(facets(query));
            Query filter = filters(query, null);
            if (filter != null) {
                s.postFilter(filter);
            }
            if (query.after() != null) {
                s.searchAfter(query.after().values());
            } else {
                s.from(query.from());
            }
            if (!query.defaults()) {
                s.highlight(highlight());
            }
            return s;
        });
    }

    /** The relevance query for a query string of at least two characters. */
    public static Query text(String text) {
        Query words = Query.of(q -> q.multiMatch(m -> m.query(text).fields(WORD_FIELDS)
                .type(TextQueryType.BestFields).tieBreaker(0.3)));
        Query bigrams = Query.of(q -> q.multiMatch(m -> m.query(text).fields(BIGRAM_FIELDS)
                .type(TextQueryType.BestFields).tieBreaker(0.3)));
        Query phrase = Query.of(q -> q.multiMatch(m -> m.query(text).fields(WORD_FIELDS)
                .type(TextQueryType.Phrase).slop(2).boost(2f)));
        Query exactTitle = Query.of(q -> q.matchPhrase(m -> m.field("title.cjk").query(text).boost(3f)));
        Query tag = Query.of(q -> q.constantScore(c -> c.boost(4f).filter(f -> f.terms(t -> t.field("tags")
                .terms(v -> v.value(tagValues(text)))))));
        return Query.of(q -> q.bool(b -> b
                .must(m -> m.bool(any -> any.should(words, bigrams).minimumShouldMatch("1")))
                .should(phrase, exactTitle, tag)));
    }

    private static List<FieldValue> tagValues(String text) {
        List<FieldValue> values = new ArrayList<>();
        values.add(FieldValue.of(text));
        for (String part : text.split(" ")) {
            if (!part.equals(text) && part.length() >= 2) {
                values.add(FieldValue.of(part));
            }
        }
        return values;
    }

    private static Highlight highlight() {
        return Highlight.of(h -> h.type(HighlighterType.Unified)
                .preTags(MARK_START).postTags(MARK_END)
                .fields("title", f -> f.numberOfFragments(0))
                .fields("title.cjk", f -> f.numberOfFragments(0))
                .fields("body", f -> f.fragmentSize(80).numberOfFragments(2).noMatchSize(80))
                .fields("body.cjk", f -> f.fragmentSize(80).numberOfFragments(2)));
    }

    /**
     * One aggregation per facet, each counting under every filter except its own, so that choosing a
     * topic still shows how many works the other topics hold (the filters reach the hits as a post filter).
     */
    private static Map<String, Aggregation> facets(SearchQuery query) {
        Map<String, Aggregation> facets = new LinkedHashMap<>();
        facets.put(TOPIC, facet(query, TOPIC, Aggregation.of(a -> a.terms(t -> t.field("topics").size(FACET_SIZE)))));
        facets.put(KIND, facet(query, KIND, Aggregation.of(a -> a.terms(t -> t.field("kind").size(FACET_SIZE)))));
        facets.put(ORGANISATION, facet(query, ORGANISATION, Aggregation.of(a -> a.terms(t -> t.field("organisation").size(FACET_SIZE)))));
        facets.put(YEAR, facet(query, YEAR, Aggregation.of(a -> a.dateHistogram(d -> d.field("publishedAt")
                .calendarInterval(CalendarInterval.Year).format("yyyy").timeZone(BEIJING).minDocCount(1)))));
        return facets;
    }

    private static Aggregation facet(SearchQuery query, String name, Aggregation values) {
        Query others = filters(query, name);
        return Aggregation.of(a -> a.filter(others == null ? Query.of(q -> q.matchAll(m -> m)) : others)
                .aggregations("values", values));
    }

    /** All filters of {@code query} except {@code except}'s, or null when none is left. */
    static Query filters(SearchQuery query, String except) {
        List<Query> filters = new ArrayList<>();
        if (!TOPIC.equals(except) && !query.topics().isEmpty()) {
            filters.add(terms("topics", query.topics()));
        }
        if (!KIND.equals(except) && !query.kinds().isEmpty()) {
            filters.add(terms("kind", query.kinds()));
        }
        if (!ORGANISATION.equals(except) && !query.organisations().isEmpty()) {
            filters.add(terms("organisation", query.organisations()));
        }
        if (!YEAR.equals(except) && !query.years().isEmpty()) {
            filters.add(Query.of(q -> q.bool(b -> {
                query.years().forEach(year -> b.should(s -> s.range(r -> r.date(d -> d.field("publishedAt")
                        .gte(year + "-01-01T00:00:00").lt((year + 1) + "-01-01T00:00:00").timeZone(BEIJING)))));
                return b.minimumShouldMatch("1");
            })));
        }
        if (filters.isEmpty()) {
            return null;
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }
}
