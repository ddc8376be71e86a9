package org.kepu.review.internal;

import java.util.UUID;

import io.lettuce.core.RedisClient;
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
 * Keeps every instance's dictionary current. The instance that changes the dictionary reloads its own
 * before it answers, then publishes on a Redis channel; every other instance reloads from PostgreSQL
 * when the message arrives (usually within milliseconds). Redis pub/sub reaches only connected
 * listeners, so each instance also reloads every {@code kepu.review.screen.reload-interval} (a query
 * of the dictionary, and a rebuild only when it changed): a missed message costs at most that delay.
 */
@Component
class DictionaryChanges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DictionaryChanges.class);

    private final DictionaryScreen screen;
    private final RedisClient redis;
    private final RedisReactiveCommands<String, String> commands;
    private final ScreenProperties properties;
    private final String instance = UUID.randomUUID().toString();
    private volatile Disposable.Composite running = Disposables.composite();
    private volatile boolean listening;

    DictionaryChanges(DictionaryScreen screen, RedisClient redis, RedisReactiveCommands<String, String> commands,
                      ScreenProperties properties) {
        this.screen = screen;
        this.redis = redis;
        this.commands = commands;
        this.properties = properties;
    }

    /** Tells the other instances that the dictionary changed; a Redis failure only delays them until their next reload. */
    Mono<Void> announce() {
        return commands.publish(properties.channel(), instance)
                .doOnError(error -> log.warn("Could not announce a dictionary change on Redis: {}", error.toString()))
                .onErrorComplete()
                .then();
    }

    @Override
    public void start() {
        running = Disposables.composite();
        running.add(RedisChannel.messages(redis, properties.channel())
                .filter(message -> !instance.equals(message))
                .concatMap(message -> reloadQuietly("a change announced by another instance"))
                .subscribe(done -> { }, error -> log.warn("Not listening for dictionary changes (Redis: {})", error.toString())));
        listening = true;
        running.add(Flux.interval(properties.reloadInterval(), properties.reloadInterval())
                .onBackpressureDrop()
                .concatMap(tick -> reloadQuietly("the periodic reload"))
                .subscribe());
        running.add(reloadQuietly("start-up").subscribe());
    }

    private Mono<Void> reloadQuietly(String cause) {
        return screen.reload()
                .doOnError(error -> log.warn("Sensitive-word dictionary not reloaded after {}: {}", cause, error.toString()))
                .onErrorComplete();
    }

    @Override
    public void stop() {
        running.dispose();
        listening = false;
    }

    @Override
    public boolean isRunning() {
        return listening;
    }
}
