package org.kepu.notification.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Submitters and the reviewers whose turn it is find the review chain's notices in their inboxes. */
@KepuIntegrationTest
class InboxIntegrationTest {

    private static final String DEMO = "kepu-demo-2026";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient anonymous;

    @Test
    void eachStageTellsTheNextReviewersAndTheSubmitterHearsTheOutcome() {
        WebTestClient member = as("demo-society-member");
        String work = createWork(member, "农村秸秆还田的好处");
        String subject = "work:" + work;
        String reviewCase = submit(member, work, null);

        assertThat(notices("demo-reviewer-political", subject)).singleElement().satisfies(notice -> {
            assertThat(notice.get("kind")).isEqualTo("review-awaiting");
            assertThat(notice.get("text")).isEqualTo("《农村秸秆还田的好处》已进入一审（政治性审核），等待您审核。");
            assertThat(notice.get("link")).isEqualTo("/console/review/cases/" + reviewCase);
            assertThat(notice.get("read")).isEqualTo(false);
        });
        assertThat(notices("demo-reviewer-scientific", subject)).isEmpty();
        assertThat(as("demo-reviewer-political").get().uri("/api/inbox").header("Accept-Language", "en").exchange()
                .expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody())
                .filteredOn(notice -> subject.equals(notice.get("subject"))).singleElement()
                .satisfies(notice -> assertThat(notice.get("text"))
                        .isEqualTo("\"农村秸秆还田的好处\" has reached political review (first stage) and waits for your review."));

        decide("demo-reviewer-political", reviewCase, "APPROVE", null);
        assertThat(notices("demo-reviewer-scientific", subject)).singleElement()
                .satisfies(notice -> assertThat((String) notice.get("text")).contains("二审（科学性审核）"));
        decide("demo-reviewer-scientific", reviewCase, "REJECT", "秸秆焚烧的数据已过时，请更新到最新年份");

        assertThat(notices("demo-society-member", subject)).singleElement().satisfies(notice -> {
            assertThat(notice.get("kind")).isEqualTo("review-rejected");
            assertThat(notice.get("text"))
                    .isEqualTo("《农村秸秆还田的好处》在二审（科学性审核）未获通过，原因：秸秆焚烧的数据已过时，请更新到最新年份");
            assertThat(notice.get("link")).isEqualTo("/console/works/" + work);
        });
        assertThat(notices("demo-society-admin", subject)).as("only the submitter is told").isEmpty();
    }

    @Test
    void aScheduledApprovalTellsTheTimeInBeijing() {
        WebTestClient member = as("demo-society-member");
        String work = createWork(member, "乡村振兴：智慧农业");
        OffsetDateTime publishAt = OffsetDateTime.now().plusDays(3);
        String reviewCase = submit(member, work, publishAt);
        decide("demo-reviewer-political", reviewCase, "APPROVE", null);
        decide("demo-reviewer-scientific", reviewCase, "APPROVE", null);
        decide("demo-approver", reviewCase, "APPROVE", null);
        String beijing = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(publishAt.atZoneSameInstant(ZoneId.of("Asia/Shanghai")));
        assertThat(notices("demo-society-member", "work:" + work)).singleElement()
                .satisfies(notice -> assertThat(notice.get("text"))
                        .isEqualTo("《乡村振兴：智慧农业》已通过全部审核，将于 " + beijing + "（北京时间）发布。"));
    }

    @Test
    void noticesAreMarkedReadOnlyByTheirOwnRecipient() {
        WebTestClient member = as("demo-society-member");
        String work = createWork(member, "冬季大棚防冻");
        submit(member, work, null);
        WebTestClient political = as("demo-reviewer-political");
        Number id = (Number) notices("demo-reviewer-political", "work:" + work).get(0).get("id");
        long unreadBefore = unread(political);
        assertThat(unreadBefore).isPositive();

        member.post().uri("/api/inbox/{id}/read", id).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("inbox-notice-not-found");
        political.post().uri("/api/inbox/{id}/read", id).exchange().expectStatus().isNoContent();
        political.post().uri("/api/inbox/{id}/read", id).exchange().expectStatus().isNoContent();
        assertThat(unread(political)).isEqualTo(unreadBefore - 1);
        assertThat(political.get().uri("/api/inbox?unread=true&size=100").exchange().expectStatus().isOk()
                .expectBody(JSON_LIST).returnResult().getResponseBody())
                .extracting(notice -> notice.get("id")).doesNotContain(id);

        political.post().uri("/api/inbox/read-all").exchange().expectStatus().isOk();
        assertThat(unread(political)).isZero();
        political.get().uri("/api/inbox?size=0").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("inbox-page-size");
        anonymous.get().uri("/api/inbox").exchange().expectStatus().isUnauthorized();
    }

    private List<Map<String, Object>> notices(String account, String subject) {
        return as(account).get().uri("/api/inbox?size=100").exchange().expectStatus().isOk()
                .expectBody(JSON_LIST).returnResult().getResponseBody()
                .stream().filter(notice -> subject.equals(notice.get("subject"))).toList();
    }

    private long unread(WebTestClient client) {
        return ((Number) client.get().uri("/api/inbox/unread-count").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("unread")).longValue();
    }

    private String createWork(WebTestClient author, String title) {
        Map<String, Object> draft = Map.of("title", title, "topics", List.of("rural"), "originality", "ORIGINAL",
                "licence", "CC-BY-NC-4.0", "body", "秸秆还田可以增加土壤有机质。");
        return (String) author.post().uri("/api/works").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", "nutrition", "draft", draft))
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private String submit(WebTestClient author, String work, OffsetDateTime publishAt) {
        var request = author.post().uri("/api/works/{id}/submissions", work);
        var sent = publishAt == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("publishAt", publishAt.toString())).exchange();
        return (String) sent.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private void decide(String reviewer, String reviewCase, String verdict, String reason) {
        Map<String, Object> body = reason == null ? Map.of("verdict", verdict) : Map.of("verdict", verdict, "reason", reason);
        as(reviewer).post().uri("/api/review/cases/{id}/decisions", reviewCase).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    private WebTestClient as(String username) {
        return anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth(username, DEMO)).build();
    }
}
