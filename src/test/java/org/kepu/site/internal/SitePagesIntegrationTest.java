package org.kepu.site.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KepuIntegrationTest
class SitePagesIntegrationTest {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    DatabaseClient database;

    private String page(String uri) {
        byte[] body = anonymous.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void aPublishedWorkAppearsOnHomeTopicSocietyFeedsAndSitemapWithItsOwnPage() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String title = "夏季饮食卫生要点" + UUID.randomUUID().toString().substring(0, 6);
        String work = reviewed.article(title);
        String draftOnly = reviewed.article("尚未审核的草稿" + UUID.randomUUID().toString().substring(0, 6));
        reviewed.publish(work);

        assertThat(page("/")).contains(title).doesNotContain(draftOnly);
        assertThat(page("/topics/health")).contains(title).contains("<h1>健康卫生</h1>");
        assertThat(page("/societies/nutrition")).contains(title);

        String workPage = page("/works/" + work);
        assertThat(workPage)
                .contains("<title>" + title + " - 科普益阳</title>")
                .contains("<link rel=\"canonical\" href=\"http://localhost")
                .contains("\"@type\":\"Article\"").contains("\"@type\":\"BreadcrumbList\"")
                .contains("property=\"og:title\" content=\"" + title + "\"")
                .contains("aria-current=\"page\">" + title + "</span>")
                .contains("剩菜及时冷藏")
                .contains("data-work=\"" + work + "\"");

        assertThat(page("/feed.xml")).contains("<title>" + title + "</title>").contains("/works/" + work);
        assertThat(page("/atom.xml")).contains("<feed").contains("/works/" + work);
        assertThat(page("/topics/health/feed.xml")).contains("/works/" + work);
        assertThat(page("/sitemap.xml")).contains("/sitemap-works-1.xml").contains("/sitemap-pages.xml");
        assertThat(page("/sitemap-works-1.xml")).contains("/works/" + work).doesNotContain(draftOnly);
        assertThat(page("/robots.txt")).contains("Sitemap: http://localhost");

        anonymous.get().uri("/works/" + draftOnly).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
    }

    @Test
    void pagesRevalidateWithTheirEtagAndPublishingShowsOnTheCachedHomePageWithinASecond() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String before = page("/");
        String etag = anonymous.get().uri("/").exchange().expectStatus().isOk().returnResult(byte[].class)
                .getResponseHeaders().getETag();
        assertThat(etag).isNotNull();
        anonymous.get().uri("/").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
        assertThat(page("/")).isEqualTo(before);

