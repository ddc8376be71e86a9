package org.kepu.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed sign-ins, counted in Redis so that every instance sees the same counts.
 *
 * @param maxFailuresPerAccount failures after which the account is locked for {@code window}
 * @param maxFailuresPerAddress failures from one client address after which it must wait {@code window}
 * @param window                how long failures are remembered, counted from the first
 */
@ConfigurationProperties("kepu.identity.login")
record LoginProperties(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("30") int maxFailuresPerAddress,
                       @DefaultValue("15m") Duration window) {
}
