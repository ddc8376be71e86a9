package org.kepu.media.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.minio.MinioAsyncClient;
import org.junit.jupiter.api.BeforeAll;
import org.kepu.media.internal.UploadClient.Part;
import org.kepu.media.internal.UploadClient.Started;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kepu.KepuIntegrationTest;
import org.kepu.platform.StorageBucket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KepuIntegrationTest
class MultipartUploadsIntegrationTest {


    private static final int MB = 1024 * 1024;

    private static byte[] mp4;
    private static byte[] mov;

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
    private UploadClient uploads;

    @BeforeAll
    static void makeMedia(@TempDir Path folder) {
        MediaFiles files = new MediaFiles(folder);
        mp4 = files.mp4();
        mov = files.mov();
    }

    @BeforeEach
    void signIn() {
        web = anonymous.mutate().responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin-password")).build();
        traces = new MediaTraces(database, storage, bucket);
        uploads = new UploadClient(web);
    }

    @Test
    void aVideoIsUploadedInPartsAndResumedAfterTheClientWasLost() throws Exception {
        byte[] video = MediaFiles.paddedMp4(mp4, 11 * MB);
        Started started = start("VIDEO", "科普日 开幕.mp4", video.length, "video/mp4");
        assertThat(started.partSize()).isEqualTo(5 * MB);
        assertThat(started.partCount()).isEqualTo(3);

        putPart(started, 1, video);
        // The client is lost here; a new one asks what arrived and sends the rest.
        List<Part> arrived = parts(started);
        assertThat(arrived).extracting(Part::number).containsExactly(1);
        assertThat(arrived.get(0).size()).isEqualTo(5 * MB);
        putPart(started, 2, video);
        putPart(started, 3, video);

        AssetView asset = complete(started, parts(started))
                .expectStatus().isOk()
                .expectBody(AssetView.class).returnResult().getResponseBody();
        assertThat(asset.status().name()).isIn(MediaTraces.ACCEPTED);
        assertThat(asset.detectedType()).isEqualTo("video/mp4");
        assertThat(asset.originalName()).isEqualTo("科普日 开幕.mp4");
        assertThat(asset.size()).isEqualTo(video.length);
        assertThat(traces.storedSize(asset.id())).isEqualTo(video.length);
        assertThat(traces.unfinishedUploads("originals/" + asset.id())).isEmpty();
        assertThat(traces.processJobsFor(asset.id())).isEqualTo(1);
        assertThat(traces.uploadStatus(started.upload())).isEqualTo("COMPLETED");

        web.post().uri("/api/media/uploads/{id}/parts/1/url", started.upload()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("media-upload-closed");
    }

    @Test
    void aCompletionThatMissesAPartOrNamesAWrongEtagChangesNothing() throws Exception {
        byte[] video = MediaFiles.paddedMp4(mp4, 6 * MB);
        Started started = start("VIDEO", "two-parts.mp4", video.length, "video/mp4");
        putPart(started, 1, video);

        complete(started, parts(started))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("media-upload-parts-missing")
                .jsonPath("$.detail").isEqualTo("还缺少分片：2。请上传这些分片后再完成上传。");
        assertThat(traces.uploadStatus(started.upload())).isEqualTo("UPLOADING");

        putPart(started, 2, video);
        List<Part> wrong = parts(started).stream()
                .map(part -> part.number() == 2 ? new Part(2, "0123456789abcdef0123456789abcdef", part.size()) : part).toList();
        complete(started, wrong)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("media-upload-etag-mismatch");

        complete(started, parts(started)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").value(status -> assertThat(status).isIn(MediaTraces.ACCEPTED));
    }

    @Test
    void anExecutableCompletedAsVideoIsRefusedAndDeleted() throws Exception {
        byte[] exe = MediaFiles.windowsExecutable();
        Started started = start("VIDEO", "movie.mp4", exe.length, "video/mp4");
        putPart(started, 1, exe);
        complete(started, parts(started))
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("application/x-msdownload"));
        assertThat(traces.status(started.asset())).isEqualTo("REJECTED");
        assertThat(traces.uploadStatus(started.upload())).isEqualTo("REJECTED");
        traces.assertNothingStored(started.asset());
    }

    @Test
    void aZipBombCompletedAsDocumentIsRefusedAndDeleted() throws Exception {
        byte[] bomb = MediaFiles.docxBomb(64L << 20);
        Started started = start("DOCUMENT", "report.docx", bomb.length, "application/octet-stream");
        putPart(started, 1, bomb);
        complete(started, parts(started))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("media-archive-bomb");
        assertThat(traces.status(started.asset())).isEqualTo("REJECTED");
        assertThat(traces.uploadStatus(started.upload())).isEqualTo("REJECTED");
        traces.assertNothingStored(started.asset());
    }

    @Test
    void aMovIsAVideoButNotAnAnimation() throws Exception {
        Started started = start("ANIMATION", "loop.mp4", mov.length, "video/mp4");
        putPart(started, 1, mov);
        complete(started, parts(started))
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("video/quicktime"));
        traces.assertNothingStored(started.asset());
    }

