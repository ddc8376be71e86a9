package org.kepu.media.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.media.internal.UploadClient.Part;
import org.kepu.media.internal.UploadClient.Started;
import org.kepu.media.internal.processing.FfmpegRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From a file on an author's computer to what a phone plays: upload (with a lost client and a
 * resume), verification, processing by the durable job, and the published files served over HTTP.
 */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.media.processing.enabled=true")
class MediaPipelineIntegrationTest {

    private static final int MB = 1024 * 1024;
    private static final Duration PROCESSING = Duration.ofSeconds(120);
    private static final Path SAMPLES = Path.of("content-samples");

    @Autowired
    WebTestClient anonymous;
    @Autowired
    FfmpegRunner ffmpeg;
    @Autowired
    org.kepu.media.PublicMedia publicMedia;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient database;
    @Autowired
    io.minio.MinioAsyncClient storage;
    @Autowired
    org.kepu.platform.StorageBucket bucket;
    @LocalServerPort
    int port;

    private WebTestClient web;
    private UploadClient uploads;
    private MediaTraces traces;

    @BeforeEach
    void signIn() {
        web = anonymous.mutate().responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin-password")).build();
        uploads = new UploadClient(web);
        traces = new MediaTraces(database, storage, bucket);
    }

    @Test
    void aVideoUploadedInResumedPartsBecomesAnHlsLadderThatPlays() throws Exception {
        byte[] video = MediaFiles.paddedMp4(Files.readAllBytes(SAMPLES.resolve("video/earthquake-drill.mp4")), 11 * MB);
        Started started = uploads.start("VIDEO", "地震来了怎么办.mp4", video.length, "video/mp4");
        uploads.putPart(started, 1, video);
        // The connection drops here; the author's browser asks what arrived and sends the rest.
        assertThat(uploads.parts(started)).extracting(Part::number).containsExactly(1);
        uploads.putPart(started, 2, video);
        uploads.putPart(started, 3, video);
        uploads.complete(started, uploads.parts(started)).expectStatus().isOk();

        awaitStatus(started.asset(), "PROCESSED");
        Map<String, String> urls = renditionUrls(started.asset(), "url");
        assertThat(urls).containsKeys("hls", "mp4", "poster", "poster-480", "poster-480-webp", "poster-960-webp", "storyboard");
        // Public files are served only while a published work uses the asset: publish it, as content would.
        publicMedia.release(UUID.randomUUID(), List.of(new org.kepu.media.MediaAssetId(started.asset()))).block();

        String probe = ffmpeg.ffprobe(List.of("-v", "error", "-show_entries", "stream=codec_type,width,height",
                "-of", "csv=p=0", "http://127.0.0.1:" + port + urls.get("hls")));
        assertThat(probe).contains("video,1280,720").contains("video,640,360");
        web.get().uri(urls.get("poster")).exchange().expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_JPEG);
        web.get().uri(urls.get("poster-480-webp")).exchange().expectStatus().isOk().expectHeader().contentType("image/webp");

