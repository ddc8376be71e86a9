package org.kepu.site.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A page as sent: {@code bytes} are the UTF-8 of {@code html}, encoded once; {@code etag} is a hash of them.
 */
record RenderedPage(String html, byte[] bytes, String etag, Instant renderedAt, String contentType) {

    RenderedPage(String html, String etag, Instant renderedAt, String contentType) {
        this(html, html.getBytes(StandardCharsets.UTF_8), etag, renderedAt, contentType);
    }

    static final String HTML = "text/html;charset=UTF-8";

    static RenderedPage of(String body, String contentType) {
        return new RenderedPage(body, etag(body), Instant.now(), contentType);
    }

    /** The form kept in Redis: four header lines, then the body. */
    String serialize() {
        return etag + '\n' + renderedAt.toEpochMilli() + '\n' + contentType + '\n' + html;
    }

    static RenderedPage deserialize(String stored) {
        int first = stored.indexOf('\n');
        int second = stored.indexOf('\n', first + 1);
        int third = stored.indexOf('\n', second + 1);
        if (first < 0 || second < 0 || third < 0) {
            return null;
        }
        return new RenderedPage(stored.substring(third + 1), stored.substring(0, first),
                Instant.ofEpochMilli(Long.parseLong(stored.substring(first + 1, second))), stored.substring(second + 1, third));
    }

    private static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
