package org.kepu.media.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.minio.MinioAsyncClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kepu.KepuIntegrationTest;
import org.kepu.platform.StorageBucket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

@KepuIntegrationTest
class StreamedUploadsIntegrationTest {


    private static byte[] mp3;
    private static byte[] png;
    private static byte[] mp4;

    @Autowired
    WebTestClient anonymous;
    @Autowired
    DatabaseClient database;
    @Autowired
    MinioAsyncClient storage;
    @Autowired
    StorageBucket bucket;

    private WebTestClient web;
    private MediaTraces traces;

    private static MediaFiles files;

    @BeforeAll
    static void makeMedia(@TempDir Path folder) {
        files = new MediaFiles(folder);
        mp3 = files.mp3();
        png = files.png();
        mp4 = files.mp4();
    }

    @BeforeEach
    void signIn() {
        web = anonymous.mutate().responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin-password")).build();
        traces = new MediaTraces(database, storage, bucket);
    }

    @Test
    void smallFilesAreStreamedToStorageAndQueuedForProcessing() throws Exception {
        assertStored("AUDIO", "讲座.mp3", "audio/mpeg", mp3, "audio/mpeg");
        assertStored("IMAGE", "封面.png", "image/png", png, "image/png");
        assertStored("DOCUMENT", "报告.pdf", "application/pdf", MediaFiles.pdf(), "application/pdf");
        assertStored("VIDEO", "clip.mp4", "video/mp4", mp4, "video/mp4");
    }

    @Test
    void everyAcceptedFormatIsRecognisedFromItsBytes() throws Exception {
        String[] picture = {"-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1"};
        String[] tone = {"-f", "lavfi", "-i", "sine=duration=1"};
        assertStored("VIDEO", "clip.webm", "video/webm", files.made("clip.webm", concat(picture, "-c:v", "libvpx")), "video/webm");
        assertStored("VIDEO", "clip.mov", "video/quicktime", files.mov(), "video/quicktime");
        assertStored("ANIMATION", "loop.gif", "image/gif", files.made("loop.gif", picture), "image/gif");
        assertStored("ANIMATION", "loop.png", "image/png", files.made("loop.apng", concat(picture, "-plays", "0", "-f", "apng")),
                "image/apng");
        assertStored("ANIMATION", "loop.webm", "video/webm", files.made("loop.webm", concat(picture, "-c:v", "libvpx-vp9")), "video/webm");
        assertStored("AUDIO", "tone.m4a", "audio/mp4", files.made("tone.m4a", concat(tone, "-c:a", "aac")), "audio/mp4");
        assertStored("AUDIO", "tone.aac", "audio/aac", files.made("tone.aac", concat(tone, "-c:a", "aac", "-f", "adts")), "audio/x-aac");
        assertStored("AUDIO", "tone.ogg", "audio/ogg", files.made("tone.ogg", concat(tone, "-c:a", "libopus")), "audio/opus");
        assertStored("AUDIO", "tone.wav", "audio/wav", files.made("tone.wav", concat(tone, "-c:a", "pcm_s16le")), "audio/vnd.wave");
        assertStored("AUDIO", "tone.flac", "audio/flac", files.made("tone.flac", concat(tone, "-c:a", "flac")), "audio/x-flac");
        assertStored("IMAGE", "photo.jpg", "image/jpeg", files.made("photo.jpg", concat(picture, "-frames:v", "1")), "image/jpeg");
        assertStored("IMAGE", "photo.webp", "image/webp", files.made("photo.webp", concat(picture, "-frames:v", "1", "-c:v", "libwebp")),
                "image/webp");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void aBodyLargerThanOnePartGoesUpInParts() throws Exception {
        byte[] sixMegabytes = MediaFiles.padded(mp3, 6 * 1024 * 1024);
        assertStored("AUDIO", "long.mp3", "audio/mpeg", sixMegabytes, "audio/mpeg");
    }

    @Test
    void anExecutableNamedMp4IsRefusedAndNothingKept() throws Exception {
        String name = unique("setup.mp4");
        upload("VIDEO", name, "video/mp4", MediaFiles.windowsExecutable())
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("media-type-refused")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("application/x-msdownload"));
        assertRefused(name);
    }

