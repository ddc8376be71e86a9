package org.kepu.media.internal.delivery;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.kepu.platform.StorageBucket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing unreviewed is public: the files of an asset are served under {@code /media/…} only while a
 * published work uses it; before, after an unpublish, and once an edit replaced it, the public path
 * answers 404 as for a file that does not exist. Signed-in readers preview through the API meanwhile.
 * (Processing is off in this context: the files a processed asset would have are written directly.)
 */
@KepuIntegrationTest
class MediaVisibilityIntegrationTest {

    private static final byte[] WAVEFORM = "{\"peaks\":[0.5]}".getBytes(StandardCharsets.UTF_8);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    MinioAsyncClient storage;
    @Autowired
    StorageBucket bucket;

    private ReviewedWorks works;
    private String otherSociety;

    @BeforeEach
    void accounts() {
        works = new ReviewedWorks(anonymous);
        otherSociety = "emergency-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        works.as("admin").post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", otherSociety, "displayName", "应急学会会员", "password", "a-long-password-1",
                        "organisation", "emergency", "roles", List.of("SOCIETY_MEMBER")))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void anAssetIsPublicExactlyWhileAPublishedRevisionUsesIt() throws Exception {
        String first = processedAudio("audio/hypertension.mp3");
        String work = works.create("AUDIO", ReviewedWorks.draft("高血压防治小课堂", List.of(first)));

        String missing = anonymous.get().uri("/media/{a}/waveform.json", first).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        String notFound = anonymous.get().uri("/media/{a}/nothing-here.json", first).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(missing).as("an unpublished file looks exactly like a missing one")
                .isEqualTo(notFound.replace("nothing-here", "waveform"));
        previewable(first);

        works.publish(work);
        anonymous.get().uri("/media/{a}/waveform.json", first).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public, s-maxage=60")
                .expectBody(byte[].class).isEqualTo(WAVEFORM);

        works.as("demo-editor").post().uri("/api/works/{id}/unpublish", work).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "内容需要更新")).exchange().expectStatus().isOk();
        anonymous.get().uri("/media/{a}/waveform.json", first).exchange().expectStatus().isNotFound();
        previewable(first);

        works.publish(work);
        anonymous.get().uri("/media/{a}/waveform.json", first).exchange().expectStatus().isOk();

        String second = processedAudio("audio/rural-smart-farming.m4a");
        works.saveDraft(work, ReviewedWorks.draft("高血压防治小课堂（新录音）", List.of(second)));
        String edit = (String) works.as("demo-society-member").post().uri("/api/works/{id}/submissions", work).exchange()
                .expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        anonymous.get().uri("/media/{a}/waveform.json", second).exchange().expectStatus().isNotFound();
        anonymous.get().uri("/media/{a}/waveform.json", first).exchange().expectStatus().isOk();

        for (String reviewer : List.of("demo-reviewer-political", "demo-reviewer-scientific", "demo-approver")) {
            works.as(reviewer).post().uri("/api/review/cases/{id}/decisions", edit).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("verdict", "APPROVE")).exchange().expectStatus().isOk();
        }
        assertThat(works.publishedRevision(work)).isEqualTo(2);
        anonymous.get().uri("/media/{a}/waveform.json", second).exchange().expectStatus().isOk();
        anonymous.get().uri("/media/{a}/waveform.json", first).exchange().expectStatus().isNotFound();
    }

    @Test
    void anAssetTwoPublishedWorksUseStaysPublicWhileEitherDoes() throws Exception {
        String shared = processedAudio("audio/hypertension.mp3");
        String one = works.create("AUDIO", ReviewedWorks.draft("降压小知识（一）", List.of(shared)));
        String two = works.create("AUDIO", ReviewedWorks.draft("降压小知识（二）", List.of(shared)));
        works.publish(one);
        works.publish(two);

        works.as("demo-editor").post().uri("/api/works/{id}/unpublish", one).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "与第二集重复")).exchange().expectStatus().isOk();
        anonymous.get().uri("/media/{a}/waveform.json", shared).exchange().expectStatus().isOk();

        works.as("admin").post().uri("/api/works/{id}/unpublish", two).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "系列下线")).exchange().expectStatus().isOk();
        anonymous.get().uri("/media/{a}/waveform.json", shared).exchange().expectStatus().isNotFound();
    }

    /**
     * Staff, reviewers, the uploader and the uploader's society read the files of an unpublished asset; no cache
     * may keep them. Another society does not learn that the asset exists.
     */
    private void previewable(String asset) {
        for (String reader : List.of("demo-society-member", "demo-society-admin", "demo-editor", "demo-reviewer-scientific")) {
            works.as(reader).get().uri("/api/media/assets/{a}/files/waveform.json", asset).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private")
                    .expectBody(byte[].class).isEqualTo(WAVEFORM);
        }
        works.as(otherSociety, "a-long-password-1").get().uri("/api/media/assets/{a}/files/waveform.json", asset).exchange()
                .expectStatus().isNotFound();
        works.as(otherSociety, "a-long-password-1").get().uri("/api/media/assets/{a}", asset).exchange()
                .expectStatus().isNotFound();
        anonymous.get().uri("/api/media/assets/{a}/files/waveform.json", asset).exchange().expectStatus().isUnauthorized();
        works.as("demo-editor").get().uri("/api/media/assets/{a}/files/..%2Foriginal", asset).exchange().expectStatus().is4xxClientError();
    }

    /** An audio upload by the society member, with the file processing would have published for it. */
    private String processedAudio(String sample) throws Exception {
        Path file = Path.of("content-samples").resolve(sample);
        String asset = (String) works.as("demo-society-member").post().uri("/api/media/assets?purpose=AUDIO")
                .header("X-File-Name", URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(Files.readAllBytes(file))
                .exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        storage.putObject(PutObjectArgs.builder().bucket(bucket.name()).object(PublicKeys.of(java.util.UUID.fromString(asset), "waveform.json"))
                .stream(new ByteArrayInputStream(WAVEFORM), (long) WAVEFORM.length, -1L).build()).get();
        return asset;
    }
}
