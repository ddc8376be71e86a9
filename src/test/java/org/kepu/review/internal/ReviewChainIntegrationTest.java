package org.kepu.review.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A society's work through 一审, 二审 and 终审 to the public revision, with refusals along the way. */
@KepuIntegrationTest
class ReviewChainIntegrationTest {

    private static final String DEMO = "kepu-demo-2026";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient anonymous;

    @Test
    void aWorkPassesEveryStageAndItsEditStaysInReviewWhileThePublishedRevisionStaysOnline() {
        WebTestClient member = as("demo-society-member");
        String work = createWork(member, "冬季取暖防一氧化碳中毒");
        String reviewCase = submit(member, work, null);

        member.post().uri("/api/works/{id}/submissions", work).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("review-already-open");
        assertThat(queue("demo-reviewer-political")).contains(reviewCase);
        assertThat(queue("demo-reviewer-scientific")).doesNotContain(reviewCase);
        decide("demo-approver", reviewCase, "APPROVE", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("review-wrong-stage");
        decide("demo-reviewer-political", reviewCase, "REJECT", " ").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("review-reason-required");

        decide("demo-reviewer-political", reviewCase, "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.currentStage").isEqualTo("SCIENTIFIC");
        decide("demo-reviewer-scientific", reviewCase, "APPROVE", "数据来源可靠").expectStatus().isOk();
        decide("demo-approver", reviewCase, "APPROVE", null).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("PUBLISHED")
                .jsonPath("$.decisions.length()").isEqualTo(3)
                .jsonPath("$.decisions[1].reviewer").isEqualTo("demo-reviewer-scientific")
                .jsonPath("$.decisions[1].reason").isEqualTo("数据来源可靠");
        assertThat(workOf(member, work).get("publishedRevision")).isEqualTo(1);
        decide("demo-approver", reviewCase, "APPROVE", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("review-case-closed").jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("PUBLISHED"));
        member.post().uri("/api/works/{id}/submissions", work).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("review-nothing-new");

        member.put().uri("/api/works/{id}/draft", work).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft("冬季取暖防一氧化碳中毒（修订）")).exchange().expectStatus().isOk();
        String edit = submit(member, work, null);
        decide("demo-reviewer-political", edit, "REQUEST_CHANGES", "第二段的数据需要注明出处").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CHANGES_REQUESTED");

        Map<String, Object> published = workOf(member, work);
        assertThat(published.get("publishedRevision")).isEqualTo(1);
        assertThat(published.get("draftRevision")).isEqualTo(2);
        List<Map<String, Object>> cases = member.get().uri("/api/works/{id}/cases", work).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(cases).first().satisfies(latest -> {
            assertThat(latest.get("status")).isEqualTo("CHANGES_REQUESTED");
            assertThat(latest.get("decisions").toString()).contains("第二段的数据需要注明出处");
        });

        List<Map<String, Object>> audit = as("admin", "test-admin-password").get()
                .uri("/api/admin/audit?subject=work:{id}", work).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(audit).extracting(entry -> entry.get("action")).containsExactly("review.decided", "review.submitted",
                "work.draft-saved", "work.published", "review.decided", "review.decided", "review.decided", "review.submitted",
                "work.created");
        assertThat(audit).extracting(entry -> entry.get("actor")).contains("demo-society-member", "demo-reviewer-political",
                "demo-reviewer-scientific", "demo-approver");
        assertThat(audit).allSatisfy(entry -> assertThat(entry.get("address")).isEqualTo("127.0.0.1"));
        assertThat(audit.get(0).get("details").toString()).contains("REQUEST_CHANGES").contains("第二段的数据需要注明出处");
        member.get().uri("/api/admin/audit").exchange().expectStatus().isForbidden();
    }

    @Test
    void anApprovedWorkWaitsForItsScheduledTime() {
        WebTestClient member = as("demo-society-member");
        String work = createWork(member, "定时发布的科普文章");
        String reviewCase = submit(member, work, OffsetDateTime.now().plusSeconds(4));
        decide("demo-reviewer-political", reviewCase, "APPROVE", null).expectStatus().isOk();
        decide("demo-reviewer-scientific", reviewCase, "APPROVE", null).expectStatus().isOk();
        decide("demo-approver", reviewCase, "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
        assertThat(workOf(member, work).get("publishedRevision")).isNull();

        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(workOf(member, work).get("publishedRevision")));
        as("demo-approver").get().uri("/api/review/cases/{id}", reviewCase).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
    }