        // The progressive MP4: the 360p rung's streams, index first, served with byte ranges like every public file.
        String mp4 = ffmpeg.ffprobe(List.of("-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0",
                "http://127.0.0.1:" + port + urls.get("mp4")));
        assertThat(mp4).contains("h264,640,360").contains("aac");
        byte[] head = web.get().uri(urls.get("mp4")).header("Range", "bytes=0-63").exchange()
                .expectStatus().isEqualTo(206).expectHeader().contentType("video/mp4")
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("ftyp").contains("moov");
        // A video's original is never a download, public or not.
        web.get().uri("/media/{id}/download", started.asset()).exchange().expectStatus().isNotFound();
    }

    @Test
    void anAudioPieceGetsANormalisedRenditionAndWaveformPeaks() throws Exception {
        UUID asset = streamed("AUDIO", "高血压防治小课堂.mp3", SAMPLES.resolve("audio/hypertension.mp3"));

        awaitStatus(asset, "PROCESSED");
        // Not published: the signed-in preview path serves the files.
        Map<String, String> urls = renditionUrls(asset, "previewUrl");
        web.get().uri(urls.get("audio")).exchange().expectStatus().isOk().expectHeader().contentType("audio/mp4");
        web.get().uri(urls.get("waveform")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.peaks.length()").isEqualTo(1000);
    }

    @Test
    void anArticleDocumentHasItsTextExtracted() throws Exception {
        UUID asset = streamed("DOCUMENT", "厨房里的科学小实验.docx", SAMPLES.resolve("articles/kitchen-experiments.docx"));

        awaitStatus(asset, "PROCESSED");
        web.get().uri("/api/media/assets/{id}/text", asset).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.text").value(text -> assertThat(text.toString()).contains("双减"));
    }

    @Test
    void aWorkLeftEmptyIsFilledFromItsDocumentOnceProcessed() throws Exception {
        byte[] docx = MediaFiles.withCoreProperties(Files.readAllBytes(SAMPLES.resolve("articles/kitchen-experiments.docx")),
                "在厨房里做科学小实验", "吴志强");
        // The work names the document while it is still uploading, so only processing can fill it.
        Started started = uploads.start("DOCUMENT", "厨房实验.docx", docx.length,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Map<String, Object> draft = Map.of("title", "", "topics", List.of("double-reduction"), "originality", "ORIGINAL",
                "licence", "CC-BY-NC-4.0", "mediaAssets", List.of(started.asset().toString()));
        Map<String, Object> created = web.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", "youth-tech", "draft", draft))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        String work = (String) created.get("id");
        assertThat(draftOf(work).get("title")).isEqualTo("厨房实验");
        assertThat((String) draftOf(work).get("bodyHtml")).isEmpty();

        uploads.putPart(started, 1, docx);
        uploads.complete(started, uploads.parts(started)).expectStatus().isOk();

        await().atMost(PROCESSING).pollInterval(Duration.ofMillis(500)).until(() -> draftOf(work).get("createdBy").equals("system"));
        Map<String, Object> filled = draftOf(work);
        assertThat(filled.get("title")).isEqualTo("在厨房里做科学小实验");
        assertThat((String) filled.get("summary")).isNotBlank().hasSizeLessThanOrEqualTo(200);
        assertThat((String) filled.get("bodyHtml")).contains("<p>").contains("紫甘蓝");
        assertThat(filled.get("credits")).isEqualTo(List.of(Map.of("role", "AUTHOR", "name", "吴志强")));
        assertThat(filled.get("number")).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> draftOf(String work) {
        return (Map<String, Object>) web.get().uri("/api/works/{id}", work).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody().get("draft");
    }

    @Test
    void aTruncatedVideoIsRejectedAndItsOriginalRemoved() throws Exception {
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("video/carbon-peak-neutral.mp4"));
        Path cut = Files.createTempFile("cut", ".mp4");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 3));
        UUID asset = streamed("VIDEO", "碳达峰.mp4", cut);

        awaitStatus(asset, "REJECTED");
        assertThat(renditionUrls(asset, "url")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> traces.storedSize(asset)).hasMessageContaining("NoSuchKey"));
    }

    private UUID streamed(String purpose, String name, Path file) throws Exception {
        Map<String, Object> asset = web.post().uri("/api/media/assets?purpose={p}", purpose)
                .header("X-File-Name", java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(Files.readAllBytes(file))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        return UUID.fromString((String) asset.get("id"));
    }

    private void awaitStatus(UUID asset, String status) {
        await().atMost(PROCESSING).pollInterval(Duration.ofMillis(500)).until(() -> status.equals(
                web.get().uri("/api/media/assets/{id}", asset).exchange().expectStatus().isOk()
                        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                        }).returnResult().getResponseBody().get("status")));
    }

    private Map<String, String> renditionUrls(UUID asset, String kind) {
        List<Map<String, Object>> renditions = web.get().uri("/api/media/assets/{id}/renditions", asset).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        return renditions.stream().collect(java.util.stream.Collectors.toMap(
                rendition -> (String) rendition.get("name"), rendition -> (String) rendition.get(kind)));
    }
}
