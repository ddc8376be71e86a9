package org.kepu.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Generated passwords, and hashing off the event loop (bcrypt is ~70 ms of CPU). */
final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /**
     * A password shown once to whoever creates or resets an account: 20 characters, 120 random bits. Reads the
     * system's random source: call it off the event loop ({@link #issue}).
     */
    static String oneTime() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Mono<String> hash(PasswordEncoder encoder, String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    /** {@code chosen}, or a new one-time password when null, with its hash. */
    static Mono<Issued> issue(PasswordEncoder encoder, String chosen) {
        return Mono.fromCallable(() -> {
            String password = chosen == null ? oneTime() : chosen;
            return new Issued(password, encoder.encode(password), chosen == null);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** @param oneTime whether Kepu chose the password (and must answer it once) */
    record Issued(String password, String hash, boolean oneTime) {

        String oneTimePassword() {
            return oneTime ? password : null;
        }
    }
}
