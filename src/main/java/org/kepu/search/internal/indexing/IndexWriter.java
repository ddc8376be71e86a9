package org.kepu.search.internal.indexing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.elasticsearch.client.ResponseException;
import org.kepu.content.PublishedWork;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssets;
import org.kepu.search.internal.ElasticsearchCalls;
import org.kepu.search.internal.WorkDocument;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes works into an index with the work's publication version as an external version ({@code external_gte}):
 * Elasticsearch refuses a write older than what it holds, so late jobs lose, and a repeated write of the same
 * state (a retried job, a drift repair) is accepted and changes nothing.
 */
@Component
class IndexWriter {

    private final ElasticsearchAsyncClient elasticsearch;
    private final MediaAssets media;

    IndexWriter(ElasticsearchAsyncClient elasticsearch, MediaAssets media) {
        this.elasticsearch = elasticsearch;
        this.media = media;
    }

    Mono<Void> index(String index, PublishedWork work) {
        return durations(List.of(work)).flatMap(durations -> {
            WorkDocument document = WorkDocuments.of(work, durations.get(work.id().value()));
            return call(() -> elasticsearch.index(i -> i.index(index).id(document.id()).document(document)
                    .version(work.version()).versionType(VersionType.ExternalGte)));
        })
                .then()
                .onErrorResume(IndexWriter::versionConflict, newer -> Mono.empty());
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

    Mono<Void> delete(String index, String id, long version) {
        return call(() -> elasticsearch.delete(d -> d.index(index).id(id).version(version).versionType(VersionType.ExternalGte)))
                .then()
                .onErrorResume(IndexWriter::versionConflict, newer -> Mono.empty());
    }

    /** @return how many of the works were written (conflicts with newer versions do not count, nor fail) */
    Mono<Integer> bulk(String index, List<PublishedWork> works) {
        if (works.isEmpty()) {
            return Mono.just(0);
        }
        return durations(works).flatMap(durations -> {
            List<BulkOperation> operations = works.stream().map(work -> BulkOperation.of(b -> b.index(i -> i.index(index)
                    .id(work.id().value().toString()).document(WorkDocuments.of(work, durations.get(work.id().value())))
                    .version(work.version()).versionType(VersionType.ExternalGte)))).toList();
            return call(() -> elasticsearch.bulk(b -> b.operations(operations)));
        }).flatMap(IndexWriter::written);
    }

    Mono<Integer> bulkDelete(String index, List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0);
        }
        List<BulkOperation> operations = ids.stream().map(id -> BulkOperation.of(b -> b.delete(d -> d.index(index).id(id)))).toList();
        return call(() -> elasticsearch.bulk(b -> b.operations(operations))).flatMap(IndexWriter::written);
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
