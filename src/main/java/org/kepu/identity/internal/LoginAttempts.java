package org.kepu.identity.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts failed sign-ins per account and per client address in Redis, each in a window that starts at
 * the first failure. An account over its limit is locked until the window ends, even for the right
 * password (so a guess that finally matches tells the attacker nothing); an address over its limit
 * waits likewise. Both answer 429 with {@code Retry-After}.
 */
@Component
class LoginAttempts {

    private static final String ACCOUNT = "kepu:login:failures:account:";
    private static final String ADDRESS = "kepu:login:failures:address:";

    private final RedisReactiveCommands<String, String> redis;
    private final LoginProperties properties;
    private final AuditLog audit;

    LoginAttempts(RedisReactiveCommands<String, String> redis, LoginProperties properties, AuditLog audit) {
        this.redis = redis;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * One Redis round trip on the usual path (both counts with one MGET).
     *
     * @return whether the account has failures counted, i.e. whether a success must clear them
     */
    Mono<Boolean> checkAllowed(String username, String address) {
        String account = ACCOUNT + key(username);
        String from = address == null ? account : ADDRESS + address;
        return redis.mget(account, from).collectMap(KeyValue::getKey, value -> value.getValueOrElse("0")).flatMap(counts -> {
            long accountFailures = Long.parseLong(counts.getOrDefault(account, "0"));
            if (accountFailures >= properties.maxFailuresPerAccount()) {
                return timeLeft(account).flatMap(wait -> Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
                        "login-account-locked", properties.maxFailuresPerAccount(), minutes(wait)).retryAfter(wait)));
            }
            if (address != null && Long.parseLong(counts.getOrDefault(from, "0")) >= properties.maxFailuresPerAddress()) {
                return timeLeft(from).flatMap(wait -> Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
                        "login-address-limited", minutes(wait)).retryAfter(wait)));
            }
            return Mono.just(accountFailures > 0);
        });
    }

    /** Counts a failure; the failure that reaches a limit is written to the audit log. */
    Mono<Void> failed(String username, String address) {
        Mono<Void> account = count(ACCOUNT + key(username)).flatMap(count -> count == properties.maxFailuresPerAccount()
                ? audit.record(key(username), "login.account-locked", "account:" + key(username), Map.of("failures", count))
                : Mono.empty());
        Mono<Void> from = address == null ? Mono.empty() : count(ADDRESS + address).flatMap(count ->
                count == properties.maxFailuresPerAddress()
                        ? audit.record(key(username), "login.address-limited", "address:" + address, Map.of("failures", count))
                        : Mono.empty());
        return account.then(from);
    }

    /** Clears the account's failures (after a success, or an administrator's unlock). */
    Mono<Void> clear(String username) {
        return redis.del(ACCOUNT + key(username)).then();
    }

    private Mono<Duration> timeLeft(String key) {
        return redis.pttl(key).map(millis -> millis > 0 ? Duration.ofMillis(millis) : properties.window());
    }

    private Mono<Long> count(String key) {
        return redis.incr(key)
                .flatMap(count -> count == 1 ? redis.pexpire(key, properties.window().toMillis()).thenReturn(count) : Mono.just(count));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
