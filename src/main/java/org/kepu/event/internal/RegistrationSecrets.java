package org.kepu.event.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The secrets of a registration: the token of the registrant's link (32 random bytes; only its SHA-256 is stored)
 * and the check-in code (8 characters of Crockford's base32: no I, L, O or U to misread at the door).
 */
final class RegistrationSecrets {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Drawn(String token, String tokenHash, String checkInCode) {
    }

    private RegistrationSecrets() {
    }

    /** Drawn on a bounded elastic thread: {@link SecureRandom} reads the operating system's source. */
    static Mono<Drawn> draw() {
        return Mono.fromCallable(() -> {
            byte[] token = new byte[32];
            RANDOM.nextBytes(token);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                code.append(CROCKFORD.charAt(RANDOM.nextInt(CROCKFORD.length())));
            }
            return new Drawn(text, hash(text), code.toString());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A check-in code as typed or scanned: the QR text {@code KEPU-CHECKIN:<occurrence>:<code>} or the code itself. */
    static String code(String scanned) {
        String text = scanned == null ? "" : scanned.strip();
        int last = text.lastIndexOf(':');
        String code = last >= 0 ? text.substring(last + 1) : text;
        return code.toUpperCase(java.util.Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
    }

    static String qrText(java.util.UUID occurrence, String code) {
        return "KEPU-CHECKIN:" + occurrence + ":" + code;
    }
}
