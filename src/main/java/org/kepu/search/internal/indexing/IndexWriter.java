package org.kepu.search.internal.indexing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import org.elasticsearch.client.ResponseException;
import org.kepu.content.PublishedWork;
import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.kepu.content.WorkViewCounts;
import org.kepu.content.WorkViews;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.platform.ElasticsearchCalls;
import org.kepu.search.internal.Pinyin;
import org.kepu.search.internal.SearchChanges;
import org.kepu.search.internal.WorkDocument;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes works into an index with the work's publication version as an external version ({@code external_gte}):
 * Elasticsearch refuses a write older than what it holds, so late jobs lose, and a repeated write of the same
 * state (a retried job, a drift repair, a popularity refresh) is accepted and changes nothing else.
 * Every document carries the work's total page views as {@code popularity}, read from {@link WorkViewCounts}
 * when it is written (one query per write, one per bulk request).
 */
@Component
class IndexWriter {

    private final ElasticsearchAsyncClient elasticsearch;
    private final MediaAssets media;
    private final WorkViewCounts views;
    private final SearchChanges changes;
    /** Topic names change rarely; read once every few minutes rather than per write. */
    private final Mono<Map<String, String>> topicNames;

    IndexWriter(ElasticsearchAsyncClient elasticsearch, MediaAssets media, Topics topics, WorkViewCounts views, SearchChanges changes) {
        this.changes = changes;
        this.elasticsearch = elasticsearch;
        this.media = media;
        this.views = views;
        this.topicNames = topics.all().collectMap(TopicName::slug, TopicName::name)
                .cache(found -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
        Pinyin.load();
    }

    /**
     * One work, searchable when this completes: the write asks for a refresh (a published or withdrawn work shows at
     * once instead of after the next periodic refresh, up to a second later). Only the {@code search.index-work} job
     * writes this way, at most {@code kepu.jobs.kinds.[search.index-work].concurrency} (2) at a time per instance, so
     * a burst of publications refreshes once per work for a while (see docs/search.md). Bulk writes do not refresh.
     */
    Mono<Void> index(String index, PublishedWork work) {
        return Mono.zip(durations(List.of(work)), topicNames, views(List.of(work))).flatMap(found -> {
            Map<UUID, Integer> durations = found.getT1();
            WorkDocument document = WorkDocuments.of(work, durations.get(work.id().value()), found.getT2(),
                    found.getT3().getOrDefault(work.id().value(), 0L));
            return call(() -> elasticsearch.index(i -> i.index(index).id(document.id()).document(document)
                    .version(work.version()).versionType(VersionType.ExternalGte).refresh(Refresh.True)));
        })
                .then()
                .onErrorResume(IndexWriter::versionConflict, newer -> Mono.empty())
                .then(Mono.defer(changes::visible));
    }

    /** The playing time of each work's main file (its first), in whole seconds, where processing measured one. */
    private Mono<Map<UUID, Integer>> durations(List<PublishedWork> works) {
        Map<MediaAssetId, UUID> workOfFile = new HashMap<>();
        works.stream().filter(work -> !work.media().isEmpty())
                .forEach(work -> workOfFile.put(new MediaAssetId(work.media().get(0)), work.id().value()));
        return media.details(workOfFile.keySet())
                .filter(details -> details.duration() != null)
                .collectMap(details -> workOfFile.get(details.id()), details -> (int) Math.round(details.duration().toMillis() / 1000.0));
    }

    /** The total page views of each work that has any. */
    private Mono<Map<UUID, Long>> views(List<PublishedWork> works) {
        return views.of(works.stream().map(PublishedWork::id).toList())
                .collectMap(counted -> counted.work().value(), WorkViews::views);
    }

    /** Removes one work's document, gone from search when this completes (see {@link #index}). */
    Mono<Void> delete(String index, String id, long version) {
        return call(() -> elasticsearch.delete(d -> d.index(index).id(id).version(version).versionType(VersionType.ExternalGte)
                        .refresh(Refresh.True)))
                .then()
                .onErrorResume(IndexWriter::versionConflict, newer -> Mono.empty())
                .then(Mono.defer(changes::visible));
    }

    /** @return how many of the works were written (conflicts with newer versions do not count, nor fail) */
    Mono<Integer> bulk(String index, List<PublishedWork> works) {
        if (works.isEmpty()) {
            return Mono.just(0);
        }
        // Documents are built (HTML to text, pinyin) on a CPU worker, not on the database driver's event loop.
        return Mono.zip(durations(works), topicNames, views(works)).publishOn(Schedulers.parallel()).flatMap(found -> {
            Map<UUID, Integer> durations = found.getT1();
            Map<UUID, Long> viewed = found.getT3();
            List<BulkOperation> operations = works.stream().map(work -> BulkOperation.of(b -> b.index(i -> i.index(index)
                    .id(work.id().value().toString()).document(WorkDocuments.of(work, durations.get(work.id().value()), found.getT2(),
                            viewed.getOrDefault(work.id().value(), 0L)))
                    .version(work.version()).versionType(VersionType.ExternalGte)))).toList();
            return call(() -> elasticsearch.bulk(b -> b.operations(operations)));
        }).flatMap(IndexWriter::written).flatMap(written -> changes.visibleAfterRefresh().thenReturn(written));
    }

    /**
     * The version of each of these documents the index holds, read in real time (what was written, refreshed or
     * not); documents it does not hold are left out.
     */
    Mono<Map<String, Long>> versions(String index, List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return call(() -> elasticsearch.mget(m -> m.index(index).ids(ids).realtime(true).source(s -> s.fetch(false)), Void.class))
                .map(response -> {
                    Map<String, Long> held = new HashMap<>();
                    for (MultiGetResponseItem<Void> item : response.docs()) {
                        if (item.isFailure()) {
                            throw new IllegalStateException("Reading " + item.failure().id() + " failed: " + item.failure().error().reason());
                        }
                        if (item.result().found() && item.result().version() != null) {
                            held.put(item.result().id(), item.result().version());
                        }
                    }
                    return held;
                });
    }

    Mono<Integer> bulkDelete(String index, List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0);
        }
        List<BulkOperation> operations = ids.stream().map(id -> BulkOperation.of(b -> b.delete(d -> d.index(index).id(id)))).toList();
        return call(() -> elasticsearch.bulk(b -> b.operations(operations))).flatMap(IndexWriter::written)
                .flatMap(written -> changes.visibleAfterRefresh().thenReturn(written));
    }

    private static Mono<Integer> written(BulkResponse response) {
        int written = 0;
        for (var item : response.items()) {
            if (item.error() == null) {
                written++;
            } else if (item.status() != 409 && item.status() != 404) {
                return Mono.error(new IllegalStateException("Indexing " + item.id() + " failed: " + item.error().reason()));
            }
        }
        return Mono.just(written);
    }

    /** The low-level transport reports a refused write as a {@code ResponseException}, the typed one otherwise. */
    private static boolean versionConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ElasticsearchException typed && typed.status() == 409) {
                return true;
            }
            if (cause instanceof ResponseException response && response.getResponse().getStatusLine().getStatusCode() == 409) {
                return true;
            }
        }
        return false;
    }

    static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return ElasticsearchCalls.call(request);
    }
}
