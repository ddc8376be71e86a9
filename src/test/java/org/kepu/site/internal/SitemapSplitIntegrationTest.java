package org.kepu.site.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With two works per sitemap file, the index lists every file and the files hold every public work exactly once. */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.site.sitemap-size=2")
class SitemapSplitIntegrationTest {

    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    @Test
    void theIndexListsAFileForEveryTwoWorksAndEachPublicWorkIsInExactlyOne() {
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        for (int i = 0; i < 5; i++) {
            reviewed.publish(reviewed.article("网站地图分页" + i + "-" + UUID.randomUUID().toString().substring(0, 6)));
        }
        reviewed.article("未发布的草稿不进网站地图");
        List<String> published = database.sql("SELECT id FROM content_work WHERE published_revision IS NOT NULL")
                .map(row -> row.get("id", UUID.class).toString()).all().collectList().block();
        assertThat(published).hasSizeGreaterThanOrEqualTo(5);

        List<String> files = locs(get("/sitemap.xml", 200));
        long expected = (published.size() + 1) / 2;
        assertThat(files).hasSize((int) expected + 1).anySatisfy(file -> assertThat(file).endsWith("/sitemap-pages.xml"));
        List<String> works = new ArrayList<>();
        for (int n = 1; n <= expected; n++) {
            String file = "/sitemap-works-" + n + ".xml";
            assertThat(files).anySatisfy(listed -> assertThat(listed).endsWith(file));
            List<String> inFile = locs(get(file, 200));
            assertThat(inFile).as(file).hasSizeBetween(1, 2);
            works.addAll(inFile);
        }
        assertThat(works).allSatisfy(url -> assertThat(url).contains("/works/"))
                .map(url -> url.substring(url.lastIndexOf('/') + 1))
                .containsExactlyInAnyOrderElementsOf(published);
        get("/sitemap-works-" + (expected + 1) + ".xml", 404);
        get("/sitemap-works-0.xml", 404);
    }

    private String get(String path, int status) {
        byte[] body = anonymous.get().uri(path).exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static List<String> locs(String xml) {
        List<String> found = new ArrayList<>();
        Matcher matcher = LOC.matcher(xml);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
