package org.kepu.wechat.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.kepu.testing.Ical4jCalendar;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events feature from an editor's draft to a follower's phone, through public APIs only: a series with three
 * occurrences passes 一审 and 终审, is on the site and in the iCalendar feed, a full occurrence's waiting line moves up
 * when a confirmed citizen cancels by their link, the schedule goes to the (fake) WeChat as draft and freepublish, and
 * a follower asking for 科普日 gets it, in plain and in safe mode.
 */
class EventsEndToEndIntegrationTest extends WeChatIntegrationTestBase {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final String TITLE = "2026 全国科普日";

    @Test
    void aSeriesGoesFromTheEditorThroughReviewToTheSiteCalendarsRegistrantsAndWeChat() throws Exception {
        ReviewedEvents events = new ReviewedEvents(web);
        OffsetDateTime day = OffsetDateTime.now(BEIJING).plusDays(1).withSecond(0).withNano(0);
        OffsetDateTime opening = day.withHour(9).withMinute(30);
        OffsetDateTime workshop = day.plusDays(1).withHour(14).withMinute(0);
        OffsetDateTime evening = day.plusDays(2).withHour(19).withMinute(0);

        // The editor's draft: three occurrences, the workshop takes one registration.
        String series = events.series(TITLE, Map.of("summary", "全国科普日益阳分会场：开幕式、亲子实验工作坊和科学之夜。"));
        String first = events.occurrence(series, opening, "赫山区", Map.of());
        String full = events.occurrence(series, workshop, "资阳区",
                events.registration(OffsetDateTime.now(BEIJING).minusDays(1), workshop.minusHours(1), 1));
        String last = events.occurrence(series, evening, "沅江市", Map.of());
        web.get().uri("/events/{series}", series).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();

        // 一审 by the political reviewer, 终审 by the approver, each stage signed by its own account.
        events.publish(series);
        Map<String, Object> reviewed = events.as("demo-editor").get().uri("/api/events/series/{id}", series).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(decisions(reviewed)).containsExactly("POLITICAL APPROVE demo-reviewer-political", "FINAL APPROVE demo-approver");

        // The public site.
        String page = web.get().uri("/events/{series}", series).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains(TITLE).contains("赫山区科技馆").contains("资阳区科技馆").contains("沅江市科技馆");

        // The iCalendar feed, read by ical4j: three entries at the right Beijing times.
        String feed = web.get().uri("/api/events/public/calendar.ics").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Ical4jCalendar calendar = Ical4jCalendar.parse(feed);
        for (Map.Entry<String, OffsetDateTime> occurrence : Map.of(first, opening, full, workshop, last, evening).entrySet()) {
            Ical4jCalendar.Event entry = calendar.event("occurrence-" + occurrence.getKey() + "@events.kepu");
            assertThat(entry.summary()).contains(TITLE);
            assertThat(entry.start()).isEqualTo(occurrence.getValue().toInstant());
            assertThat(entry.end()).isEqualTo(occurrence.getValue().plusHours(2).toInstant());
            assertThat(entry.startZone()).isEqualTo("Asia/Shanghai");
            assertThat(feed).contains("DTSTART;TZID=Asia/Shanghai:" + occurrence.getValue().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        }

        // A full occurrence: the second citizen waits, the first cancels by their link, the second is promoted.
        Map<String, Object> confirmed = register(full, "刘一", "13607370101");
        assertThat(confirmed).containsEntry("status", "CONFIRMED");
        Map<String, Object> waiting = register(full, "陈二", "13607370102");
        assertThat(waiting).containsEntry("status", "WAITING").containsEntry("position", 1);
        web.delete().uri("/api/events/public/registrations/{token}", confirmed.get("token")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        Map<String, Object> promoted = web.get().uri("/api/events/public/registrations/{token}", waiting.get("token"))
                .header("Accept-Language", "zh-CN").exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        assertThat(promoted).containsEntry("status", "CONFIRMED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notices = (List<Map<String, Object>>) promoted.get("notices");
        Map<String, Object> notice = notices.get(notices.size() - 1);
        assertThat(notice).containsEntry("kind", "PROMOTED");
        assertThat(notice.get("text").toString()).contains(TITLE)
                .contains(workshop.getYear() + "年" + workshop.getMonthValue() + "月" + workshop.getDayOfMonth() + "日")
                .contains("14:00–16:00").contains("资阳区科技馆").contains((String) promoted.get("checkInCode"));

        // The schedule as a WeChat article: draft/add, then freepublish/submit, then PUBLISHED.
        WECHAT.publishImmediately(true);
        int callsBefore = WECHAT.calls.size();
        String publication = (String) events.as("demo-editor").post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "series", "subject", series)).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        Map<String, Object> published = awaitPublished(events.as("demo-editor"), publication);
        List<String> calls;
        synchronized (WECHAT.calls) {
            calls = new ArrayList<>(WECHAT.calls.subList(callsBefore, WECHAT.calls.size()));
        }
        assertThat(calls).containsSubsequence("POST /cgi-bin/material/add_material", "POST /cgi-bin/draft/add",
                "POST /cgi-bin/freepublish/submit");
        JsonNode article = WECHAT.publishing.get((String) published.get("publishId")).path("content").path("news_item").get(0);
        assertThat(article.path("title").asString()).isEqualTo(TITLE);
        assertThat(article.path("content").asString()).contains("赫山区科技馆").contains("资阳区科技馆").contains("沅江市科技馆");
        assertThat(article.path("content_source_url").asString()).startsWith("https://kepu.example.org/events/" + series);
        assertThat(published.get("articleUrl")).isEqualTo("https://mp.weixin.qq.com/s/" + published.get("publishId"));

        // A follower asks for 科普日: plain mode, then safe mode (another message).
        String listLink = "https://kepu.example.org/events?q=" + URLEncoder.encode("科普日", StandardCharsets.UTF_8);
        long msgId = 7_500_000_000L + System.nanoTime() % 1_000_000;
        for (String reply : List.of(deliver(WeChatWire.text("o-follower", ACCOUNT, "科普日", msgId, now())),
                deliverEncrypted(WeChatWire.text("o-follower", ACCOUNT, "科普日", msgId + 1, now())))) {
            assertThat(WeChatWire.field(reply, "MsgType")).isEqualTo("news");
            assertThat(WeChatWire.field(reply, "ToUserName")).isEqualTo("o-follower");
            assertThat(WeChatWire.field(reply, "ArticleCount")).isEqualTo("1");
            assertThat(WeChatWire.field(reply, "Description")).contains(TITLE);
            assertThat(WeChatWire.field(reply, "Url")).isEqualTo(listLink);
        }
    }

    private Map<String, Object> register(String occurrence, String name, String phone) {
        return web.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "phone", phone)).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> decisions(Map<String, Object> series) {
        return ((List<Map<String, Object>>) series.get("decisions")).stream()
                .map(decision -> decision.get("stage") + " " + decision.get("verdict") + " " + decision.get("decidedBy")).toList();
    }

    private static Map<String, Object> awaitPublished(WebTestClient editor, String publication) {
        List<Map<String, Object>> last = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            last.set(0, editor.get().uri("/api/wechat/publications/{id}", publication).exchange().expectStatus().isOk()
                    .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody());
            assertThat(last.get(0).get("status")).isNotEqualTo("FAILED");
            return "PUBLISHED".equals(last.get(0).get("status"));
        });
        return last.get(0);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
