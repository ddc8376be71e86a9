package org.kepu.search.internal.indexing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.elasticsearch.client.ResponseException;
import org.kepu.content.PublishedWork;
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

    IndexWriter(ElasticsearchAsyncClient elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    Mono<Void> index(String index, PublishedWork work) {
        WorkDocument document = WorkDocuments.of(work);
        return call(() -> elasticsearch.index(i -> i.index(index).id(document.id()).document(document)
                .version(work.version()).versionType(VersionType.ExternalGte)))
                .then()
                .onErrorResume(IndexWriter::versionConflict, newer -> Mono.empty());
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
        List<BulkOperation> operations = works.stream().map(work -> BulkOperation.of(b -> b.index(i -> i.index(index)
                .id(work.id().value().toString()).document(WorkDocuments.of(work))
                .version(work.version()).versionType(VersionType.ExternalGte)))).toList();
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
