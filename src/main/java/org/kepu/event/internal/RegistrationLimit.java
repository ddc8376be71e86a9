package org.kepu.event.internal;

import java.time.Duration;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.kepu.platform.ClientAddress;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts registration attempts per client address in Redis (shared by every instance), in a window that starts at
 * the first attempt, as sign-in failures are counted. Over the limit: 429 with {@code Retry-After}.
 */
@Component
class RegistrationLimit {

    static final String KEY = "kepu:event:registrations:address:";

    private final RedisReactiveCommands<String, String> redis;
    private final EventProperties properties;

    RegistrationLimit(RedisReactiveCommands<String, String> redis, EventProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    Mono<Void> count() {
        return ClientAddress.current().flatMap(address -> address.isEmpty() ? Mono.empty() : count(KEY + address));
    }

    private Mono<Void> count(String key) {
        EventProperties.Registration limits = properties.registration();
        return redis.incr(key)
                .flatMap(count -> count == 1 ? redis.pexpire(key, limits.window().toMillis()).thenReturn(count) : Mono.just(count))
                .flatMap(count -> count <= limits.maxPerAddress() ? Mono.empty()
                        : redis.pttl(key).map(millis -> millis > 0 ? Duration.ofMillis(millis) : limits.window())
                                .flatMap(wait -> Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
                                        "event-registration-rate-limited", Math.max(1, (wait.toSeconds() + 59) / 60)).retryAfter(wait))));
    }
}
