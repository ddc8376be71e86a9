package org.kepu.platform;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Counts attempts per client address in Redis (shared by every instance), in a window that starts at the first
 * attempt. Over the limit the answer is 429 with {@code Retry-After} and the problem {@code code}, whose one argument
 * is the wait in whole minutes. A request without a known address is not counted.
 */
public interface AddressLimits {

    Mono<Void> count(String keyPrefix, int maxPerAddress, Duration window, String code);
}
