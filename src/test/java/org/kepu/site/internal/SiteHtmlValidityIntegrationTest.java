package org.kepu.site.internal;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages as served are valid HTML by the Nu HTML Checker (what validator.w3.org/nu runs): the home page,
 * a video page with its player (MP4 source, caption tracks), an audio page, an article with a download, a topic,
 * search results with highlights and facets, the events calendar as a list and as a month grid (with filters),
 * and the not-found page. Warnings are printed, errors fail.
 */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.media.processing.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteHtmlValidityIntegrationTest {

    @Autowired
    WebTestClient anonymous;
    @LocalServerPort
    int port;

    private final HtmlChecker checker = new HtmlChecker();
    private PublishedMediaWorks works;
    private final YearMonth eventMonth = YearMonth.now(ZoneOffset.ofHours(8)).plusMonths(1);

    @BeforeAll
    void publishMediaWorksAndAnEvent() {
        works = PublishedMediaWorks.in(anonymous, port);
        ReviewedEvents events = new ReviewedEvents(anonymous);
        String series = events.series("月历校验活动", Map.of());
        events.occurrence(series, eventMonth.atDay(15).atTime(10, 0).atOffset(ZoneOffset.ofHours(8)), "赫山区", Map.of());
        String cancelled = events.occurrence(series, eventMonth.atDay(15).atTime(15, 0).atOffset(ZoneOffset.ofHours(8)), "资阳区", Map.of());
        events.publish(series);
        events.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", cancelled).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", "因故取消。")).exchange().expectStatus().isOk();
        await("search index").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> new String(page("/search?q=" + PublishedMediaWorks.SEARCH_TERM, 200), java.nio.charset.StandardCharsets.UTF_8).contains("<em>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "video", "audio", "article", "/topics/emergency", "/search?q=" + PublishedMediaWorks.SEARCH_TERM,
            "/search?q=" + PublishedMediaWorks.SEARCH_TERM + "&kind=video", "/search?q=没有这样的作品xyz", "/events", "/events?view=month", "month-grid", "month-list",
            "/events?district=安化县&audience=elderly&q=无此活动", "/topics",
            "/no-such-page", "/rumors", "/rumors/overnight-vegetables-cancer", "/rumors/columns/food-safety-rumors", "/rumors/lists/2026-10",
            "/rumors/report", "/search?q=隔夜菜会致癌吗"})
    void pagesAreValidHtml(String which) {
        if (which.startsWith("/rumors") || which.contains("隔夜菜")) {
            // The sample rumor library is published by a job after the start.
            await("the sample rumor library").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> anonymous.get().uri("/rumors/lists/2026-10").exchange().returnResult(byte[].class).getStatus().value() == 200);
        }
        String uri = switch (which) {
            case "video" -> works.videoPath();
            case "audio" -> works.audioPath();
            case "month-grid" -> "/events?month=" + eventMonth;
            case "month-list" -> "/events?month=" + eventMonth + "&view=list";
            case "article" -> works.articlePath();
            default -> which;
        };
        byte[] html = page(uri, uri.equals("/no-such-page") ? 404 : 200);
        if (which.equals("video")) {
            assertThat(new String(html, java.nio.charset.StandardCharsets.UTF_8)).contains("<video").contains("data-hls=")
                    .contains("type=\"video/mp4\"").contains("<track kind=\"captions\"");
        }
        if (which.contains("隔夜菜")) {
            assertThat(new String(html, java.nio.charset.StandardCharsets.UTF_8)).as("the rumor card").contains("class=\"rumor-card\"");
        }
        if (which.startsWith("month-")) {
            assertThat(new String(html, java.nio.charset.StandardCharsets.UTF_8)).contains("月历校验活动").contains("已取消");
        }
        if (which.equals("article")) {
            assertThat(new String(html, java.nio.charset.StandardCharsets.UTF_8)).contains("class=\"attachments\"")
                    .contains(works.attachmentName());
        }
        if (which.equals("audio")) {
            assertThat(new String(html, java.nio.charset.StandardCharsets.UTF_8)).contains("<audio").contains("data-waveform=");
        }

        List<HtmlChecker.Message> messages = checker.check(html);
        messages.stream().filter(message -> !message.error()).forEach(message -> System.out.println(uri + ": " + message));
        assertThat(messages.stream().filter(HtmlChecker.Message::error).toList()).as("HTML errors on " + uri).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theCheckerFindsErrors() {
        List<HtmlChecker.Message> messages = checker.check("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head>
                <body><p>段落<div>块</p><button aria-pressed="maybe">按钮</button></body></html>""".getBytes());
        assertThat(messages.stream().filter(HtmlChecker.Message::error).map(HtmlChecker.Message::message))
                .anySatisfy(message -> assertThat(message).contains("“p” end tag"))
                .anySatisfy(message -> assertThat(message).contains("aria-pressed"));
    }

    private byte[] page(String uri, int status) {
        return anonymous.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
    }
}
