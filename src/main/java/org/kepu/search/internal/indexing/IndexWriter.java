package org.kepu.search.internal.indexing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.kepu.content.PublishedWork;
import org.kepu.search.internal.WorkDocument;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes works into an index with the work's publication version as an external version: Elasticsearch
 * refuses a write older than what it holds, so late jobs lose and repeated jobs change nothing.
 */
@Component
class IndexWriter {

    private final ElasticsearchAsyncClient elasticsearch;

    IndexWriter(ElasticsearchAsyncClient elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    Mono<Void> index(String index, PublishedWork work) {
        WorkDocument document = WorkDocuments.of(work);
        return call(() -> elasticsearch.index(i -> i.index(index).id(document.id()).document(document)
                .version(work.version()).versionType(VersionType.External)))
                .then()
                .onErrorResume(IndexWriter::versionConflict, newer -> Mono.empty());
    }

    Mono<Void> delete(String index, String id, long version) {
        return call(() -> elasticsearch.delete(d -> d.index(index).id(id).version(version).versionType(VersionType.External)))
                .then()
                .onErrorResume(IndexWriter::versionConflict, newer -> Mono.empty());
    }

    /** @return how many of the works were written (conflicts with newer versions do not count, nor fail) */
    Mono<Integer> bulk(String index, List<PublishedWork> works) {
        if (works.isEmpty()) {
            return Mono.just(0);
        }
        List<BulkOperation> operations = works.stream().map(work -> BulkOperation.of(b -> b.index(i -> i.index(index)
                .id(work.id().value().toString()).document(WorkDocuments.of(work))
                .version(work.version()).versionType(VersionType.External)))).toList();
        return call(() -> elasticsearch.bulk(b -> b.operations(operations))).flatMap(IndexWriter::written);
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

    private static boolean versionConflict(Throwable error) {
        return error instanceof ElasticsearchException e && e.status() == 409;
    }

    static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return Mono.fromFuture(request);
    }
}
