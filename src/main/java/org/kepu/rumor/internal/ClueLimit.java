package org.kepu.rumor.internal;

import org.kepu.platform.AddressLimits;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Rumor reports per client address ({@code kepu.rumor.clues}); over the limit: 429 with {@code Retry-After}. */
@Component
class ClueLimit {

    static final String KEY = "kepu:rumor:clues:address:";

    private final AddressLimits limits;
    private final RumorProperties properties;

    ClueLimit(AddressLimits limits, RumorProperties properties) {
        this.limits = limits;
        this.properties = properties;
    }

    Mono<Void> count() {
        return limits.count(KEY, properties.clues().maxPerAddress(), properties.clues().window(), "rumor-clue-rate-limited");
    }
}
