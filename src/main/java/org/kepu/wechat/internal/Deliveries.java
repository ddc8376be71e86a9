package org.kepu.wechat.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * WeChat delivers a message again when it had no answer within 5 s (three tries in all). Each delivery is handled
 * once: the first claims its key (MsgId, or FromUserName + CreateTime for events, as WeChat advises), computes the reply
 * and stores it under the key; a retry finds the key and answers the stored reply (waiting for it at most until its own
 * deadline) without acting again. Claiming and reading are one script, so a retry costs one round trip to Redis. A reply that misses the deadline is answered
 * with an empty reply ({@code success}) but still completes and is stored, so WeChat's retry delivers it. A retry that
 * reaches the instance computing the reply joins that computation; elsewhere it polls Redis, first every 10 ms, then
 * less often, up to every 100 ms.
 */
@Component
class Deliveries {

    /** What a reply is answered with when there is none (WeChat's "no reply"). */
    static final String NO_REPLY = "";

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final String PREFIX = "kepu:wechat:delivery:";
    private static final String PENDING = "\u0000pending";
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 100;
    /** Reads the key, or claims it when it is absent (then answers nothing). */
    private static final String CLAIM_OR_READ = """
            local stored = redis.call('GET', KEYS[1])
            if stored then return stored end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return false""";

    private final RedisReactiveCommands<String, String> redis;
    private final Map<String, Mono<String>> computing = new ConcurrentHashMap<>();

    Deliveries(RedisReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    static String key(WxMpXmlMessage message) {
        if (message.getMsgId() != null) {
            return message.getToUser() + ":msg:" + message.getMsgId();
        }
        return message.getToUser() + ":event:" + message.getFromUser() + ":" + message.getCreateTime();
    }

    /**
     * The reply to a delivery: computed once per key however often it arrives, answered within {@code deadline}.
     *
     * @param reply the reply's XML, or {@link #NO_REPLY}
     */
    Mono<String> once(String key, Duration ttl, Duration deadline, Supplier<Mono<String>> reply) {
        String stored = PREFIX + key;
        return redis.<String>eval(CLAIM_OR_READ, ScriptOutputType.VALUE, new String[] {stored}, PENDING, Long.toString(ttl.toMillis()))
                .next()
                .flatMap(found -> PENDING.equals(found) ? awaitStored(stored, deadline) : Mono.just(found))
                // Empty only when this delivery claimed the key: the other branches always answer.
                .switchIfEmpty(Mono.defer(() -> compute(stored, deadline, reply)));
    }

    private Mono<String> compute(String stored, Duration deadline, Supplier<Mono<String>> reply) {
        Mono<String> work = Mono.defer(reply)
                .defaultIfEmpty(NO_REPLY)
                .onErrorResume(failure -> {
                    log.warn("WeChat reply failed; answering none", failure);
                    return Mono.just(NO_REPLY);
                })
                .flatMap(xml -> redis.set(stored, xml, SetArgs.Builder.xx().keepttl()).thenReturn(xml)
                        .onErrorReturn(xml));
        // Not cancelled by the deadline: a late reply is still stored for WeChat's retry.
        CompletableFuture<String> future = work.toFuture();
        Mono<String> shared = Mono.fromFuture(future, true);
        computing.put(stored, shared);
        future.whenComplete((xml, failure) -> computing.remove(stored));
        return shared
                .timeout(deadline, Mono.fromRunnable(() -> log.info("WeChat reply missed its deadline of {}; answered none", deadline))
                        .thenReturn(NO_REPLY));
    }

    private Mono<String> awaitStored(String stored, Duration deadline) {
        Mono<String> here = computing.get(stored);
        Mono<String> reply = here != null ? here : redis.get(stored)
                .filter(value -> !PENDING.equals(value))
                .repeatWhenEmpty(repeat -> repeat.concatMap(attempt -> Mono.delay(Duration.ofMillis(
                        Math.min(MAX_POLL_MILLIS, FIRST_POLL_MILLIS << Math.min(attempt, 4))))));
        return reply.timeout(deadline, Mono.just(NO_REPLY)).defaultIfEmpty(NO_REPLY);
    }
}
