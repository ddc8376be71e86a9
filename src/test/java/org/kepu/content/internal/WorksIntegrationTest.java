package org.kepu.content.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KepuIntegrationTest
class WorksIntegrationTest {

    @Autowired
    WebTestClient anonymous;
    @Autowired
    DatabaseClient database;

    WebTestClient author;

    @BeforeEach
    void signIn() {
        author = anonymous.mutate().defaultHeaders(h -> h.setBasicAuth("admin", "test-admin-password")).build();
    }

    @Test
    void anArticleIsCreatedAsRevisionOneWithASanitizedBody() {
        Map<String, Object> created = create(article("夏季食品安全小常识", """
                # 剩饭剩菜怎么存

                冷藏不超过**24 小时**。<script>alert('x')</script>
                [来源](javascript:alert(1)) · [国家卫健委](https://www.nhc.gov.cn)
                """, List.of("food-safety", "health")));

        assertThat(created.get("kind")).isEqualTo("ARTICLE");
        assertThat(created.get("organisation")).isEqualTo("nutrition");
        assertThat(created.get("draftRevision")).isEqualTo(1);
        assertThat(created.get("publishedRevision")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = (Map<String, Object>) created.get("draft");
        String html = (String) draft.get("bodyHtml");
        assertThat(html).contains("<h1>剩饭剩菜怎么存</h1>").contains("<strong>24 小时</strong>")
                .contains("href=\"https://www.nhc.gov.cn\"").contains("rel=\"nofollow\"")
                .doesNotContain("<script").doesNotContain("javascript:");
        assertThat(draft.get("topics")).isEqualTo(List.of("food-safety", "health"));
        assertThat(draft.get("createdBy")).isEqualTo("admin");
    }

    @Test
    void everySavedDraftIsANewRevisionAndHistoryStaysAsItWas() {
        String id = (String) create(article("碳达峰碳中和十问", "第一版", List.of("carbon"))).get("id");

        saveDraft(id, article("碳达峰碳中和十问（修订）", "第二版", List.of("carbon")));
        Map<String, Object> third = saveDraft(id, article("碳达峰碳中和十问（终稿）", "第三版", List.of("carbon", "rural")));

        assertThat(third.get("draftRevision")).isEqualTo(3);
        author.get().uri("/api/works/{id}/revisions", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].number").isEqualTo(3)
                .jsonPath("$[2].title").isEqualTo("碳达峰碳中和十问");
        author.get().uri("/api/works/{id}/revisions/1", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyHtml").isEqualTo("<p>第一版</p>\n");
    }

    @Test
    void aSaveBasedOnAnOlderDraftIsRefusedAndNamesTheNewerOne() {
        String id = (String) create(article("两人同时编辑", "第一版", List.of("health"))).get("id");
        author.get().uri("/api/works/{id}", id).exchange().expectHeader().valueEquals("ETag", "\"1\"");

        author.put().uri("/api/works/{id}/draft", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(article("两人同时编辑", "编辑甲的修改", List.of("health"))).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        author.put().uri("/api/works/{id}/draft", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(article("两人同时编辑", "编辑乙的修改", List.of("health"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("work-draft-stale")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("第 1 版").contains("第 2 版"));

        assertThat(database.sql("SELECT count(*) AS n FROM content_revision WHERE work_id = CAST(:id AS uuid)").bind("id", id)
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesToRewriteARevision() {
        String id = (String) create(article("防溺水安全知识", "<p>不私自下水游泳</p>", List.of("minors"))).get("id");

        assertThatThrownBy(() -> database.sql("UPDATE content_revision SET title = 'x' WHERE work_id = :id::uuid")
                .bind("id", id).then().block())
                .hasMessageContaining("never changed or deleted");
        assertThatThrownBy(() -> database.sql("DELETE FROM content_revision WHERE work_id = :id::uuid")
                .bind("id", id).then().block())
                .hasMessageContaining("never changed or deleted");
    }

    @Test
    void unknownTopicsAndOrganisationsAreNamedInTheError() {
        author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "VIDEO", "organisation", "nutrition",
                        "draft", draft("地震逃生", "", List.of("emergency", "no-such-topic"))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").isEqualTo("以下主题不存在：no-such-topic。");
        author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "VIDEO", "organisation", "no-such-society",
                        "draft", draft("地震逃生", "", List.of("emergency"))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").isEqualTo("机构“no-such-society”不存在。");
    }

    @Test
    void anIncompleteDraftIsRefusedFieldByField() {
        author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "AUDIO", "organisation", "medical",
                        "draft", Map.of("title", " ", "topics", List.of(), "licence", "CC-BY-4.0")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'draft.topics')]").exists()
                .jsonPath("$.errors[?(@.field == 'draft.originality')]").exists();
    }

    @Test
    void aWorkWithoutTitleNeedsMediaToNameIt() {
        author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", "nutrition", "draft", draft(" ", "", List.of("health"))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("work-title-required");

        String audio = upload("AUDIO", "高血压防治小课堂.mp3", Path.of("content-samples/audio/hypertension.mp3"));
        Map<String, Object> draft = new java.util.HashMap<>(draft("", "", List.of("health")));
        draft.put("mediaAssets", List.of(audio));
        Map<String, Object> created = author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "AUDIO", "organisation", "medical", "draft", draft))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) created.get("draft")).get("title")).isEqualTo("高血压防治小课堂");
    }

    @Test
    void mediaMustExistSuitTheKindAndNotHaveBeenRefused() {
        String audio = upload("AUDIO", "讲座.mp3", Path.of("content-samples/audio/hypertension.mp3"));
        expectMediaProblem("VIDEO", audio, "work-media-wrong-purpose").jsonPath("$.detail").value(detail ->
                assertThat(detail.toString()).contains(audio).contains("AUDIO").contains("VIDEO"));

        String unknown = "00000000-0000-4000-8000-000000000001";
        expectMediaProblem("AUDIO", unknown, "work-media-unknown");

        author.post().uri("/api/media/assets?purpose=AUDIO").header("X-File-Name", "fake.mp3")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue("<html><body>not audio</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange().expectStatus().isEqualTo(415);
        String refused = database.sql("SELECT id::text AS id FROM media_asset WHERE original_name = 'fake.mp3' AND status = 'REJECTED' "
                + "ORDER BY created_at DESC LIMIT 1").map(row -> row.get("id", String.class)).one().block();
        expectMediaProblem("AUDIO", refused, "work-media-unusable");
    }

    private WebTestClient.BodyContentSpec expectMediaProblem(String kind, String asset, String code) {
        Map<String, Object> draft = new java.util.HashMap<>(draft("带媒体的作品", "", List.of("health")));
        draft.put("mediaAssets", List.of(asset));
        return author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", kind, "organisation", "medical", "draft", draft))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    private String upload(String purpose, String name, Path file) {
        try {
            Map<String, Object> asset = author.post().uri("/api/media/assets?purpose={p}", purpose)
                    .header("X-File-Name", java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(java.nio.file.Files.readAllBytes(file))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                    }).returnResult().getResponseBody();
            return (String) asset.get("id");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void worksAreNotForAnonymousVisitors() {
        anonymous.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", "nutrition", "draft", draft("x", "", List.of("health"))))
                .exchange()
                .expectStatus().isUnauthorized();
        anonymous.get().uri("/api/works/00000000-0000-4000-8000-000000000000").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void topicsAreSeededAndEditorsMayAddMore() {
        anonymous.get().uri("/api/topics").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].name").isEqualTo("双碳")
                .jsonPath("$[?(@.slug == 'minors')].name").isEqualTo("未成年人保护");
        String slug = "astronomy-" + System.nanoTime() % 100000;
        author.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", slug, "name", "天文" + slug, "position", 20)).exchange()
                .expectStatus().isCreated();
        author.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", slug, "name", "天文" + slug, "position", 20)).exchange()
                .expectStatus().isEqualTo(409);
        anonymous.get().uri("/api/organisations").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.slug == 'nutrition')].name").isEqualTo("市营养学会");
    }

    private Map<String, Object> create(Map<String, Object> draft) {
        return author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", "nutrition", "draft", draft))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    private Map<String, Object> saveDraft(String id, Map<String, Object> draft) {
        return author.put().uri("/api/works/{id}/draft", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    private static Map<String, Object> article(String title, String markdown, List<String> topics) {
        Map<String, Object> draft = new java.util.HashMap<>(draft(title, markdown, topics));
        draft.put("bodyFormat", "MARKDOWN");
        draft.put("credits", List.of(Map.of("role", "AUTHOR", "name", "张营养"), Map.of("role", "EXPERT", "name", "李教授")));
        draft.put("tags", List.of("夏季", "冷藏"));
        return draft;
    }

    private static Map<String, Object> draft(String title, String body, List<String> topics) {
        return Map.of("title", title, "summary", "一分钟了解" + title, "body", body, "topics", topics,
                "originality", "ORIGINAL", "licence", "CC-BY-NC-4.0");
    }
}
