package org.kepu.site.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.kepu.platform.RedisChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rendered pages, in two levels: each instance's memory in front of Redis. Every entry belongs to a
 * generation; {@link #invalidate()} starts a new one (a Redis counter) and announces it on a Redis channel,
 * so every instance stops using older pages at once. A page rendered from data read before a change is
 * stored under the generation current when it started, so it is never served after the change's
 * invalidation. Redis slow or down: pages render anyway, and each instance keeps its own memory level.
 */
@Component
class PageCache implements SmartLifecycle {

    static final String GENERATION = "kepu:site:generation";
    static final String CHANNEL = "kepu:site:invalidate";
    private static final String PAGE = "kepu:site:page:";
    private static final Logger log = LoggerFactory.getLogger(PageCache.class);

    private final RedisReactiveCommands<String, String> redis;
    private final RedisClient client;
    private final SiteProperties properties;
    private final Cache<String, RenderedPage> local;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Mono<RenderedPage>> rendering = new ConcurrentHashMap<>();
    private volatile Disposable.Composite running = Disposables.composite();
    private volatile boolean started;

    PageCache(RedisReactiveCommands<String, String> redis, RedisClient client, SiteProperties properties) {
        this.redis = redis;
        this.client = client;
        this.properties = properties;
        this.local = Caffeine.newBuilder().maximumSize(properties.localPages()).expireAfterWrite(properties.pageTtl()).build();
    }

    /** The cached page for {@code key}, or {@code render}'s page, which is then kept. */
    Mono<RenderedPage> get(String key, Supplier<Mono<RenderedPage>> render) {
        if (!properties.pageCache()) {
            return Mono.defer(render);
        }
        long current = generation.get();
        String id = current + ":" + key;
        RenderedPage page = local.getIfPresent(id);
        if (page != null) {
            return Mono.just(page);
        }
        // One render per key at a time: requests that miss together (right after an invalidation) share it.
        return rendering.computeIfAbsent(id, missing -> fromRedis(id)
                .doOnNext(found -> keep(current, id, found))
                .switchIfEmpty(Mono.defer(render).doOnNext(rendered -> {
                    keep(current, id, rendered);
                    toRedis(id, rendered);
                }))
                .doFinally(signal -> rendering.remove(id))
                .cache());
    }

    /** The page for {@code key} if this instance holds it in memory (no Redis call), else null. */
    RenderedPage local(String key) {
        return properties.pageCache() ? local.getIfPresent(generation.get() + ":" + key) : null;
    }

    /** Forgets every page on every instance. */
    Mono<Void> invalidate() {
        local.invalidateAll();
        generation.incrementAndGet();
        return redis.incr(GENERATION)
                .timeout(properties.redisTimeout())
                .doOnNext(this::advanceTo)
                .flatMap(next -> redis.publish(CHANNEL, Long.toString(next)).timeout(properties.redisTimeout()))
                .doOnError(error -> log.warn("Page cache invalidated on this instance only (Redis: {})", error.toString()))
                .onErrorComplete()
                .then();
    }

    long generation() {
        return generation.get();
    }

    private void keep(long current, String id, RenderedPage page) {
        if (generation.get() == current) {
            local.put(id, page);
        }
    }

    private Mono<RenderedPage> fromRedis(String id) {
        return redis.get(PAGE + id).timeout(properties.redisTimeout())
                .mapNotNull(RenderedPage::deserialize)
                .onErrorResume(error -> Mono.empty());
    }

    private void toRedis(String id, RenderedPage page) {
        redis.set(PAGE + id, page.serialize(), SetArgs.Builder.ex(properties.pageTtl()))
                .timeout(properties.redisTimeout())
                .subscribe(ok -> { }, error -> log.debug("Page not kept in Redis: {}", error.toString()));
    }

    private void advanceTo(long next) {
        long before = generation.getAndAccumulate(next, Math::max);
        if (before < next) {
            local.invalidateAll();
        }
    }

    private Mono<Void> readGeneration() {
        return redis.get(GENERATION).timeout(properties.redisTimeout())
                .doOnNext(value -> advanceTo(Long.parseLong(value)))
                .onErrorResume(error -> Mono.empty())
                .then();
    }

    @Override
    public void start() {
        started = true;
        running = Disposables.composite();
        readGeneration().block(Duration.ofSeconds(5));
        running.add(RedisChannel.messages(client, CHANNEL).subscribe(message -> advanceTo(Long.parseLong(message)),
                error -> log.warn("Page cache not listening for invalidations (Redis: {}); pages expire after {}",
                        error.toString(), properties.pageTtl())));
        // A missed message (Redis restarted, a network blip) costs at most this period.
        running.add(Flux.interval(Duration.ofSeconds(15)).onBackpressureDrop().concatMap(tick -> readGeneration()).subscribe());
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
