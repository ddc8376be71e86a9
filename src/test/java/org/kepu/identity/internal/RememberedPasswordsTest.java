package org.kepu.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedPasswordsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "{plain}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encoded.equals("{plain}" + raw);
        }
    };
    private final MutableClock clock = new MutableClock();
    private final RememberedPasswords passwords = new RememberedPasswords(counting, Duration.ofMinutes(5), clock);

    @Test
    void aSuccessIsRememberedUntilItExpires() {
        assertThat(passwords.matches("secret", "{plain}secret")).isTrue();
        assertThat(passwords.matches("secret", "{plain}secret")).isTrue();
        assertThat(checks.get()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(passwords.matches("secret", "{plain}secret")).isTrue();
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void failuresAreNeverRemembered() {
        assertThat(passwords.matches("guess", "{plain}secret")).isFalse();
        assertThat(passwords.matches("guess", "{plain}secret")).isFalse();
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void aChangedPasswordIsCheckedAgain() {
        assertThat(passwords.matches("secret", "{plain}secret")).isTrue();
        assertThat(passwords.matches("secret", "{plain}new-secret")).isFalse();
        assertThat(passwords.matches("new-secret", "{plain}new-secret")).isTrue();
        assertThat(checks.get()).isEqualTo(3);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
