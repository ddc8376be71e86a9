package org.kepu.review.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kepu.KepuApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole chain as a society lives it, across a restart: a video work is screened, signed at 一审, 二审 (by
 * the expert whose topics match) and 终审, and waits for its scheduled time while the application, with all
 * its servers, is stopped; the next start publishes it. Then an edit goes through review with a diff while
 * the first revision stays public, and an older revision is restored through review again.
 * <p>
 * This test runs its own installation in a data folder of its own (not the test JVM's shared servers), so no
 * other application context can run its jobs while it is down.
 */
class ReviewEndToEndIntegrationTest {

    private static final String DEMO = "kepu-demo-2026";
    private static final String ADMIN_PASSWORD = "end-to-end-admin";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    @TempDir
    Path dataDir;

    @Test
    void aScheduledVideoIsPublishedByTheNextStartAndItsEditIsReviewedWhileTheOldRevisionStaysPublic() throws IOException {
        String work;
        String firstCase;
        OffsetDateTime publishAt;
        try (ConfigurableApplicationContext app = start()) {
            WebTestClient admin = client(app, "admin", ADMIN_PASSWORD);
            admin.post().uri("/api/admin/experts").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("account", "demo-reviewer-scientific", "name", "李营养", "fields", List.of("营养学"),
                            "topics", List.of("food-safety", "health")))
                    .exchange().expectStatus().isCreated();

            WebTestClient member = client(app, "demo-society-member", DEMO);
            String video = uploadSampleVideo(member);
            work = createVideoWork(member, video);

            // Submitted with a time about half a minute ahead: long enough to sign all three stages first.
            publishAt = OffsetDateTime.now().plusSeconds(25);
            firstCase = submit(member, work, publishAt);
            client(app, "demo-reviewer-political", DEMO).get().uri("/api/review/cases/{id}", firstCase).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.screen[?(@.word == '神药')].level").isEqualTo("FLAG")
                    .jsonPath("$.screen[?(@.word == '神药')].field").isEqualTo("summary");

            decide(app, "demo-reviewer-political", firstCase, "APPROVE", "导向正确").expectStatus().isOk()
                    .expectBody().jsonPath("$.assignedTo").isEqualTo("demo-reviewer-scientific");
            decide(app, "demo-reviewer-scientific", firstCase, "APPROVE", "“神药”一词出现在辟谣语境中，科学性无误").expectStatus().isOk();
            decide(app, "demo-approver", firstCase, "APPROVE", null).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
            assertThat(workOf(member, work).get("publishedRevision")).isNull();
            assertThat(OffsetDateTime.now()).as("the application stops before the scheduled time").isBefore(publishAt);
        }

        // Down past the scheduled time: nothing runs, nothing is lost.
        await().atMost(Duration.ofMinutes(1)).until(() -> OffsetDateTime.now().isAfter(publishAt.plusSeconds(1)));

        try (ConfigurableApplicationContext app = start()) {
            WebTestClient member = client(app, "demo-society-member", DEMO);
            await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(1).equals(workOf(member, work).get("publishedRevision")));
            client(app, "demo-approver", DEMO).get().uri("/api/review/cases/{id}", firstCase).exchange()
                    .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
            List<Map<String, Object>> audit = client(app, "admin", ADMIN_PASSWORD).get()
                    .uri("/api/admin/audit?subject=work:{id}", work).exchange()
                    .expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
            assertThat(audit).filteredOn(entry -> "work.published".equals(entry.get("action")))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.get("actor")).isEqualTo("scheduler");
                        assertThat(OffsetDateTime.parse((String) entry.get("at"))).isAfterOrEqualTo(publishAt);
                    });

            editGoesThroughReviewWhileTheFirstRevisionStaysPublic(app, member, work);
            anOlderRevisionIsRestoredThroughReview(app, member, work);
        }
    }

    private void editGoesThroughReviewWhileTheFirstRevisionStaysPublic(ConfigurableApplicationContext app, WebTestClient member,
                                                                        String work) {
        Map<String, Object> draft = new HashMap<>(draftOf(member, work));
        draft.put("title", "夏季食品安全：剩菜怎样保存");
        draft.put("body", "<p>剩菜应在两小时内放入冰箱。</p><p>再次食用前要彻底加热。</p><p>海鲜不宜隔夜。</p>");
        member.put().uri("/api/works/{id}/draft", work).contentType(MediaType.APPLICATION_JSON).bodyValue(draft)
                .exchange().expectStatus().isOk();
        String edit = submit(member, work, null);

        Map<String, Object> diff = client(app, "demo-reviewer-political", DEMO).get().uri("/api/review/cases/{id}/diff", edit)
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(diff.get("base")).isEqualTo(1);
        assertThat(diff.get("revision")).isEqualTo(2);
        assertThat(segments(diff, "title")).contains(Map.of("change", "ADDED", "text", "：剩菜怎样保存"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) ((Map<String, Object>) diff.get("body")).get("blocks");
        assertThat(blocks).extracting(block -> block.get("change")).containsExactly("SAME", "CHANGED", "ADDED");
        assertThat(side(blocks.get(1), "REMOVED")).isEqualTo("加热后再吃。");
        assertThat(side(blocks.get(1), "ADDED")).isEqualTo("再次食用前要彻底加热。");
        assertThat(blocks.get(2).get("segments").toString()).contains("海鲜不宜隔夜");
        assertThat(((Map<?, ?>) diff.get("summary")).get("changed")).isEqualTo(false);

        decide(app, "demo-reviewer-political", edit, "APPROVE", null).expectStatus().isOk();
        Map<String, Object> meanwhile = workOf(member, work);
        assertThat(meanwhile.get("publishedRevision")).as("the first revision stays public during review").isEqualTo(1);
        assertThat(meanwhile.get("draftRevision")).isEqualTo(2);
        decide(app, "demo-reviewer-scientific", edit, "APPROVE", null).expectStatus().isOk();
        decide(app, "demo-approver", edit, "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        assertThat(workOf(member, work).get("publishedRevision")).isEqualTo(2);
        // A closed case still compares against what was online before it.
        client(app, "demo-editor", DEMO).get().uri("/api/review/cases/{id}/diff", edit).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.base").isEqualTo(1);
    }

    private void anOlderRevisionIsRestoredThroughReview(ConfigurableApplicationContext app, WebTestClient member, String work) {
        client(app, "demo-reviewer-political", DEMO).post().uri("/api/works/{id}/revisions/1/restore", work).exchange()
                .expectStatus().isForbidden();
        member.post().uri("/api/works/{id}/revisions/2/restore", work).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("work-revision-is-draft");
        member.post().uri("/api/works/{id}/revisions/9/restore", work).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("revision-not-found");
        member.post().uri("/api/works/{id}/revisions/1/restore", work).header("If-Match", "\"1\"").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("work-draft-stale");

        WebTestClient editor = client(app, "demo-editor", DEMO);
        editor.post().uri("/api/works/{id}/revisions/1/restore", work).header("If-Match", "\"2\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody()
                .jsonPath("$.draftRevision").isEqualTo(3)
                .jsonPath("$.publishedRevision").isEqualTo(2);
        Map<String, Object> restored = member.get().uri("/api/works/{id}/revisions/3", work).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        Map<String, Object> first = member.get().uri("/api/works/{id}/revisions/1", work).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(restored).containsEntry("title", first.get("title")).containsEntry("bodyHtml", first.get("bodyHtml"))
                .containsEntry("mediaAssets", first.get("mediaAssets")).containsEntry("createdBy", "demo-editor");

        String restoreCase = submit(member, work, null);
        Map<String, Object> diff = client(app, "demo-reviewer-political", DEMO).get().uri("/api/review/cases/{id}/diff", restoreCase)
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(diff.get("base")).isEqualTo(2);
        assertThat(segments(diff, "title")).contains(Map.of("change", "REMOVED", "text", "：剩菜怎样保存"));
        assertThat(workOf(member, work).get("publishedRevision")).as("restoring publishes nothing by itself").isEqualTo(2);

        List<Map<String, Object>> audit = client(app, "admin", ADMIN_PASSWORD).get()
                .uri("/api/admin/audit?subject=work:{id}", work).exchange()
                .expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
        assertThat(audit).filteredOn(entry -> "work.revision-restored".equals(entry.get("action"))).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("actor")).isEqualTo("demo-editor");
                    assertThat(entry.get("details").toString()).contains("restoredFrom").contains("revision");
                });
    }

    /** One version of a changed paragraph: its kept text with what only that version has. */
    @SuppressWarnings("unchecked")
    private static String side(Map<String, Object> block, String only) {
        return ((List<Map<String, Object>>) block.get("segments")).stream()
                .filter(segment -> segment.get("change").equals("SAME") || segment.get("change").equals(only))
                .map(segment -> (String) segment.get("text")).reduce("", String::concat);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> segments(Map<String, Object> diff, String field) {
        return (List<Map<String, Object>>) ((Map<String, Object>) diff.get(field)).get("segments");
    }

    private String uploadSampleVideo(WebTestClient member) throws IOException {
        byte[] mp4;
        try (InputStream sample = getClass().getResourceAsStream("/content-samples/video/summer-food-safety.mp4")) {
            assertThat(sample).as("the sample video is on the classpath").isNotNull();
            mp4 = sample.readAllBytes();
        }
        return (String) member.post().uri("/api/media/assets?purpose=VIDEO")
                .header("X-File-Name", "summer-food-safety.mp4")
                .contentType(MediaType.parseMediaType("video/mp4"))
                .bodyValue(mp4)
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private static String createVideoWork(WebTestClient member, String video) {
        Map<String, Object> draft = Map.of("title", "夏季食品安全", "summary", "隔夜菜不是“神药”也不是毒药，关键在保存。",
                "body", "<p>剩菜应在两小时内放入冰箱。</p><p>加热后再吃。</p>", "bodyFormat", "HTML",
                "topics", List.of("food-safety"), "originality", "ORIGINAL", "licence", "CC-BY-NC-4.0",
                "mediaAssets", List.of(video));
        return (String) member.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "VIDEO", "organisation", "nutrition", "draft", draft))
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private static String submit(WebTestClient author, String work, OffsetDateTime publishAt) {
        var request = author.post().uri("/api/works/{id}/submissions", work);
        var sent = publishAt == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("publishAt", publishAt.toString())).exchange();
        return (String) sent.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private static WebTestClient.ResponseSpec decide(ConfigurableApplicationContext app, String reviewer, String reviewCase,
                                                     String verdict, String reason) {
        Map<String, Object> body = reason == null ? Map.of("verdict", verdict) : Map.of("verdict", verdict, "reason", reason);
        return client(app, reviewer, DEMO).post().uri("/api/review/cases/{id}/decisions", reviewCase)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> workOf(WebTestClient reader, String work) {
        return reader.get().uri("/api/works/{id}", work).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private static Map<String, Object> draftOf(WebTestClient reader, String work) {
        Map<String, Object> latest = reader.get().uri("/api/works/{id}/revisions/1", work).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        Map<String, Object> draft = new HashMap<>();
        for (String field : List.of("title", "summary", "topics", "columns", "tags", "credits", "originality", "licence",
                "coverAsset", "mediaAssets", "bodyFormat")) {
            if (latest.get(field) != null) {
                draft.put(field, latest.get(field));
            }
        }
        draft.put("body", latest.get("bodySource"));
        return draft;
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KepuApplication.class).profiles("test")
                .run("--server.port=0", "--kepu.data-dir=" + dataDir, "--kepu.embedded.ephemeral=false",
                        "--kepu.identity.bootstrap-admin.password=" + ADMIN_PASSWORD);
    }

    private static WebTestClient client(ConfigurableApplicationContext app, String username, String password) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth(username, password)).build();
    }
}
