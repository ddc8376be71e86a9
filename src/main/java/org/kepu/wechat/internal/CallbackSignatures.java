package org.kepu.wechat.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's callback signatures: SHA-1 (hex) over the parts sorted as strings and joined, i.e.
 * {@code sha1(sort(token, timestamp, nonce))} for {@code signature} and
 * {@code sha1(sort(token, timestamp, nonce, Encrypt))} for {@code msg_signature} in safe mode.
 */
final class CallbackSignatures {

    private CallbackSignatures() {
    }

    static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a received signature with the expected one; false when anything is missing. */
    static boolean valid(String received, String... parts) {
        if (received == null || Arrays.stream(parts).anyMatch(part -> part == null || part.isEmpty())) {
            return false;
        }
        return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
                received.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
