package org.kepu.media.internal.delivery;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;

/** Content types and cache rules for the files of a published rendition. */
public final class MediaTypes {

    private static final Map<String, MediaType> BY_EXTENSION = Map.ofEntries(
            Map.entry("m3u8", MediaType.parseMediaType("application/vnd.apple.mpegurl")),
            Map.entry("m4s", MediaType.parseMediaType("video/iso.segment")),
            Map.entry("mp4", MediaType.parseMediaType("video/mp4")),
            Map.entry("m4a", MediaType.parseMediaType("audio/mp4")),
            Map.entry("mp3", MediaType.parseMediaType("audio/mpeg")),
            Map.entry("jpg", MediaType.IMAGE_JPEG),
            Map.entry("jpeg", MediaType.IMAGE_JPEG),
            Map.entry("png", MediaType.IMAGE_PNG),
            Map.entry("webp", MediaType.parseMediaType("image/webp")),
            Map.entry("gif", MediaType.IMAGE_GIF),
            Map.entry("vtt", MediaType.parseMediaType("text/vtt;charset=UTF-8")),
            Map.entry("json", MediaType.APPLICATION_JSON));

    private MediaTypes() {
    }

    public static MediaType of(String fileName) {
        return BY_EXTENSION.getOrDefault(extension(fileName), MediaType.APPLICATION_OCTET_STREAM);
    }

    /**
     * Public files stay in shared caches (a CDN) for at most a minute, so an unpublished work's files stop
     * being served from there within a minute; browsers keep them five minutes. Revalidation is cheap (ETag).
     * Playlists may gain rungs while processing continues: 30 seconds everywhere.
     */
    static CacheControl cacheFor(String fileName) {
        return "m3u8".equals(extension(fileName)) ? CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic() : publicFiles();
    }

    /** Every public file but playlists: see {@link #cacheFor}. */
    public static CacheControl publicFiles() {
        return CacheControl.maxAge(Duration.ofMinutes(5)).sMaxAge(Duration.ofMinutes(1)).cachePublic();
    }

    /** Files of unpublished assets for signed-in readers: never stored by any cache. */
    public static CacheControl privateFiles() {
        return CacheControl.noStore().cachePrivate();
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
