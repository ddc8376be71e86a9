package org.kepu.media.internal.delivery;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.media.MediaAssetId;
import org.kepu.media.PublicMedia;
import org.kepu.platform.StorageBucket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@KepuIntegrationTest
class MediaFilesIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    MinioAsyncClient storage;
    @Autowired
    StorageBucket bucket;
    @Autowired
    PublicMedia publicMedia;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient database;

    private final UUID asset = UUID.randomUUID();
    private final byte[] segment = new byte[1000];

    @BeforeEach
    void publishFiles() throws Exception {
        for (int i = 0; i < segment.length; i++) {
            segment[i] = (byte) i;
        }
        put(PublicKeys.of(asset, "hls/360p/segment-1.m4s"), segment);
        put(PublicKeys.of(asset, "hls/master.m3u8"), "#EXTM3U\n".getBytes(StandardCharsets.UTF_8));
        put("originals/" + asset, "secret original".getBytes(StandardCharsets.UTF_8));
        database.sql("""
                        INSERT INTO media_asset (id, purpose, status, original_name, object_key, uploaded_by)
                        VALUES (:id, 'VIDEO', 'PROCESSED', 'clip.mp4', :key, 'demo-editor')""")
                .bind("id", asset).bind("key", "originals/" + asset).then().block();
        // A published work uses the asset: its files are public.
        publicMedia.release(UUID.randomUUID(), java.util.List.of(new MediaAssetId(asset))).block();
    }

    @Test
    void aWholeFileComesWithItsTypeAndCacheRules() {
        web.get().uri(PublicKeys.url(asset, "hls/master.m3u8")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.apple.mpegurl")
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofSeconds(30)).cachePublic())
                .expectBody(String.class).isEqualTo("#EXTM3U\n");
        web.get().uri(PublicKeys.url(asset, "hls/360p/segment-1.m4s")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("video/iso.segment")
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public, s-maxage=60")
                .expectBody(byte[].class).isEqualTo(segment);
    }

    @Test
    void byteRangesAreServedExactly() {
        byte[] part = web.get().uri(PublicKeys.url(asset, "hls/360p/segment-1.m4s")).header(HttpHeaders.RANGE, "bytes=100-199").exchange()
                .expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 100-199/1000")
                .expectHeader().contentLength(100)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(segment, 100, 200));
        web.get().uri(PublicKeys.url(asset, "hls/360p/segment-1.m4s")).header(HttpHeaders.RANGE, "bytes=-10").exchange()
                .expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 990-999/1000");
        web.get().uri(PublicKeys.url(asset, "hls/360p/segment-1.m4s")).header(HttpHeaders.RANGE, "bytes=5000-").exchange()
                .expectStatus().isEqualTo(416)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */1000");
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        String etag = web.get().uri(PublicKeys.url(asset, "hls/master.m3u8")).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        web.get().uri(PublicKeys.url(asset, "hls/master.m3u8")).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void theFilesOfAnAssetNoPublishedWorkUsesAreNotFound() throws Exception {
        UUID unpublished = UUID.randomUUID();
        put(PublicKeys.of(unpublished, "hls/master.m3u8"), "#EXTM3U\n".getBytes(StandardCharsets.UTF_8));
        web.get().uri(PublicKeys.url(unpublished, "hls/master.m3u8")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("media-file-not-found");
    }

    @Test
    void originalsAndUnknownFilesAreNeverServed() {
        web.get().uri(PublicKeys.url(asset, "hls/missing.m3u8")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("媒体文件不存在。");
        web.get().uri("/media/" + asset + "/..%2F..%2Foriginals%2F" + asset).exchange().expectStatus().is4xxClientError();
        web.get().uri("/media/" + asset + "/../../originals/" + asset).exchange().expectStatus().is4xxClientError();
        web.get().uri("/media/not-a-uuid/hls/master.m3u8").exchange().expectStatus().isBadRequest();
    }

    private void put(String key, byte[] content) throws Exception {
        storage.putObject(PutObjectArgs.builder().bucket(bucket.name()).object(key)
                .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build()).get();
    }
}