    @Test
    void htmlNamedJpgIsRefused() throws Exception {
        String name = unique("photo.jpg");
        upload("IMAGE", name, "image/jpeg", MediaFiles.html())
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("text/html"));
        assertRefused(name);
    }

    @Test
    void anSvgWithAScriptIsNotAnImage() throws Exception {
        String name = unique("logo.svg");
        upload("IMAGE", name, "image/svg+xml", MediaFiles.svgWithScript())
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("image/svg+xml"));
        assertRefused(name);
    }

    @Test
    void aDocxZipBombIsRefusedAtUploadFromItsDirectory() throws Exception {
        String name = unique("bomb.docx");
        upload("DOCUMENT", name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                MediaFiles.docxBomb(64L << 20))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("media-archive-bomb")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("压缩炸弹").contains(":1"));
        assertRefused(name);
    }

    @Test
    void aRealDocxPassesTheArchiveCheck() throws Exception {
        byte[] docx = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("content-samples/articles/kitchen-experiments.docx"));
        assertStored("DOCUMENT", unique("实验.docx"), "application/octet-stream", docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void aZeroByteFileIsUnprocessable() throws Exception {
        String name = unique("empty.png");
        upload("IMAGE", name, "image/png", new byte[0])
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("media-empty");
        assertRefused(name);
    }

    @Test
    void aFileOverThePurposeLimitIsRefusedFromItsDeclaredLength() throws Exception {
        String name = unique("huge.png");
        upload("IMAGE", name, "image/png", MediaFiles.padded(png, 300 * 1024))
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.code").isEqualTo("media-too-large")
                .jsonPath("$.detail").isEqualTo("文件过大：此用途最多接受 256 KB。");
        assertThat(traces.assetsNamed(name)).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileStreaming() throws Exception {
        String name = unique("chunked.png");
        uploadChunked("IMAGE", name, MediaFiles.padded(png, 300 * 1024))
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("media-too-large");
        assertRefused(name);
    }

    @Test
    void aChunkedBodyThatCrossesTheLimitAfterAPartWasSentLeavesNoUnfinishedUpload() throws Exception {
        String name = unique("endless.mp3");
        uploadChunked("AUDIO", name, MediaFiles.padded(mp3, 9 * 1024 * 1024))
                .expectStatus().isEqualTo(413);
        assertRefused(name);
    }

    @Test
    void aLyingContentTypeIsJudgedByTheBytes() throws Exception {
        String name = unique("picture.png");
        upload("IMAGE", name, "image/png", MediaFiles.pdf())
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("application/pdf"));
        assertRefused(name);

        upload("DOCUMENT", unique("report.png"), "image/png", MediaFiles.pdf())
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.detectedType").isEqualTo("application/pdf");
    }

    @Test
    void aHostileFileNameIsAcceptedButSanitized() {
        String raw = "../../etc/\u0000\u0007科普\r\n视频\u202e.mp3";
        web.post().uri("/api/media/assets?purpose=AUDIO")
                .header(AssetsController.FILE_NAME, UriUtils.encode(raw, StandardCharsets.UTF_8))
                .contentType(MediaType.parseMediaType("audio/mpeg"))
                .bodyValue(mp3)
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.originalName").isEqualTo("科普视频.mp3")
                .jsonPath("$.status").value(status -> assertThat(status).isIn(MediaTraces.ACCEPTED));
    }

    @Test
    void anUnknownPurposeIsABadRequest() {
        upload("SPREADSHEET", "a.xlsx", "application/octet-stream", MediaFiles.pdf())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("media-purpose-unknown");
    }

    @Test
    void uploadsNeedASignedInUser() {
        anonymous.post().uri("/api/media/assets?purpose=AUDIO").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(mp3)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous.get().uri("/api/media/assets/{id}", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        anonymous.post().uri("/api/media/uploads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\":\"VIDEO\",\"fileName\":\"a.mp4\",\"size\":10}")
                .exchange().expectStatus().isUnauthorized();
    }

    private void assertStored(String purpose, String name, String declaredType, byte[] bytes, String expectedType) throws Exception {
        AssetView asset = upload(purpose, name, declaredType, bytes)
                .expectStatus().isCreated()
                .expectBody(AssetView.class).returnResult().getResponseBody();
        assertThat(asset.status().name()).isIn(MediaTraces.ACCEPTED);
        assertThat(asset.detectedType()).isEqualTo(expectedType);
        assertThat(asset.originalName()).isEqualTo(name);
        assertThat(asset.size()).isEqualTo(bytes.length);
        assertThat(traces.storedSize(asset.id())).isEqualTo(bytes.length);
        assertThat(traces.unfinishedUploads("originals/" + asset.id())).isEmpty();
        assertThat(traces.processJobsFor(asset.id())).isEqualTo(1);
        web.get().uri("/api/media/assets/{id}", asset.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").value(status -> assertThat(status).isIn(MediaTraces.ACCEPTED));
    }

    private void assertRefused(String name) throws Exception {
        assertThat(traces.assetsNamed(name)).allSatisfy(asset -> assertThat(traces.status(asset)).isEqualTo("REJECTED"));
        traces.assertNothingStoredNamed(name);
    }

    private WebTestClient.ResponseSpec upload(String purpose, String name, String declaredType, byte[] bytes) {
        return web.post().uri("/api/media/assets?purpose={purpose}", purpose)
                .header(AssetsController.FILE_NAME, UriUtils.encode(name, StandardCharsets.UTF_8))
                .contentType(MediaType.parseMediaType(declaredType))
                .bodyValue(bytes)
                .exchange();
    }

    private WebTestClient.ResponseSpec uploadChunked(String purpose, String name, byte[] bytes) {
        int chunk = 64 * 1024;
        Flux<DataBuffer> body = Flux.range(0, (bytes.length + chunk - 1) / chunk)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(java.nio.ByteBuffer.wrap(bytes, i * chunk, Math.min(chunk, bytes.length - i * chunk))));
        return web.post().uri("/api/media/assets?purpose={purpose}", purpose)
                .header(AssetsController.FILE_NAME, UriUtils.encode(name, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE)
                .body(BodyInserters.fromDataBuffers(body))
                .exchange();
    }

    private static String unique(String name) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + name;
    }
}
