package org.kepu.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers recent successful password checks for a few minutes, so that an API client sending HTTP
 * Basic credentials with every request pays for bcrypt once, not per request (bcrypt is ~70 ms of
 * CPU: unremembered, 32 busy clients would saturate two cores). Only successes are remembered, under an
 * HMAC of the stored hash and the password with a key that lives in this process only; a changed
 * password changes the stored hash and so misses. Failures always reach bcrypt (and the sign-in limits).
 */
final class RememberedPasswords implements PasswordEncoder {

    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Duration remembered;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> successes = new ConcurrentHashMap<>();

    RememberedPasswords(PasswordEncoder delegate, Duration remembered, Clock clock) {
        this.delegate = delegate;
        this.remembered = remembered;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = successes.get(fingerprint);
        if (until != null && until.isAfter(now)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (successes.size() >= MAX_ENTRIES) {
                successes.values().removeIf(expiry -> !expiry.isAfter(now));
            }
            if (successes.size() < MAX_ENTRIES) {
                successes.put(fingerprint, now.plus(remembered));
            }
        } else if (until != null) {
            successes.remove(fingerprint);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
