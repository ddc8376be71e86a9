package org.kepu.rumor.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 捕捉线索 → 及时辟谣 → 正向传播, through the real application: a citizen reports two clues; an editor links the
 * first to the sample item that already rebuts it and turns the second into a new item; 一审 and an expert's 二审
 * sign it; the published page carries ClaimReview JSON-LD valid against the schema of Google's fact-check markup;
 * a search for a paraphrase shows the rebuttal card first; the reporter's contact never reaches a public answer.
 */
@KepuIntegrationTest
class RumorEndToEndIntegrationTest {

    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    RedisReactiveCommands<String, String> redis;

    @Test
    void aCitizensClueBecomesAPublishedRebuttalThatSearchShowsFirst() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        WebTestClient editor = reviewed.as("demo-editor");
        String phone = "139" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        await("the sample library").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> status("/rumors/overnight-vegetables-cancer") == 200);

        // A citizen reports through the site's form, another through the JSON endpoint.
        anonymous.post().uri("/api/rumors/public/clues").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("claim", "听说隔夜的剩菜亚硝酸盐超标，吃了容易得癌").with("whereSeen", "家庭微信群").with("contact", phone))
                .exchange().expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/rumors/report?sent=1");
        String linkedClue = clueId(editor, "听说隔夜的剩菜亚硝酸盐超标，吃了容易得癌");
        String newClue = (String) anonymous.post().uri("/api/rumors/public/clues").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("claim", "每天喝板蓝根冲剂能预防流感，全家老小都该喝", "whereSeen", "短视频平台", "contact", "wang-" + phone + "@example.com"))
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");

        // The editor sees the first clue's near-duplicate and links it.
        Map<String, Object> first = editor.get().uri("/api/rumors/clues/{id}", linkedClue).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) first.get("clue")).get("contact")).as("editors see the contact").isEqualTo(phone);
        Map<?, ?> best = (Map<?, ?>) ((List<?>) first.get("matches")).get(0);
        assertThat(best.get("slug")).isEqualTo("overnight-vegetables-cancer");
        assertThat(best.get("duplicate")).isEqualTo(true);
        editor.post().uri("/api/rumors/clues/{id}/link", linkedClue).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("item", best.get("id"))).exchange().expectStatus().isNoContent();
        editor.post().uri("/api/rumors/clues/{id}/link", linkedClue).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("item", best.get("id"))).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("rumor-clue-handled");

        // The second says something new: it becomes a draft item.
        Map<String, Object> second = editor.get().uri("/api/rumors/clues/{id}", newClue).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat((List<?>) second.get("matches")).allSatisfy(match -> assertThat(((Map<?, ?>) match).get("duplicate")).isEqualTo(false));
        String slug = "banlangen-flu-" + UUID.randomUUID().toString().substring(0, 6);
        // A topic of its own: an expert of a shared topic would be assigned the 二审 of other tests' works.
        String topic = "flu-" + slug.substring(slug.length() - 6);
        reviewed.as("admin", "test-admin-password").post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", topic, "name", "流感" + topic, "position", 60)).exchange().expectStatus().isCreated();
        String item = (String) editor.post().uri("/api/rumors/clues/{id}/item", newClue).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", slug, "claim", "喝板蓝根冲剂可以预防流感。", "verdict", "RUMOR",
                        "truth", "板蓝根不能预防流感，接种流感疫苗才是最有效的预防手段。",
                        "explanation", "目前没有可靠的临床证据表明板蓝根能预防流感。\n\n预防流感最有效的办法是每年接种流感疫苗，并勤洗手、戴口罩。",
                        "evidence", List.of(Map.of("title", "流行性感冒诊疗方案", "publisher", "国家卫生健康委员会")),
                        "topics", List.of(topic), "column", "health-rumors"))
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("item");
        editor.put().uri("/api/rumors/items/{id}", item).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "report", "claim", "喝板蓝根冲剂可以预防流感。", "verdict", "RUMOR", "truth", "不能。", "explanation", "说明"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("rumor-field-invalid");
        editor.post().uri("/api/rumors/items/{id}/submissions", item).exchange().expectStatus().isCreated();

        reviewed.as("demo-reviewer-political").post().uri("/api/rumors/items/{id}/decisions", item).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "APPROVE")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.item.stage").isEqualTo("SCIENTIFIC").jsonPath("$.item.status").isEqualTo("REVIEW");
        String notExpert = account(reviewed, "rumor-reviewer-" + phone, null, topic);
        reviewed.as(notExpert, "a-long-password-1").post().uri("/api/rumors/items/{id}/decisions", item).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "APPROVE")).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("rumor-review-not-expert");
        String expert = account(reviewed, "rumor-expert-" + phone, "林晓", topic);
        reviewed.as(expert, "a-long-password-1").post().uri("/api/rumors/items/{id}/decisions", item).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "REJECT")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("rumor-reason-required");
        reviewed.as(expert, "a-long-password-1").post().uri("/api/rumors/items/{id}/decisions", item).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "APPROVE")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.item.status").isEqualTo("PUBLISHED").jsonPath("$.publicPath").isEqualTo("/rumors/" + slug)
                .jsonPath("$.decisions[1].expertName").isEqualTo("林晓");

        // The page: verdict, claim, expert, and ClaimReview JSON-LD that passes the schema.
        String page = body("/rumors/" + slug);
        assertThat(page).contains("谣言").contains("喝板蓝根冲剂可以预防流感。").contains("林晓").contains("流行性感冒诊疗方案");
        JsonNode review = claimReview(page);
        JsonSchema schema;
        try (var in = getClass().getResourceAsStream("/rumor/claim-review.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(review);
        assertThat(errors).as("ClaimReview against the schema").isEmpty();
        assertThat(review.get("claimReviewed").asText()).isEqualTo("喝板蓝根冲剂可以预防流感。");
        assertThat(review.at("/reviewRating/alternateName").asText()).isEqualTo("谣言");
        assertThat(review.at("/reviewRating/ratingValue").asInt()).isEqualTo(1);
        assertThat(review.get("url").asText()).endsWith("/rumors/" + slug);

        // A paraphrase in the search box shows the rebuttal card before the results.
        await("the rebuttal card").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> body("/search?q=板蓝根能预防流感吗")
                        .contains("href=\"/rumors/" + slug + "\""));
        String search = body("/search?q=板蓝根能预防流感吗");
        assertThat(search.indexOf("class=\"rumor-card\"")).isPositive().isLessThan(search.indexOf("<section"));

        // The clues are handled, and no public answer carries the reporters' contacts.
        editor.get().uri("/api/rumors/clues/{id}", newClue).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.clue.status").isEqualTo("CONVERTED").jsonPath("$.clue.item").isEqualTo(item);
        for (String publicPath : List.of("/rumors", "/rumors/" + slug, "/rumors/columns/health-rumors", "/rumors/columns/health-rumors/feed.xml", "/")) {
            assertThat(body(publicPath)).as(publicPath).doesNotContain(phone);
        }
        assertThat(body("/rumors/columns/health-rumors/feed.xml")).contains("/rumors/" + slug);
        assertThat(body("/sitemap-pages.xml")).contains("/rumors/" + slug).contains("/rumors/columns/health-rumors");
    }

    @Test
    void badReportsAreRefusedWithTheReasonAndTooManyAreLimited() {
        redis.keys(ClueLimit.KEY + "*").flatMap(redis::del).blockLast(Duration.ofSeconds(10));
        anonymous.post().uri("/api/rumors/public/clues").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("whereSeen", "微信"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("rumor-field-required");
        anonymous.post().uri("/api/rumors/public/clues").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("claim", "某说法", "link", "javascript:alert(1)"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("rumor-field-invalid");
        anonymous.post().uri("/api/rumors/public/clues").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("claim", " ")).exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/rumors/report?problem=rumor-field-required");
        assertThat(body("/rumors/report?problem=rumor-field-required")).contains("请填写");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(anonymous.post().uri("/api/rumors/public/clues").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("claim", "限流测试线索 " + i)).exchange().returnResult(byte[].class).getStatus().value());
        }
        assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429);
        anonymous.post().uri("/api/rumors/public/clues").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("claim", "再来一条"))
                .exchange().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("rumor-clue-rate-limited");
        redis.keys(ClueLimit.KEY + "*").flatMap(redis::del).blockLast(Duration.ofSeconds(10));
    }

    private String account(ReviewedWorks reviewed, String username, String expertName, String topic) {
        WebTestClient admin = reviewed.as("admin", "test-admin-password");
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", expertName == null ? "二审员" : expertName,
                        "password", "a-long-password-1", "roles", List.of("REVIEWER_SCIENTIFIC")))
                .exchange().expectStatus().isCreated();
        if (expertName != null) {
            admin.post().uri("/api/admin/experts").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", expertName, "title", "市疾控中心 副主任医师", "fields", List.of("传染病防控"),
                            "topics", List.of(topic), "account", username))
                    .exchange().expectStatus().isCreated();
        }
        return username;
    }

    private String clueId(WebTestClient editor, String claim) {
        return editor.get().uri("/api/rumors/clues?status=NEW").exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody().stream()
                .filter(clue -> claim.equals(clue.get("claim"))).map(clue -> (String) clue.get("id")).findFirst().orElseThrow();
    }

    private static JsonNode claimReview(String page) throws Exception {
        Matcher scripts = JSON_LD.matcher(page);
        ObjectMapper mapper = new ObjectMapper();
        while (scripts.find()) {
            JsonNode document = mapper.readTree(scripts.group(1));
            if ("ClaimReview".equals(document.path("@type").asText())) {
                return document;
            }
        }
        throw new AssertionError("no ClaimReview JSON-LD on the page");
    }

    private int status(String uri) {
        return anonymous.get().uri(uri).exchange().returnResult(byte[].class).getStatus().value();
    }

    private String body(String uri) {
        byte[] body = anonymous.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
