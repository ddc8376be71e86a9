package org.kepu.wechat.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event schedules published as WeChat articles against the fake WeChat: cover, draft, freepublish, the result by
 * callback or by polling, lost answers that must not make a second draft, and mass sends within the quota.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeChatPublishingIntegrationTest extends WeChatIntegrationTestBase {

    @Test
    @Order(1)
    void aSeriesBecomesOneArticleAndTheCallbackReportsItPublished() {
        String series = publishedSeries("青少年机器人科普日");
        WECHAT.publishImmediately(false);
        Map<String, Object> created = editor().post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "series", "subject", series)).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        String id = (String) created.get("id");
        // Asking again while it is under way answers the same publication.
        editor().post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "series", "subject", series)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id);

        Map<String, Object> publishing = awaitStatus(id, "PUBLISHING");
        String publishId = (String) publishing.get("publishId");
        JsonNode article = WECHAT.publishing.get(publishId).path("content").path("news_item").get(0);
        assertThat(article.path("title").asString()).isEqualTo("青少年机器人科普日");
        assertThat(article.path("content").asString()).contains("赫山区科技馆").contains("益阳市赫山区人民路 1 号").doesNotContain("<script");
        assertThat(article.path("content_source_url").asString()).startsWith("https://kepu.example.org/events/" + series).contains("wechat=" + id);
        assertThat(article.path("thumb_media_id").asString()).startsWith("MATERIAL_");
        assertThat(articlesCarrying("wechat=" + id)).isEqualTo(1);

        WECHAT.finishPublishing(publishId, 0);
        String event = WeChatWire.event("gh_system", ACCOUNT, "PUBLISHJOBFINISH", System.currentTimeMillis() / 1000,
                "<PublishEventInfo><publish_id>" + publishId + "</publish_id><publish_status>0</publish_status>"
                        + "<article_id><![CDATA[ARTICLE_" + publishId + "]]></article_id><article_detail><count>1</count>"
                        + "<item><idx>1</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/" + publishId + "]]></article_url></item>"
                        + "</article_detail></PublishEventInfo>");
        assertThat(deliverEncrypted(event)).isEqualTo("success");
        Map<String, Object> done = awaitStatus(id, "PUBLISHED");
        assertThat(done.get("articleUrl")).isEqualTo("https://mp.weixin.qq.com/s/" + publishId);
        assertThat(done.get("articleId")).isEqualTo("ARTICLE_" + publishId);
    }

    @Test
    @Order(2)
    void lostAnswersAreRetriedWithoutASecondDraftAndPollingFindsTheResult() {
        String series = publishedSeries("流动科技馆进社区");
        WECHAT.publishImmediately(false);
        WECHAT.loseNextAnswer("/cgi-bin/draft/add");
        WECHAT.revokeTokens(40001);
        String id = publish("series", series);

        Map<String, Object> publishing = awaitStatus(id, "PUBLISHING");
        assertThat(articlesCarrying("wechat=" + id)).as("drafts made for one request").isEqualTo(1);
        // No callback this time: the status job polls freepublish/get.
        WECHAT.finishPublishing((String) publishing.get("publishId"), 0);
        awaitStatus(id, "PUBLISHED");

        String month = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).toLocalDate().toString().substring(0, 7);
        WECHAT.publishImmediately(true);
        WECHAT.loseNextAnswer("/cgi-bin/freepublish/submit");
        String monthly = publish("month", month);
        Map<String, Object> published = awaitStatus(monthly, "PUBLISHED");
        assertThat(published.get("title")).asString().contains("科普活动日程");
        assertThat(articlesCarrying("wechat=" + monthly)).as("articles made for one request").isEqualTo(1);
    }

    @Test
    @Order(3)
    void massSendsStayWithinTheQuotaAndARefusedSendGivesItBack() {
        String series = publishedSeries("科技活动周开幕式");
        WECHAT.publishImmediately(true);
        String id = publish("series", series);
        awaitStatus(id, "PUBLISHED");
        editor().get().uri("/api/wechat/mass-quota").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.accountType").isEqualTo("subscription").jsonPath("$.limit").isEqualTo(1)
                .jsonPath("$.used").isEqualTo(0).jsonPath("$.remaining").isEqualTo(1);

        WECHAT.failNext("/cgi-bin/message/mass/sendall", 45009, "reach max api daily quota limit");
        editor().post().uri("/api/wechat/publications/{id}/mass-send", id).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(massSend(id).get("status")));
        assertThat(massSend(id).get("errorCode")).isEqualTo(45009);
        int sendsBefore = WECHAT.massSends.size();
        editor().get().uri("/api/wechat/mass-quota").exchange().expectBody().jsonPath("$.used").isEqualTo(0);

        editor().post().uri("/api/wechat/publications/{id}/mass-send", id).exchange().expectStatus().isAccepted();
        // Asked again while it runs: the same send, not a second one.
        editor().post().uri("/api/wechat/publications/{id}/mass-send", id).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(massSend(id).get("status")));
        assertThat(WECHAT.massSends).hasSize(sendsBefore + 1);
        JsonNode sent = WECHAT.massSends.get(WECHAT.massSends.size() - 1);
        assertThat(sent.path("filter").path("is_to_all").asBoolean()).isTrue();
        assertThat(sent.path("clientmsgid").asString()).startsWith("kepu-");
        editor().get().uri("/api/wechat/mass-quota").exchange().expectBody().jsonPath("$.used").isEqualTo(1).jsonPath("$.remaining").isEqualTo(0);
        // The console's list shows each publication with its own sends, oldest first.
        editor().get().uri("/api/wechat/publications").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].massSends[*].status").isEqualTo(List.of("FAILED", "SENT"))
                .jsonPath("$[?(@.status == 'PUBLISHED' && @.id != '" + id + "')].massSends[*]").isEmpty();

        String other = publish("series", publishedSeries("全国科普日主场活动"));
        awaitStatus(other, "PUBLISHED");
        editor().post().uri("/api/wechat/publications/{id}/mass-send", other).exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("wechat-mass-quota-used");
    }

    @Test
    @Order(4)
    void requestsThatCannotBePublishedAreRefusedClearly() {
        editor().post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "series", "subject", java.util.UUID.randomUUID().toString())).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("wechat-series-not-found");
        editor().post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "month", "subject", "2026/09")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("wechat-month-invalid");
        editor().post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "month", "subject", "1999-01")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("wechat-schedule-empty");
        editor().post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "column", "subject", "x")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("wechat-kind-invalid");
    }

    @Test
    @Order(5)
    void followersAskingForEventsGetTheUpcomingOnes() {
        // Answers listing events are reused until events change: asked before, they must not hide the new series.
        String before = deliver(WeChatWire.event("o-follower", ACCOUNT, "CLICK", System.currentTimeMillis() / 1000 + 5,
                "<EventKey><![CDATA[EVENTS:health]]></EventKey>"));
        assertThat(before).doesNotContain("健康科普大讲堂");
        // Sooner than the health events other tests publish (a menu reply lists the eight soonest).
        String series = publishedSeries("健康科普大讲堂", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(20).withNano(0));
        String reply = deliver(WeChatWire.text("o-follower", ACCOUNT, "活动", 7_400_000_000L + System.nanoTime() % 100000,
                System.currentTimeMillis() / 1000));
        assertThat(WeChatWire.field(reply, "MsgType")).isEqualTo("news");
        assertThat(WeChatWire.field(reply, "ArticleCount")).isEqualTo("1");
        assertThat(reply).contains("https://kepu.example.org/events");

        String menu = deliver(WeChatWire.event("o-follower", ACCOUNT, "CLICK", System.currentTimeMillis() / 1000 + 7,
                "<EventKey><![CDATA[EVENTS:health]]></EventKey>"));
        assertThat(WeChatWire.field(menu, "MsgType")).isEqualTo("news");
        assertThat(menu).contains("健康科普大讲堂").contains("https://kepu.example.org/events/" + series + "/");
    }

    private String publishedSeries(String title) {
        return publishedSeries(title, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0));
    }

    private String publishedSeries(String title, OffsetDateTime startsAt) {
        ReviewedEvents events = new ReviewedEvents(web);
        String series = events.series(title, Map.of());
        events.occurrence(series, startsAt, "赫山区", Map.of());
        events.publish(series);
        return series;
    }

    private String publish(String kind, String subject) {
        return (String) editor().post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", kind, "subject", subject)).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
    }

    private Map<String, Object> awaitStatus(String id, String status) {
        List<Map<String, Object>> last = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            last.set(0, editor().get().uri("/api/wechat/publications/{id}", id).exchange().expectStatus().isOk()
                    .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody());
            if ("FAILED".equals(last.get(0).get("status")) && !"FAILED".equals(status)) {
                throw new AssertionError("Publication failed: " + last.get(0));
            }
            return status.equals(last.get(0).get("status"));
        });
        return last.get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> massSend(String publication) {
        List<Map<String, Object>> sends = (List<Map<String, Object>>) editor().get().uri("/api/wechat/publications/{id}", publication)
                .exchange().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("massSends");
        return sends.get(sends.size() - 1);
    }

    private long articlesCarrying(String marker) {
        List<JsonNode> all = new ArrayList<>();
        synchronized (WECHAT.drafts) {
            all.addAll(WECHAT.drafts.values());
        }
        WECHAT.publishing.values().forEach(article -> all.add(article.path("content")));
        return all.stream().flatMap(content -> java.util.stream.StreamSupport.stream(content.path("news_item").spliterator(), false))
                .filter(article -> article.path("content_source_url").asString("").contains(marker + "&")
                        || article.path("content_source_url").asString("").endsWith(marker))
                .count();
    }

    private WebTestClient editor() {
        return new ReviewedWorks(web).as("demo-editor");
    }
}
