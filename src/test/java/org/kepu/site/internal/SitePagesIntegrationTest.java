package org.kepu.site.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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

        // The pages above are cached for minutes; an announced change clears them on commit.
        String announcement = "因天气原因取消" + UUID.randomUUID().toString().substring(0, 4);
        events.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", announcement)).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(5)).until(() -> page("/events/" + series).contains(announcement)
                && page("/events?district=桃江县").contains(announcement));
    }

    @Test
    void processingOfAnAssetThatIsPublicClearsEveryCachedPageAndOfAnyOtherAssetNot() throws Exception {
        PageCache pageCache = context.getBean(PageCache.class);
        org.kepu.media.PublicMedia publicMedia = context.getBean(org.kepu.media.PublicMedia.class);
        WebTestClient member = new ReviewedWorks(anonymous).as("demo-society-member");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        List<org.kepu.media.MediaAssetId> assets = java.util.stream.Stream.of(1, 2).map(i -> (String) member.post()
                        .uri("/api/media/assets?purpose=IMAGE").header("X-File-Name", "poster-" + i + ".png")
                        .contentType(MediaType.IMAGE_PNG).bodyValue(png.toByteArray()).exchange().expectStatus().isCreated()
                        .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id"))
                .map(id -> new org.kepu.media.MediaAssetId(UUID.fromString(id))).toList();
        publicMedia.release(UUID.randomUUID(), List.of(assets.get(0))).block();

        long before = pageCache.generation();
        // An asset no published work uses changes no page.
        context.publishEvent(new org.kepu.media.MediaAssetProcessed(assets.get(1), org.kepu.media.MediaPurpose.IMAGE));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> pageCache.generation() == before);
        context.publishEvent(new org.kepu.media.MediaAssetProcessed(assets.get(0), org.kepu.media.MediaPurpose.IMAGE));
        await().atMost(Duration.ofSeconds(5)).until(() -> pageCache.generation() > before);
    }

    @Test
    void eventPagesOfferCalendarSubscriptionsAndAnIcsFilePerOccurrenceThatCalendarsCanRead() {
        ReviewedEvents events = new ReviewedEvents(anonymous);
        String title = "科普大篷车进校园" + UUID.randomUUID().toString().substring(0, 6);
        String series = events.series(title, Map.of("topics", List.of("health")));
        OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(15).withHour(10).withMinute(0).withSecond(0).withNano(0);
        String occurrence = events.occurrence(series, startsAt, "赫山区", Map.of());
        events.publish(series);

        String seriesPage = page("/events/" + series);
        assertThat(seriesPage).contains("订阅日历")
                .containsPattern("href=\"webcal://localhost:\\d+/api/events/public/series/" + series + "/calendar.ics\">订阅本系列活动</a>")
                .containsPattern("href=\"webcal://localhost:\\d+/api/events/public/calendar.ics\">订阅全部科普活动</a>")
                .contains("href=\"/api/events/public/occurrences/" + occurrence + "/calendar.ics\"");
        String ics = anonymous.get().uri("/api/events/public/occurrences/{id}/calendar.ics", occurrence).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ics).contains("BEGIN:VEVENT").contains("赫山区科技馆");
        anonymous.get().uri("/api/events/public/series/{id}/calendar.ics", series).exchange().expectStatus().isOk()
                .expectBody(String.class).value(feed -> assertThat(feed).contains("BEGIN:VEVENT"));
        assertThat(page("/events?topic=health"))
                .containsPattern("href=\"webcal://localhost:\\d+/api/events/public/topics/health/calendar.ics\">订阅“健康卫生”主题活动</a>")
                .containsPattern("href=\"/api/events/public/topics/health/calendar.ics\"\\s+download=\"kepu-events-health.ics\"");
        assertThat(page("/events")).doesNotContain("/api/events/public/topics/");

        // A cancelled occurrence is not offered for a calendar any more (the feeds carry the cancellation).
        events.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", "场地维修，本场取消")).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(5)).until(() -> !page("/events/" + series).contains("/api/events/public/occurrences/" + occurrence));
    }

    @Test
    void theEventsCalendarFiltersByTopicDistrictAudienceAndWordsWithAnEmptyStateForFiltersThatFindNothing() {
        ReviewedEvents events = new ReviewedEvents(anonymous);
        String word = "筛选" + UUID.randomUUID().toString().substring(0, 6);
        String title = "双碳青少年实验课" + word;
        String series = events.series(title, Map.of("topics", List.of("carbon"), "audience", "youth"));
        OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(12).withHour(14).withMinute(0).withSecond(0).withNano(0);
        events.occurrence(series, startsAt, "资阳区", Map.of());
        events.publish(series);

        String byTopic = page("/events?topic=carbon");
        assertThat(byTopic).contains(title).contains("<option value=\"carbon\" selected=\"selected\">双碳</option>")
                .contains("<label for=\"events-topic\">主题</label>").contains("<label for=\"events-district\">区县市</label>")
                .contains("<label for=\"events-audience\">适合人群</label>").contains("<label for=\"events-q\">关键词</label>")
                .contains("<option value=\"资阳区\">资阳区</option>")
                .contains("<option value=\"youth\">青少年</option>").contains("<option value=\"elderly\">老年人</option>")
                .contains("<option value=\"all\">所有人</option>")
                .contains("<link rel=\"canonical\" href=\"http://localhost").contains("/events?topic=carbon\">");
        assertThat(page("/events?topic=health&q=" + word)).doesNotContain("/events/" + series).contains("没有符合筛选条件的活动")
                .contains("健康卫生").contains(word);
        assertThat(page("/events?district=资阳区&q=" + word)).contains(title);
        assertThat(page("/events?district=安化县&q=" + word)).doesNotContain("/events/" + series).contains("区县市</span>：<span>安化县");
        assertThat(page("/events?audience=youth&q=" + word)).contains(title);
        assertThat(page("/events?audience=elderly&q=" + word)).doesNotContain("/events/" + series).contains("老年人");
        assertThat(page("/events?audience=all&q=" + word)).doesNotContain("/events/" + series);
        assertThat(page("/events?q=" + word)).contains(title).contains("name=\"robots\" content=\"noindex\"");
        assertThat(page("/events?q=没有这样的活动" + word)).doesNotContain("/events/" + series).contains("没有符合筛选条件的活动")
                .contains("清除筛选");
        // Unusable values are ignored rather than refused: the page is the unfiltered one.
        assertThat(page("/events?audience=martians&topic=NOT A SLUG&month=1999-13")).contains("<h1>科普活动</h1>");
    }

    @Test
    void theMonthGridShowsEachOccurrenceOnItsDayInShanghaiTimeWithNeighbouringMonthsAndToday() {
        ReviewedEvents events = new ReviewedEvents(anonymous);
        String title = "月历定位测试" + UUID.randomUUID().toString().substring(0, 6);
        String series = events.series(title, Map.of());
        YearMonth month = YearMonth.now(ZoneOffset.ofHours(8)).plusMonths(2);
        // 00:30 on the 10th in Shanghai is still the 9th in UTC; 07:30 on the 20th in Shanghai is 23:30 on the 19th in UTC.
        OffsetDateTime afterMidnight = month.atDay(10).atTime(0, 30).atOffset(ZoneOffset.ofHours(8)).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime morning = month.atDay(20).atTime(7, 30).atOffset(ZoneOffset.ofHours(8)).withOffsetSameInstant(ZoneOffset.UTC);
        assertThat(afterMidnight.getDayOfMonth()).isEqualTo(9);
        assertThat(morning.getDayOfMonth()).isEqualTo(19);
        String first = events.occurrence(series, afterMidnight, "赫山区", Map.of("title", title + "夜场"));
        String second = events.occurrence(series, morning, "赫山区", Map.of("title", title + "早场"));
        events.publish(series);
        events.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", second).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", "因故取消。")).exchange().expectStatus().isOk();

        // The address the WeChat schedule article links to shows the month as a grid.
        String grid = page("/events?month=" + month);
        assertThat(grid).contains("<table class=\"month-grid\">").contains("<th scope=\"col\">周一</th>")
                .contains("<th scope=\"col\">周日</th>").contains("<h1>" + month.getYear() + "年" + month.getMonthValue() + "月科普活动</h1>")
                .contains("href=\"/events?month=" + month.minusMonths(1) + "\" rel=\"prev\"")
                .contains("href=\"/events?month=" + month.plusMonths(1) + "\" rel=\"next\"")
                .contains("href=\"/events?month=" + month + "&amp;view=list\"");
        assertThat(grid.indexOf("<th scope=\"col\">周一</th>")).isLessThan(grid.indexOf("<th scope=\"col\">周日</th>"));
        assertThat(day(grid, month.atDay(10))).contains(title + "夜场").contains(">00:30</time>").doesNotContain(title + "早场");
        assertThat(day(grid, month.atDay(9))).doesNotContain(title);
        assertThat(day(grid, month.atDay(20))).contains(title + "早场").contains(">07:30</time>").contains("已取消");
        assertThat(day(grid, month.atDay(19))).doesNotContain(title);
        assertThat(grid).contains("/events/" + series + "/" + first);
        int weeks = grid.split("<tr>", -1).length - 2;
        assertThat(weeks).as("weeks in the grid").isBetween(4, 6);

        String list = page("/events?month=" + month + "&view=list");
        assertThat(list).doesNotContain("month-grid").contains(title + "夜场").contains(title + "早场").contains("已取消");

        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        String thisMonth = page("/events?view=month");
        assertThat(thisMonth).contains("<link rel=\"canonical\" href=\"http://localhost").contains("/events?month=" + YearMonth.from(today) + "\">");
        assertThat(day(thisMonth, today)).contains("今天");
        assertThat(thisMonth).containsOnlyOnce("aria-current=\"date\"");
        assertThat(page("/events?month=" + month + "&district=安化县")).contains("<table class=\"month-grid\">")
                .contains("没有符合筛选条件的活动").doesNotContain(title);
    }

    @Test
    void searchResultsForTheSitesOwnTermsMayBeIndexedUnderOneAddressAndAnyOtherTextMayNot() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String tag = "Kepu营养" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> draft = ReviewedWorks.draft("膳食指南解读" + tag, List.of());
        draft.put("tags", List.of(tag));
        String work = reviewed.create("ARTICLE", draft);
        reviewed.publish(work);
        await("indexed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> searchPage(tag).contains("/works/" + work));

        String canonical = "/search?q=" + java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8) + "\">";
        // A tag of a public work, as written or in other letter case and with full-width spaces around it: one address.
        for (String query : List.of(tag, tag.toUpperCase(java.util.Locale.ROOT), "\u3000" + tag + " ")) {
            String results = searchPage(query);
            assertThat(results).as(query).contains("/works/" + work).doesNotContain("name=\"robots\"")
                    .contains("<link rel=\"canonical\" href=\"http://localhost").contains(canonical);
        }
        assertThat(searchPage(tag + "&kind=article&sort=newest")).doesNotContain("name=\"robots\"").contains(canonical);
        // Any other text: the page answers but stays out of search engines.
        String other = searchPage(tag + " 免费领取");
        assertThat(other).contains("<meta name=\"robots\" content=\"noindex\">");
        assertThat(searchPage("没有这样的词" + tag)).contains("<meta name=\"robots\" content=\"noindex\">");
        // A topic of the directory is a term too (its name or slug); with no result it is not a page worth indexing.
        String topicSlug = searchPage("ＨＥＡＬＴＨ");
        assertThat(topicSlug).satisfiesAnyOf(
                html -> assertThat(html).contains("/search?q=health\">").doesNotContain("name=\"robots\""),
                html -> assertThat(html).contains("<meta name=\"robots\" content=\"noindex\">").contains("class=\"empty"));
        assertThat(page("/robots.txt")).doesNotContain("Disallow: /search").contains("Disallow: /api/");
    }

    /** A search page; a 503 (the search server too slow on a loaded machine) is asked again. */
    private String searchPage(String query) {
        return await(query).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> page("/search?q=" + query), html -> true);
    }

    /** The grid cell of {@code date}: from its day's {@code <time>} to the next day's. */
    private static String day(String grid, LocalDate date) {
        int start = grid.indexOf("<time datetime=\"" + date + "\">");
        assertThat(start).as("the cell of " + date).isPositive();
        int end = grid.indexOf("<time datetime=\"" + date.plusDays(1) + "\">", start);
        return grid.substring(start, end < 0 ? grid.indexOf("</table>", start) : end);
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
