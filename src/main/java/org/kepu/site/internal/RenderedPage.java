package org.kepu.site.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A page as sent: {@code bytes} are the UTF-8 of {@code html}, encoded once; {@code etag} is a hash of them.
 * {@code gzipped} is the same page gzip-compressed, also once, for clients that accept it (null for a page
 * too small to gain from it).
 */
record RenderedPage(String html, byte[] bytes, byte[] gzipped, String etag, Instant renderedAt, String contentType) {

    static final String HTML = "text/html;charset=UTF-8";
    /** Below this a page goes uncompressed: the gzip header and a round trip's worth of bytes eat the gain. */
    static final int GZIP_FROM = 512;

    RenderedPage(String html, String etag, Instant renderedAt, String contentType) {
        this(html, html.getBytes(StandardCharsets.UTF_8), etag, renderedAt, contentType);
    }

    private RenderedPage(String html, byte[] bytes, String etag, Instant renderedAt, String contentType) {
        this(html, bytes, bytes.length < GZIP_FROM ? null : gzip(bytes), etag, renderedAt, contentType);
    }

    static RenderedPage of(String body, String contentType) {
        return new RenderedPage(body, etag(body), Instant.now(), contentType);
    }

    /** What to send to a client that does ({@code gzip}) or does not accept gzip; each encoding has its own ETag. */
    Body body(boolean gzip) {
        if (gzip && gzipped != null) {
            return new Body(gzipped, etag.substring(0, etag.length() - 1) + "-gzip\"", "gzip");
        }
        return new Body(bytes, etag, null);
    }

    /** @param encoding the {@code Content-Encoding}, or null for the bytes as they are */
    record Body(byte[] bytes, String etag, String encoding) {
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

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
