package org.kepu.search.internal.indexing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.indices.IndexState;
import org.kepu.content.PublishedWorks;
import org.kepu.platform.AuditLog;
import org.kepu.search.internal.SearchChanges;
import org.kepu.search.internal.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A full rebuild without downtime: a new physical index is filled from PostgreSQL while searches keep
 * using the alias; then the alias moves in one atomic request, the old index goes, and a drift repair on
 * the new index picks up what was published or unpublished while it was being filled (those jobs wrote
 * through the alias into the old index).
 */
@Component
class Reindex {

    private static final Logger log = LoggerFactory.getLogger(Reindex.class);
    /** Longer than the reindex lease: an index without alias this old belongs to no running rebuild. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(3);
    private static final int BULKS_IN_FLIGHT = 2;
    /** Elasticsearch's default, which the index template keeps; set again once the new index is full. */
    private static final String REFRESH_INTERVAL = "1s";

    record Report(String index, List<String> replaced, int indexed, DriftReport catchUp) {
    }

    private final SearchChanges changes;
    private final ElasticsearchAsyncClient elasticsearch;
    private final PublishedWorks works;
    private final IndexWriter writer;
    private final DriftCheck drift;
    private final SearchProperties search;
    private final IndexingProperties properties;
    private final AuditLog audit;

    Reindex(ElasticsearchAsyncClient elasticsearch, PublishedWorks works, IndexWriter writer, DriftCheck drift,
            SearchProperties search, IndexingProperties properties, AuditLog audit, SearchChanges changes) {
        this.changes = changes;
        this.elasticsearch = elasticsearch;
        this.works = works;
        this.writer = writer;
        this.drift = drift;
        this.search = search;
        this.properties = properties;
        this.audit = audit;
    }

    Mono<Report> run(String by) {
        return indices().flatMap(existing -> behindAlias().flatMap(current -> {
            String next = search.indexPrefix() + (highest(existing.keySet()) + 1);
            List<String> orphans = existing.entrySet().stream().filter(index -> index.getValue().orphan())
                    .map(Map.Entry::getKey).toList();
            return deleteIndices(orphans)
                    // No searcher reads the new index before the swap: no refresh while it is filled (fewer, larger
                    // segments, less merging), and two bulk requests in flight, so that Elasticsearch analyses one while
                    // Kepu reads and prepares the next.
                    .then(IndexWriter.call(() -> elasticsearch.indices().create(c -> c.index(next)
                            .settings(settings -> settings.refreshInterval(t -> t.time("-1"))))))
                    .then(works.all(properties.bulkSize()).buffer(properties.bulkSize())
                            .flatMap(batch -> writer.bulk(next, batch), BULKS_IN_FLIGHT).reduce(0, Integer::sum))
                    .flatMap(indexed -> IndexWriter.call(() -> elasticsearch.indices().putSettings(p -> p.index(next)
                                    .settings(settings -> settings.refreshInterval(t -> t.time(REFRESH_INTERVAL)))))
                            .then(IndexWriter.call(() -> elasticsearch.indices().refresh(r -> r.index(next))))
                            .then(swap(current, next))
                            .then(deleteIndices(List.copyOf(current)))
                            .then(drift.check(next, true))
                            .map(catchUp -> new Report(next, List.copyOf(current), indexed, catchUp)));
        })).flatMap(report -> audit.record(by, "search.reindexed", "search-index:" + report.index(),
                        Map.of("replaced", String.join(",", report.replaced()), "indexed", report.indexed(),
                                "caughtUp", report.catchUp().repaired()))
                .doOnSuccess(done -> log.info("Reindexed {} works into {} (replacing {}), {} caught up afterwards",
                        report.indexed(), report.index(), report.replaced(), report.catchUp().repaired()))
                .thenReturn(report));
    }

    /** Moves the alias to {@code next} in one request, so no search ever sees no index or two. */
    private Mono<Void> swap(Set<String> current, String next) {
        return IndexWriter.call(() -> elasticsearch.indices().updateAliases(u -> {
            current.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(search.alias()))));
            return u.actions(a -> a.add(add -> add.index(next).alias(search.alias())));
        })).then(Mono.defer(changes::visible));
    }

    private Mono<Set<String>> behindAlias() {
        return IndexWriter.call(() -> elasticsearch.indices().getAlias(a -> a.name(search.alias()).ignoreUnavailable(true)))
                .map(response -> response.result().keySet())
                .onErrorResume(co.elastic.clients.elasticsearch._types.ElasticsearchException.class,
                        missing -> missing.status() == 404 ? Mono.just(Set.of()) : Mono.error(missing));
    }

    /** What a family index is: the leftover of a rebuild that did not finish, or in use. */
    private record Family(boolean orphan) {
    }

    /**
     * Physical indices named {@code <prefix><number>}. One without any alias and older than a rebuild can take is
     * the leftover of a rebuild that did not finish; one behind another alias, or just made by someone else
     * (another installation sharing the cluster, a test), is left alone.
     */
    private Mono<Map<String, Family>> indices() {
        Pattern family = Pattern.compile(Pattern.quote(search.indexPrefix()) + "\\d+");
        return IndexWriter.call(() -> elasticsearch.indices().get(g -> g.index(search.indexPrefix() + "*").ignoreUnavailable(true)
                        .allowNoIndices(true)))
                .map(response -> response.result().entrySet().stream().filter(index -> family.matcher(index.getKey()).matches())
                        .collect(Collectors.toMap(Map.Entry::getKey, index -> new Family(
                                index.getValue().aliases().isEmpty() && createdBefore(index.getValue(), ORPHAN_AGE)))));
    }

    private static boolean createdBefore(IndexState state, Duration age) {
        var settings = state.settings() == null ? null : state.settings().index();
        String created = settings == null ? null : settings.creationDate() == null ? null : String.valueOf(settings.creationDate());
        return created != null && Instant.ofEpochMilli(Long.parseLong(created)).isBefore(Instant.now().minus(age));
    }

    private int highest(Set<String> indices) {
        return indices.stream().mapToInt(name -> Integer.parseInt(name.substring(search.indexPrefix().length()))).max().orElse(0);
    }

    private Mono<Void> deleteIndices(List<String> indices) {
        return indices.isEmpty() ? Mono.empty()
                : IndexWriter.call(() -> elasticsearch.indices().delete(d -> d.index(indices))).then();
    }
}