    @Test
    void partsLargerThanDeclaredAreRefusedBeyondTheLimit() throws Exception {
        byte[] tooBig = MediaFiles.padded(MediaFiles.pdf(), 300 * 1024);
        Started started = start("IMAGE", "small.png", 100 * 1024, "image/png");
        putPart(started, 1, tooBig);
        complete(started, parts(started))
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("media-too-large");
        traces.assertNothingStored(started.asset());
    }

    @Test
    void sizesOutsideTheLimitsAreRefusedAtTheStart() {
        web.post().uri("/api/media/uploads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", "VIDEO", "fileName", "empty.mp4", "size", 0))
                .exchange().expectStatus().isEqualTo(422);
        web.post().uri("/api/media/uploads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", "VIDEO", "fileName", "huge.mp4", "size", 65L * MB))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("文件过大：此用途最多接受 64 MB。");
    }

    @Test
    void anAbortedUploadLeavesNothing() throws Exception {
        byte[] video = MediaFiles.paddedMp4(mp4, 6 * MB);
        Started started = start("VIDEO", "cancelled.mp4", video.length, "video/mp4");
        putPart(started, 1, video);
        web.delete().uri("/api/media/uploads/{id}", started.upload()).exchange().expectStatus().isNoContent();
        assertThat(traces.status(started.asset())).isEqualTo("ABORTED");
        traces.assertNothingStored(started.asset());
    }

    @Test
    void anAbandonedUploadIsAbortedByTheCleanupAfterItExpires() throws Exception {
        byte[] video = MediaFiles.paddedMp4(mp4, 6 * MB);
        Started started = start("VIDEO", "abandoned.mp4", video.length, "video/mp4");
        putPart(started, 1, video);
        assertThat(traces.unfinishedUploads("originals/" + started.asset())).hasSize(1);

        // The client never comes back; let its expiry pass instead of waiting kepu.media.upload-expiry.
        database.sql("UPDATE media_upload SET expires_at = now() - interval '1 second' WHERE id = :id")
                .bind("id", started.upload()).then().block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).until(() -> "ABORTED".equals(traces.uploadStatus(started.upload())));
        assertThat(traces.status(started.asset())).isEqualTo("ABORTED");
        traces.assertNothingStored(started.asset());
        web.get().uri("/api/media/uploads/{id}/parts", started.upload()).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void uploadSessionsNeedASignedInUser() {
        anonymous.get().uri("/api/media/uploads/{id}/parts", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        anonymous.post().uri("/api/media/uploads/{id}/parts/1/url", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        anonymous.post().uri("/api/media/uploads/{id}/complete", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"parts\":[]}").exchange().expectStatus().isUnauthorized();
        anonymous.delete().uri("/api/media/uploads/{id}", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
    }

    private Started start(String purpose, String name, long size, String type) {
        return uploads.start(purpose, name, size, type);
    }

    private void putPart(Started started, int number, byte[] file) throws Exception {
        uploads.putPart(started, number, file);
    }

    private List<Part> parts(Started started) {
        return uploads.parts(started);
    }

    private WebTestClient.ResponseSpec complete(Started started, List<Part> parts) {
        return uploads.complete(started, parts);
    }
}
