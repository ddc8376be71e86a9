package org.kepu.event.internal;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Registration of an occurrence: citizens register between {@code opensAt} and {@code closesAt}; the first
 * {@code capacity} are confirmed, the next wait in line.
 */
record RegistrationSettings(boolean enabled, OffsetDateTime opensAt, OffsetDateTime closesAt, Integer capacity) {

    static final RegistrationSettings NONE = new RegistrationSettings(false, null, null, null);

    boolean openAt(Instant now) {
        return enabled && !now.isBefore(opensAt.toInstant()) && now.isBefore(closesAt.toInstant());
    }
}
