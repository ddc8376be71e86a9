package org.kepu.search.internal.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.kepu.search.SearchResult;
import org.kepu.search.internal.SearchProperties;
import org.kepu.platform.ElasticsearchCalls;
import org.kepu.search.internal.WorkDocument;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Runs a {@link SearchQuery} against the works alias and shapes the answer. */
@Component
public class WorkSearch {

    private final ElasticsearchAsyncClient elasticsearch;
    private final SearchProperties properties;
    private final SearchFailures failures;
    private final FacetLabels labels;

    WorkSearch(ElasticsearchAsyncClient elasticsearch, SearchProperties properties, SearchFailures failures,
               FacetLabels labels) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.failures = failures;
        this.labels = labels;
    }

    /** @param locale the language of the kind labels */
    public Mono<SearchResult> search(SearchQuery query, Locale locale) {
        return search(properties.alias(), query, locale);
    }

    /** The same search against another index or alias (the relevance test's own corpus), with Chinese labels. */
    public Mono<SearchResult> search(String index, SearchQuery query) {
        return search(index, query, Locale.SIMPLIFIED_CHINESE);
    }

    private Mono<SearchResult> search(String index, SearchQuery query, Locale locale) {
        Mono<SearchResponse<WorkDocument>> response = failures.guard(
                ElasticsearchCalls.call(() -> elasticsearch.search(WorkQueries.request(index, query), WorkDocument.class)));
        Map<String, String> kinds = labels.kinds(locale);
        return response.zipWith(labels.current(), (found, names) -> result(query, found, names, kinds));
    }

    private static SearchResult result(SearchQuery query, SearchResponse<WorkDocument> response, FacetLabels.Labels names,
                                       Map<String, String> kinds) {
        List<SearchResult.Hit> hits = response.hits().hits().stream().map(hit -> hit(hit, names)).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        String next = null;
        if (hits.size() == query.size() && (query.after() != null || query.from() + hits.size() < total)) {
            Hit<WorkDocument> last = response.hits().hits().get(hits.size() - 1);
            next = new SearchCursor(query.sort(), last.sort()).encode();
        }
        return new SearchResult(query.text(), query.sort().parameter(), total, hits, facets(response, names, kinds), next);
    }

    private static SearchResult.Hit hit(Hit<WorkDocument> hit, FacetLabels.Labels names) {
        WorkDocument work = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String organisation = work.organisation();
        String organisationName = work.organisationName() != null ? work.organisationName() : names.organisations().get(organisation);
        return new SearchResult.Hit(work.id(), work.title(), work.summary(), work.kind(), work.topics(),
                organisation == null ? null : new SearchResult.Organisation(organisation, organisationName),
                work.publishedAt(), work.popularity(), work.durationSeconds(),
                Highlights.title(highlight), Highlights.body(highlight));
    }

    private static Map<String, List<SearchResult.FacetValue>> facets(SearchResponse<WorkDocument> response, FacetLabels.Labels names,
                                                                     Map<String, String> kinds) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of(WorkQueries.TOPIC, WorkQueries.KIND, WorkQueries.ORGANISATION, WorkQueries.YEAR)) {
            Aggregate values = response.aggregations().get(name).filter().aggregations().get("values");
            List<SearchResult.FacetValue> counts = new ArrayList<>();
            if (values.isSterms()) {
                values.sterms().buckets().array().forEach(bucket -> counts.add(new SearchResult.FacetValue(bucket.key().stringValue(),
                        label(name, bucket.key().stringValue(), names, kinds), bucket.docCount())));
            } else if (values.isDateHistogram()) {
                values.dateHistogram().buckets().array().forEach(bucket -> counts.add(0,
                        new SearchResult.FacetValue(bucket.keyAsString(), null, bucket.docCount())));
            }
            facets.put(name, counts);
        }
        return facets;
    }

    private static String label(String facet, String value, FacetLabels.Labels names, Map<String, String> kinds) {
        return switch (facet) {
            case WorkQueries.ORGANISATION -> names.organisations().get(value);
            case WorkQueries.TOPIC -> names.topics().get(value);
            case WorkQueries.KIND -> kinds.get(value);
            default -> null;
        };
    }
}
