package org.kepu.site.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kepu.KepuApplication;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.kepu.content.WorkId;
import org.kepu.content.Works;
import org.kepu.platform.internal.servers.ServerAddresses;
import org.kepu.testing.SwitchableTcpProxy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is a cache and a counter for the site, never a dependency of a page: with Redis unreachable (behind a
 * proxy that refuses and cuts connections) pages that were never cached still render and view beacons still
 * answer. The installation under test has its own PostgreSQL and S3, the test JVM's Elasticsearch node (own
 * alias) and the shared Redis through the proxy.
 */
@KepuIntegrationTest
class SiteWithoutRedisIntegrationTest {

    @Autowired
    ServerAddresses shared;

    @TempDir
    Path dataDir;

    @Test
    void pagesRenderAndBeaconsAnswerWhileRedisIsDown() throws Exception {
        try (SwitchableTcpProxy proxy = new SwitchableTcpProxy(shared.redis().url().getPort());
             ConfigurableApplicationContext app = start(proxy.port())) {
            WebTestClient web = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(30)).build();
            String title = "缓存停机时仍可阅读" + UUID.randomUUID().toString().substring(0, 6);
            String work = (String) web.post().uri("/api/works").headers(h -> h.setBasicAuth("demo-society-member", ReviewedWorks.DEMO_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("kind", "ARTICLE", "organisation", "nutrition", "draft", ReviewedWorks.draft(title, List.of())))
                    .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
            app.getBean(Works.class).publish(new WorkId(UUID.fromString(work)), 1, "redis-outage-test")
                    .as(app.getBean(TransactionalOperator.class)::transactional).block();

            proxy.down();
            for (String page : List.of("/", "/works/" + work, "/topics/health", "/societies/nutrition", "/feed.xml", "/sitemap-works-1.xml")) {
                byte[] body = web.get().uri(page).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange().expectStatus().isOk()
                        .expectBody().returnResult().getResponseBody();
                assertThat(new String(body, StandardCharsets.UTF_8)).as(page).contains(page.startsWith("/sitemap") ? work : title);
            }
            web.post().uri("/api/views/{id}", work).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("visitor", "visitor-123"))
                    .exchange().expectStatus().isNoContent();

            proxy.up();
            assertThat(new String(web.get().uri("/").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(),
                    StandardCharsets.UTF_8)).contains(title);
        }
    }

    private ConfigurableApplicationContext start(int redisPort) {
        return new SpringApplicationBuilder(KepuApplication.class).profiles("test")
                .run("--server.port=0", "--kepu.data-dir=" + dataDir, "--kepu.embedded.ephemeral=false",
                        "--kepu.elasticsearch.url=" + shared.elasticsearch().url(),
                        "--kepu.search.alias=works_noredis", "--kepu.search.index-prefix=works_nr",
                        "--kepu.redis.url=redis://127.0.0.1:" + redisPort);
    }
}
