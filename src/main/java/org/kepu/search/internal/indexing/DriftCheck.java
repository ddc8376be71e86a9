package org.kepu.search.internal.indexing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.kepu.content.PublishedRevision;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares which works are public in PostgreSQL (and at which publication version) with what an index
 * holds, and on request repairs the difference. Both sides are read in pages; only ids and versions are
 * kept in memory (about 100 bytes a work).
 */
@Component
class DriftCheck {

    private static final int PAGE = 1000;

    private final PublishedWorks works;
    private final ElasticsearchAsyncClient elasticsearch;
    private final IndexWriter writer;
    private final IndexingProperties properties;

    DriftCheck(PublishedWorks works, ElasticsearchAsyncClient elasticsearch, IndexWriter writer, IndexingProperties properties) {
        this.works = works;
        this.elasticsearch = elasticsearch;
        this.writer = writer;
        this.properties = properties;
    }

    Mono<DriftReport> check(String index, boolean repair) {
        return works.revisions(PAGE).collectMap(revision -> revision.id().value().toString(), PublishedRevision::version)
                .zipWith(indexed(index))
                .flatMap(both -> compare(index, both.getT1(), both.getT2(), repair));
    }

    private Mono<DriftReport> compare(String index, Map<String, Long> published, Map<String, Long> indexed, boolean repair) {
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        published.forEach((id, version) -> {
            Long held = indexed.get(id);
            if (held == null) {
                missing.add(id);
            } else if (held < version) {
                stale.add(id);
            }
        });
        List<String> extra = indexed.keySet().stream().filter(id -> !published.containsKey(id)).toList();
        if (!repair) {
            return Mono.just(new DriftReport(published.size(), indexed.size(), missing.size(), stale.size(), extra.size(), 0));
        }
        List<String> rewrite = new ArrayList<>(missing);
        rewrite.addAll(stale);
        Mono<Integer> written = Flux.fromIterable(rewrite)
                .concatMap(id -> works.find(new WorkId(UUID.fromString(id))))
                .buffer(properties.bulkSize())
                .concatMap(batch -> writer.bulk(index, batch))
                .reduce(0, Integer::sum);
        Mono<Integer> removed = Flux.fromIterable(extra).buffer(properties.bulkSize())
                .concatMap(batch -> writer.bulkDelete(index, batch))
                .reduce(0, Integer::sum);
        return written.zipWith(removed, Integer::sum)
                .map(repaired -> new DriftReport(published.size(), indexed.size(), missing.size(), stale.size(), extra.size(), repaired));
    }

    /** Every document's id and version, paged by {@code search_after} on the id. */
    private Mono<Map<String, Long>> indexed(String index) {
        Map<String, Long> found = new HashMap<>();
        return page(index, null)
                .expand(response -> response.hits().hits().size() < PAGE ? Mono.empty()
                        : page(index, last(response)))
                .doOnNext(response -> response.hits().hits().forEach(hit -> found.put(hit.id(), hit.version())))
                .then(Mono.fromSupplier(() -> found));
    }

    private Mono<SearchResponse<Void>> page(String index, String after) {
        return IndexWriter.call(() -> elasticsearch.search(s -> {
            s.index(index).size(PAGE).version(true).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false))
                    .sort(sort -> sort.field(f -> f.field("id").order(SortOrder.Asc)));
            if (after != null) {
                s.searchAfter(FieldValue.of(after));
            }
            return s;
        }, Void.class));
    }

    private static String last(SearchResponse<Void> response) {
        List<Hit<Void>> hits = response.hits().hits();
        return hits.get(hits.size() - 1).id();
    }
}