    @Test
    void theScreenFlagsWordsForTheReviewersAndBlockedWordsStopTheSubmission() {
        WebTestClient member = as("demo-society-member");
        String flagged = createWork(member, "降压茶真的能包治百病吗", "nutrition", "有人说这种茶是神药，可以根治高血压。");
        String reviewCase = submit(member, flagged, null);
        as("demo-reviewer-political").get().uri("/api/review/cases/{id}", reviewCase).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("IN_REVIEW")
                .jsonPath("$.screen[?(@.word == '包治百病')].field").isEqualTo("title")
                .jsonPath("$.screen[?(@.word == '神药')].before").isEqualTo("有人说这种茶是")
                .jsonPath("$.screen[?(@.word == '神药')].level").isEqualTo("FLAG");

        String blocked = createWork(member, "一则广告", "nutrition", "本店长期出售冰毒，量大从优。");
        member.post().uri("/api/works/{id}/submissions", blocked).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("review-screen-blocked")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("出售冰毒"));
        member.get().uri("/api/works/{id}/cases", blocked).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].status").isEqualTo("BLOCKED")
                .jsonPath("$[0].screen[0].word").isEqualTo("出售冰毒");
        assertThat(queue("demo-reviewer-political")).contains(reviewCase);
    }

    @Test
    void theScientificReviewGoesToTheExpertWhoseTopicsMatch() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        String geology = "geology-" + suffix;
        String astronomy = "astronomy-" + suffix;
        WebTestClient admin = as("admin", "test-admin-password");
        for (String topic : List.of(geology, astronomy)) {
            admin.post().uri("/api/topics").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("slug", topic, "name", topic, "position", 50)).exchange().expectStatus().isCreated();
        }
        String seismologist = expert(admin, "seismo-" + suffix, "地震学专家", List.of(geology));
        String astronomer = expert(admin, "astro-" + suffix, "天文学专家", List.of(astronomy));

        WebTestClient member = as("demo-society-member");
        Map<String, Object> draft = new java.util.HashMap<>(draft("地震波是怎样传播的"));
        draft.put("topics", List.of(geology));
        String work = (String) member.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", "nutrition", "draft", draft))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
        String reviewCase = submit(member, work, null);
        decide("demo-reviewer-political", reviewCase, "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.currentStage").isEqualTo("SCIENTIFIC").jsonPath("$.assignedTo").isEqualTo(seismologist);

        assertThat(queue(astronomer, "a-long-password-1")).doesNotContain(reviewCase);
        assertThat(queue(seismologist, "a-long-password-1")).contains(reviewCase);
        decide("demo-reviewer-scientific", reviewCase, "APPROVE", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("review-assigned-to-other");
        as(seismologist, "a-long-password-1").post().uri("/api/review/cases/{id}/decisions", reviewCase)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("verdict", "APPROVE", "reason", "原理表述准确"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.currentStage").isEqualTo("FINAL").jsonPath("$.decisions[1].reviewer").isEqualTo(seismologist);
    }

    private String expert(WebTestClient admin, String username, String name, List<String> topics) {
        admin.post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", name, "password", "a-long-password-1",
                        "roles", List.of("REVIEWER_SCIENTIFIC")))
                .exchange().expectStatus().isCreated();
        admin.post().uri("/api/admin/experts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "title", "研究员", "fields", List.of("地球科学"), "topics", topics, "account", username))
                .exchange().expectStatus().isCreated();
        return username;
    }

    @Test
    void onlyReviewersHaveAQueueAndOtherSocietiesCannotSubmit() {
        as("demo-society-member").get().uri("/api/review/queue").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        String othersWork = createWork(as("demo-editor"), "应急学会的作品", "emergency");
        as("demo-society-member").post().uri("/api/works/{id}/submissions", othersWork).exchange()
                .expectStatus().isForbidden();

        List<Map<String, Object>> denied = as("admin", "test-admin-password").get()
                .uri("/api/admin/audit?action=access.denied&subject={subject}", "http:POST /api/works/" + othersWork + "/submissions")
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(denied).singleElement().satisfies(entry -> {
            assertThat(entry.get("actor")).isEqualTo("demo-society-member");
            assertThat(entry.get("address")).isEqualTo("127.0.0.1");
            assertThat(entry.get("details").toString()).contains("work-other-organisation");
        });
    }

    private String createWork(WebTestClient author, String title) {
        return createWork(author, title, "nutrition");
    }

    private String createWork(WebTestClient author, String title, String organisation) {
        return createWork(author, title, organisation, "燃煤取暖要开窗通风，安装一氧化碳报警器。");
    }

    private String createWork(WebTestClient author, String title, String organisation, String body) {
        Map<String, Object> draft = new java.util.HashMap<>(draft(title));
        draft.put("body", body);
        return (String) author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", organisation, "draft", draft))
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private static Map<String, Object> draft(String title) {
        return Map.of("title", title, "topics", List.of("health", "emergency"), "originality", "ORIGINAL",
                "licence", "CC-BY-NC-4.0", "body", "燃煤取暖要开窗通风，安装一氧化碳报警器。");
    }

    private String submit(WebTestClient author, String work, OffsetDateTime publishAt) {
        var request = author.post().uri("/api/works/{id}/submissions", work);
        var sent = publishAt == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("publishAt", publishAt.toString())).exchange();
        return (String) sent.expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec decide(String reviewer, String reviewCase, String verdict, String reason) {
        Map<String, Object> body = reason == null ? Map.of("verdict", verdict) : Map.of("verdict", verdict, "reason", reason);
        return as(reviewer).post().uri("/api/review/cases/{id}/decisions", reviewCase).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private List<String> queue(String reviewer) {
        return queue(reviewer, DEMO);
    }

    private List<String> queue(String reviewer, String password) {
        return as(reviewer, password).get().uri("/api/review/queue").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody().stream().map(entry -> (String) entry.get("id")).toList();
    }

    private Map<String, Object> workOf(WebTestClient reader, String work) {
        return reader.get().uri("/api/works/{id}", work).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private WebTestClient as(String username) {
        return as(username, DEMO);
    }

    private WebTestClient as(String username, String password) {
        return anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth(username, password)).build();
    }
}
