package org.kepu.event.internal;

import org.kepu.platform.AddressLimits;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts registration attempts per client address ({@code kepu.event.registration}), as sign-in failures are
 * counted. Over the limit: 429 with {@code Retry-After}.
 */
@Component
class RegistrationLimit {

    static final String KEY = "kepu:event:registrations:address:";

    private final AddressLimits limits;
    private final EventProperties properties;

    RegistrationLimit(AddressLimits limits, EventProperties properties) {
        this.limits = limits;
        this.properties = properties;
    }

    Mono<Void> count() {
        EventProperties.Registration registration = properties.registration();
        return limits.count(KEY, registration.maxPerAddress(), registration.window(), "event-registration-rate-limited");
    }
}