        String title = "新发布即可见" + UUID.randomUUID().toString().substring(0, 6);
        String work = reviewed.article(title);
        reviewed.publish(work);
        long published = System.nanoTime();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> page("/").contains(title));
        System.out.printf("Publish to home page: %d ms%n", (System.nanoTime() - published) / 1_000_000);
        anonymous.get().uri("/").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isOk();
    }

    @Test
    void errorsOfPagesAreHtmlInTheSiteStyleAndApiErrorsStayProblemDetails() {
        String missing = new String(anonymous.get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(missing).contains("<title>页面不存在 - 科普益阳</title>").contains("返回首页").contains("class=\"site-header\"");
        anonymous.get().uri("/topics/no-such-topic").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        anonymous.get().uri("/api/works/" + UUID.randomUUID()).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theLanguageSwitchSetsACookieAndEnglishPagesAreCachedApart() {
        anonymous.get().uri("/topics?lang=en").exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/topics")
                .expectCookie().valueEquals(SiteRequest.LANGUAGE_COOKIE, "en");
        String english = new String(anonymous.get().uri("/topics").cookie(SiteRequest.LANGUAGE_COOKIE, "en").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(english).contains("<html lang=\"en\" ").contains("<h1>Topics</h1>");
        assertThat(page("/topics")).contains("<h1>科普主题</h1>");
    }

    @Test
    void viewsAreCountedInRedisFlushedToPostgresqlAndFeedTheMostViewedList() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String title = "浏览量最多的作品" + UUID.randomUUID().toString().substring(0, 6);
        String work = reviewed.article(title);
        reviewed.publish(work);
        String draft = reviewed.article("未公开作品的浏览");
        for (int i = 0; i < 500; i++) {
            beacon(work, "visitor-" + (i % 7) + "xxxx");
        }
        beacon(draft, "visitor-1xxxx");
        beacon("not-a-uuid", null);
        ViewsFlushing.flushNow(context);

        Map<String, Object> row = database.sql("SELECT v.views, d.visitors FROM site_work_views v JOIN site_work_views_daily d USING (work_id) WHERE work_id = :id")
                .bind("id", UUID.fromString(work)).fetch().one().block();
        assertThat(row).containsEntry("views", 500L).containsEntry("visitors", 7L);
        assertThat(database.sql("SELECT count(*) AS n FROM site_work_views WHERE work_id = :id").bind("id", UUID.fromString(draft))
                .fetch().one().block()).containsEntry("n", 0L);
        // The cached home page shows the new ranking once something invalidates it, here a publication.
        reviewed.publish(reviewed.article("另一件作品" + UUID.randomUUID().toString().substring(0, 6)));
        await().atMost(Duration.ofSeconds(5)).until(() -> page("/").contains("热门作品"));
        String home = page("/");
        assertThat(home.substring(home.indexOf("热门作品"))).contains(title);
    }

    @Test
    void editorsPickTheFeaturedWorksOnlyAmongPublicOnes() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String title = "编辑推荐作品" + UUID.randomUUID().toString().substring(0, 6);
        String work = reviewed.article(title);
        String draft = reviewed.article("未公开不能推荐");
        reviewed.as("demo-editor").put().uri("/api/site/featured").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("works", List.of(draft))).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("site-featured-not-public");
        reviewed.publish(work);
        reviewed.as("demo-editor").put().uri("/api/site/featured").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("works", List.of(work))).exchange().expectStatus().isOk();
        String home = page("/");
        int featured = home.indexOf("推荐作品");
        int newest = home.indexOf("最新作品");
        assertThat(home.substring(featured, newest)).contains(title);
        reviewed.as("demo-editor").get().uri("/api/site/featured").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.works[0]").isEqualTo(work);
        reviewed.as("demo-society-member").put().uri("/api/site/featured").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("works", List.of())).exchange().expectStatus().isForbidden();
    }

    @Test
    void aPublishedEventSeriesHasItsPagesWithEventJsonLdAndIsListedByDistrictAndMonth() {
        ReviewedEvents events = new ReviewedEvents(anonymous);
        String title = "流动科技馆进社区" + UUID.randomUUID().toString().substring(0, 6);
        String series = events.series(title, Map.of());
        OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(20).withHour(9).withMinute(0).withSecond(0).withNano(0);
        String occurrence = events.occurrence(series, startsAt, "桃江县", Map.of());
        String draftTitle = "尚未审核的活动" + UUID.randomUUID().toString().substring(0, 6);
        events.occurrence(events.series(draftTitle, Map.of()), startsAt, "桃江县", Map.of());
        events.publish(series);

        String seriesPage = page("/events/" + series);
        assertThat(seriesPage).contains("<h1>" + title + "</h1>").contains("\"@type\":\"Event\"")
                .contains("\"startDate\":\"" + startsAt.toLocalDate() + "T09:00")
                .contains("桃江县科技馆").contains("\"@type\":\"BreadcrumbList\"");
        assertThat(page("/events/" + series + "/" + occurrence)).contains("桃江县科技馆").contains("\"@type\":\"Event\"");
        String month = startsAt.getYear() + "-" + String.format("%02d", startsAt.getMonthValue());
        assertThat(page("/events?district=桃江县")).contains(title).doesNotContain(draftTitle);
        assertThat(page("/events?month=" + month)).contains(title);
        assertThat(page("/events?district=安化县")).doesNotContain(title);
        anonymous.get().uri("/events/{id}", "no-such-series").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
    }

    @Test
    void anArticlesDocumentIsListedAndDownloadsUnderItsChineseNameOnlyWhilePublished() throws Exception {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        byte[] pdf = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("content-samples/articles/confined-space-safety.pdf"));
        String name = "有限空间作业安全（2026 版）.pdf";
        String asset = (String) reviewed.as("demo-society-member").post().uri("/api/media/assets?purpose=DOCUMENT")
                .header("X-File-Name", java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(pdf)
                .exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        String title = "有限空间作业安全须知" + UUID.randomUUID().toString().substring(0, 6);
        String work = reviewed.create("ARTICLE", ReviewedWorks.draft(title, List.of(asset)));
        String download = "/media/" + asset + "/download";
        anonymous.get().uri(download).exchange().expectStatus().isNotFound();

        reviewed.publish(work);

        assertThat(page("/works/" + work)).contains("<h2 id=\"attachments-heading\">附件下载</h2>")
                .contains("<a href=\"" + download + "\" download>" + name + "</a>")
                .contains("<span class=\"file-meta\">PDF 文档，60 KB</span>");
        assertThat(new String(anonymous.get().uri("/works/" + work).cookie("kepu-lang", "en").accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8))
                .contains("<span class=\"file-meta\">PDF document, 60 KB</span>");
        var response = anonymous.get().uri(download).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().contentLength(pdf.length)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"2026.pdf\"; filename*=UTF-8''"
                        + "%E6%9C%89%E9%99%90%E7%A9%BA%E9%97%B4%E4%BD%9C%E4%B8%9A%E5%AE%89%E5%85%A8%EF%BC%882026%20%E7%89%88%EF%BC%89.pdf")
                .expectBody().returnResult();
        assertThat(response.getResponseBody()).isEqualTo(pdf);
        assertThat(org.springframework.http.ContentDisposition.parse(
                response.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).getFilename()).isEqualTo(name);

        reviewed.as("demo-editor").post().uri("/api/works/{id}/unpublish", work).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "附件需要更新")).exchange().expectStatus().isOk();
        anonymous.get().uri(download).exchange().expectStatus().isNotFound();
    }

    private void beacon(String work, String visitor) {
        anonymous.post().uri("/api/views/{id}", work).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(visitor == null ? Map.of() : Map.of("visitor", visitor)).exchange();
    }
}
