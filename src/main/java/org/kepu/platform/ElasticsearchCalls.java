package org.kepu.platform;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The way into the asynchronous Elasticsearch client. Sending a request may wait for a lock of its
 * connection pool (it does under load and while the server is unreachable), so requests are sent from a
 * bounded elastic thread, never from an event loop; the answer arrives on the client's own I/O thread.
 */
public final class ElasticsearchCalls {

    private ElasticsearchCalls() {
    }

    public static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return Mono.fromFuture(request).subscribeOn(Schedulers.boundedElastic());
    }
}
