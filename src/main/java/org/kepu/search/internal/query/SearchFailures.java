package org.kepu.search.internal.query;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.kepu.platform.ProblemException;
import org.kepu.search.internal.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Bounds every call to Elasticsearch by {@code kepu.search.timeout} and turns an unreachable, slow,
 * overloaded or unprepared search server into 503 {@code search-unavailable} with Retry-After.
 */
@Component
class SearchFailures {

    private static final Logger log = LoggerFactory.getLogger(SearchFailures.class);

    private final SearchProperties properties;

    SearchFailures(SearchProperties properties) {
        this.properties = properties;
    }

    <T> Mono<T> guard(Mono<T> call) {
        return call.timeout(properties.timeout()).onErrorMap(this::unavailable, this::toProblem);
    }

    private boolean unavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ElasticsearchException e) {
                return e.status() >= 500 || e.status() == 429 || "index_not_found_exception".equals(e.error().type());
            }
            if (cause instanceof TimeoutException || cause instanceof IOException || cause instanceof TransportException) {
                return true;
            }
        }
        return false;
    }

    private ProblemException toProblem(Throwable error) {
        log.warn("Search is unavailable: {}", error.toString());
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable").retryAfter(properties.retryAfter());
    }
}
