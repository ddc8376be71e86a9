package org.kepu.platform.internal.limits;

import java.time.Duration;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.kepu.platform.AddressLimits;
import org.kepu.platform.ClientAddress;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class RedisAddressLimits implements AddressLimits {

    private final RedisReactiveCommands<String, String> redis;

    RedisAddressLimits(RedisReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Void> count(String keyPrefix, int maxPerAddress, Duration window, String code) {
        return ClientAddress.current().flatMap(address -> address.isEmpty() ? Mono.empty()
                : countKey(keyPrefix + address, maxPerAddress, window, code));
    }

    private Mono<Void> countKey(String key, int max, Duration window, String code) {
        return redis.incr(key)
                .flatMap(count -> count == 1 ? redis.pexpire(key, window.toMillis()).thenReturn(count) : Mono.just(count))
                .flatMap(count -> count <= max ? Mono.empty()
                        : redis.pttl(key).map(millis -> millis > 0 ? Duration.ofMillis(millis) : window)
                                .flatMap(wait -> Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, code,
                                        Math.max(1, (wait.toSeconds() + 59) / 60)).retryAfter(wait))));
    }
}
