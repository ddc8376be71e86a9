package org.kepu.platform.internal.jobs;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Tells this instance's workers at once when a job of their kind has been committed on any instance: the job
 * insert notifies {@value #CHANNEL} (PostgreSQL delivers a NOTIFY only when its transaction commits), and one
 * connection of its own, outside the pool, listens. Polling stays the fallback, and is what finds jobs due later.
 * After every (re)connection all workers are woken once, for what was committed while nobody listened.
 */
@Component
class JobNotifications implements SmartLifecycle {

    static final String CHANNEL = "kepu_job";
    /** Wakes the workers of every kind. */
    static final String ALL = "*";

    private static final Logger log = LoggerFactory.getLogger(JobNotifications.class);

    private final ConnectionFactory connections;
    private final Sinks.Many<String> kinds = Sinks.many().multicast().directBestEffort();
    private Disposable listening;

    JobNotifications(ConnectionPool pool) {
        this.connections = pool.unwrap();
    }

    /** Kinds whose jobs were committed, or {@link #ALL}; hot: only what happens after subscribing. */
    Flux<String> kinds() {
        return kinds.asFlux();
    }

    @Override
    public synchronized void start() {
        listening = listen()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(failure -> log.warn("Listening for new jobs failed, reconnecting: {}", failure.failure().toString())))
                .repeatWhen(ends -> ends.delayElements(Duration.ofSeconds(1)))
                .subscribe(kind -> kinds.tryEmitNext(kind));
    }

    private Flux<String> listen() {
        return Flux.usingWhen(Mono.from(connections.create()).cast(PostgresqlConnection.class),
                connection -> connection.createStatement("LISTEN " + CHANNEL).execute()
                        .flatMap(PostgresqlResult::getRowsUpdated)
                        .thenMany(Flux.just(ALL).concatWith(connection.getNotifications()
                                .mapNotNull(notification -> notification.getParameter()))),
                PostgresqlConnection::close);
    }

    @Override
    public synchronized void stop() {
        if (listening != null) {
            listening.dispose();
            listening = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return listening != null;
    }

    /** Listen before the workers start and until they have stopped. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
