package org.kepu.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Generation counters shared by all instances, for caches that must forget at once everywhere: a cache keys its
 * entries by {@link #current} and calls {@link #advance} when what it holds changes. A counter lives in Redis
 * ({@code kepu:generation:<name>}); advancing increments it and announces the new value on a channel, and a
 * periodic read catches a missed message. Redis slow or down: this instance still advances on its own, others
 * follow when the message or the next read arrives.
 */
@Component
public class SharedGenerations implements SmartLifecycle {

    private static final String KEY = "kepu:generation:";
    private static final String CHANNEL = "kepu:generation-advanced";
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    private static final Duration READ_PERIOD = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(SharedGenerations.class);

    private final RedisReactiveCommands<String, String> redis;
    private final RedisClient client;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private volatile Disposable.Composite running = Disposables.composite();
    private volatile boolean started;

    SharedGenerations(RedisReactiveCommands<String, String> redis, RedisClient client) {
        this.redis = redis;
        this.client = client;
    }

    /** This instance's view of {@code name}'s generation (0 until anything is known). */
    public long current(String name) {
        return counter(name).get();
    }

    /** Starts a new generation of {@code name} on every instance when subscribed; completes once announced (or Redis failed). */
    public Mono<Void> advance(String name) {
        return Mono.fromRunnable(() -> counter(name).incrementAndGet())
                .then(redis.incr(KEY + name).timeout(REDIS_TIMEOUT))
                .doOnNext(next -> advanceTo(name, next))
                .flatMap(next -> redis.publish(CHANNEL, name + "=" + next).timeout(REDIS_TIMEOUT))
                .doOnError(error -> log.warn("{} advanced on this instance only (Redis: {})", name, error.toString()))
                .onErrorComplete()
                .then();
    }

    private AtomicLong counter(String name) {
        return generations.computeIfAbsent(name, missing -> new AtomicLong());
    }

    private void advanceTo(String name, long next) {
        counter(name).getAndAccumulate(next, Math::max);
    }

    private void announced(String message) {
        int equals = message.lastIndexOf('=');
        if (equals > 0) {
            advanceTo(message.substring(0, equals), Long.parseLong(message.substring(equals + 1)));
        }
    }

    private Mono<Void> readAll() {
        return Flux.fromIterable(generations.keySet())
                .concatMap(name -> redis.get(KEY + name).timeout(REDIS_TIMEOUT)
                        .doOnNext(value -> advanceTo(name, Long.parseLong(value)))
                        .onErrorResume(error -> Mono.empty()))
                .then();
    }

    @Override
    public void start() {
        started = true;
        running = Disposables.composite();
        running.add(RedisChannel.messages(client, CHANNEL).subscribe(this::announced,
                error -> log.warn("Not listening for shared generations (Redis: {}); reading them every {}", error.toString(), READ_PERIOD)));
        running.add(Flux.interval(READ_PERIOD).onBackpressureDrop().concatMap(tick -> readAll()).subscribe());
    }

    @Override
    public void stop() {
        started = false;
        running.dispose();
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
