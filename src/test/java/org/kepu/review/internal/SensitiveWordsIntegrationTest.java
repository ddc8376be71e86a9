package org.kepu.review.internal;

import java.time.Duration;
import java.util.Map;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.review.ScreenLevel;
import org.kepu.review.ScreenResult;
import org.kepu.review.SensitiveWordScreen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KepuIntegrationTest
class SensitiveWordsIntegrationTest {

    static final String WORDS = "/api/admin/review/sensitive-words";

    @Autowired
    WebTestClient anonymous;
    @Autowired
    SensitiveWordScreen screen;
    @Autowired
    DatabaseClient database;
    @Autowired
    RedisReactiveCommands<String, String> redis;
    @Autowired
    ScreenProperties properties;

    WebTestClient admin;

    @BeforeEach
    void signIn() {
        admin = anonymous.mutate().defaultHeaders(h -> h.setBasicAuth("admin", "test-admin-password")).build();
    }

    @Test
    void theStarterDictionaryIsListedByLevel() {
        admin.get().uri(WORDS + "?level=FLAG").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.word == '包治百病')].note").isEqualTo("夸大疗效")
                .jsonPath("$[?(@.word == '包治百病')].createdBy").isEqualTo("system")
                .jsonPath("$[?(@.level != 'FLAG')]").doesNotExist();
        admin.get().uri(WORDS + "?level=allow").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.word == '精神药物')]").exists();
        admin.get().uri(WORDS).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.word == '出售冰毒')].level").isEqualTo("BLOCK");
        admin.get().uri(WORDS + "?level=WARN").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("sensitive-word-level-unknown");
    }

    @Test
    void anAddedWordHitsAtOnceAndADeletedOneNoLonger() {
        String word = "假冒疫苗" + System.nanoTime() % 100_000;
        Map<String, Object> added = add(word, "BLOCK", "测试用");
        assertThat(added).containsEntry("word", word).containsEntry("level", "BLOCK")
                .containsEntry("note", "测试用").containsEntry("createdBy", "admin").containsKey("createdAt");

        admin.post().uri(WORDS + "/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "有人在网上兜售" + word + "，请勿相信。"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.blocked").isEqualTo(true)
                .jsonPath("$.hits[0].word").isEqualTo(word)
                .jsonPath("$.hits[0].level").isEqualTo("BLOCK")
                .jsonPath("$.hits[0].start").isEqualTo(7)
                .jsonPath("$.hits[0].before").isEqualTo("有人在网上兜售")
                .jsonPath("$.hits[0].after").isEqualTo("，请勿相信。");
        assertThat(screen.screen("标题里也有" + word).block().blocked()).isTrue();

        Number id = (Number) added.get("id");
        admin.delete().uri(WORDS + "/{id}", id).exchange().expectStatus().isNoContent();
        assertThat(screen.screen("标题里也有" + word).block().hits()).isEmpty();
        admin.delete().uri(WORDS + "/{id}", id).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("sensitive-word-not-found");
        assertThat(database.sql("SELECT deleted_by FROM review_sensitive_word WHERE id = :id").bind("id", id.longValue())
                .map(row -> row.get("deleted_by", String.class)).one().block()).isEqualTo("admin");
    }

    @Test
    void anotherSpellingOfAListedWordIsADuplicate() {
        expectProblem(Map.of("word", "包 治 百 病", "level", "BLOCK"), 409, "sensitive-word-exists")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("包治百病").contains("FLAG"));
        expectProblem(Map.of("word", "零風險", "level", "FLAG"), 409, "sensitive-word-exists");
        expectProblem(Map.of("word", "精神药物", "level", "BLOCK"), 409, "sensitive-word-exists");
    }

    @Test
    void blankShortLongAndUnknownEntriesAreRefused() {
        expectProblem(Map.of("word", "   ", "level", "FLAG"), 422, "sensitive-word-blank")
                .jsonPath("$.detail").isEqualTo("请填写词语（空格、标点和符号不计）。");
        expectProblem(Map.of("word", "、。！", "level", "FLAG"), 422, "sensitive-word-blank");
        expectProblem(Map.of("level", "FLAG"), 422, "sensitive-word-blank");
        expectProblem(Map.of("word", "药", "level", "FLAG"), 422, "sensitive-word-too-short");
        expectProblem(Map.of("word", "长".repeat(51), "level", "FLAG"), 422, "sensitive-word-too-long");
        expectProblem(Map.of("word", "夸大宣传", "level", "WARN"), 422, "sensitive-word-level-unknown");
        expectProblem(Map.of("word", "夸大宣传", "level", "FLAG", "note", "注".repeat(201)), 422, "sensitive-word-note-too-long");
        admin.post().uri(WORDS + "/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", " ")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("screen-text-blank");
    }

    @Test
    void editorsTryTheScreenOnAnArticleBody() {
        admin.post().uri(WORDS + "/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("html", true, "text", "<h2>辟谣</h2><p>所谓&ldquo;<b>神药</b>&rdquo;能<em>根治</em>高血压？</p>"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.blocked").isEqualTo(false)
                .jsonPath("$.hits.length()").isEqualTo(2)
                .jsonPath("$.hits[0].word").isEqualTo("神药")
                .jsonPath("$.hits[0].start").isEqualTo(6)
                .jsonPath("$.hits[0].before").isEqualTo("辟谣\n所谓“")
                .jsonPath("$.hits[1].word").isEqualTo("根治")
                .jsonPath("$.hits[1].level").isEqualTo("FLAG");
    }

    @Test
    void aChangeAnnouncedByAnotherInstanceIsLoaded() {
        String word = "虚假偏方" + System.nanoTime() % 100_000;
        // What another instance does: write the entry, then announce the change.
        database.sql("INSERT INTO review_sensitive_word (word, match_key, level, created_by) VALUES (:w, :w, 'FLAG', 'elsewhere')")
                .bind("w", word).then().block();
        redis.publish(properties.channel(), "another-instance").block();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ScreenResult result = screen.screen("推荐" + word).block();
            assertThat(result.hits(ScreenLevel.FLAG)).extracting(hit -> hit.word()).containsExactly(word);
        });
    }

    @Test
    void theDictionaryIsForAdministratorsOnly() {
        anonymous.get().uri(WORDS).exchange().expectStatus().isUnauthorized();
        anonymous.post().uri(WORDS + "/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "神药")).exchange().expectStatus().isUnauthorized();
    }

    private Map<String, Object> add(String word, String level, String note) {
        return admin.post().uri(WORDS).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("word", word, "level", level, "note", note))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    private WebTestClient.BodyContentSpec expectProblem(Map<String, Object> body, int status, String code) {
        return admin.post().uri(WORDS).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }
}
