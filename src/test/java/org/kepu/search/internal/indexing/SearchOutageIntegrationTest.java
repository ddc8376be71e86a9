package org.kepu.search.internal.indexing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kepu.KepuApplication;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.kepu.testing.SwitchableTcpProxy;
import org.kepu.content.PublishedRevision;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.content.Works;
import org.kepu.platform.internal.servers.ServerAddresses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch goes down (behind a proxy that refuses and cuts connections), 50 works are published and one
 * indexed work is unpublished meanwhile; publishing never fails. When Elasticsearch is back, the index catches
 * up to exactly PostgreSQL's published set. The installation under test has its own PostgreSQL, S3 and Redis
 * (its own job queue) and its own alias on the test JVM's Elasticsearch node.
 */
@KepuIntegrationTest
class SearchOutageIntegrationTest {

    private static final String ALIAS = "works_outage";
    private static final Map<String, String> TITLES = new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired
    ServerAddresses shared;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @TempDir
    Path dataDir;

    @Test
    void worksPublishedWhileSearchIsDownAreIndexedWhenItReturns() throws Exception {
        try (SwitchableTcpProxy proxy = new SwitchableTcpProxy(shared.elasticsearch().url().getPort());
             ConfigurableApplicationContext app = start(proxy.port())) {
            WebTestClient member = client(app);
            Works works = app.getBean(Works.class);
            TransactionalOperator transaction = app.getBean(TransactionalOperator.class);

            List<String> before = List.of(create(member, "停电前发布的作品一"), create(member, "停电前发布的作品二"));
            before.forEach(work -> publish(works, transaction, work));
            await().atMost(Duration.ofSeconds(30)).until(() -> indexedIds().containsAll(before));

            proxy.down();
            List<String> during = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                String work = create(member, "搜索服务停机期间发布的第" + i + "篇科普");
                publish(works, transaction, work);
                during.add(work);
            }
            client(app).post().uri("/api/works/{id}/unpublish", before.get(0)).headers(h -> h.setBasicAuth("demo-editor", ReviewedWorks.DEMO_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "停机期间下线")).exchange()
                    .expectStatus().isOk();
            client(app).get().uri("/api/search?q=科普").exchange().expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After");
            // The site reads PostgreSQL: its pages render; its search page says search is away.
            assertThat(page(client(app), "/", 200)).contains(titleOf(during.get(49)));
            assertThat(page(client(app), "/search?q=科普", 503)).contains("搜索服务暂时不可用");
            assertThat(published(app)).hasSize(51).containsAll(during).contains(before.get(1)).doesNotContain(before.get(0));

            proxy.up();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> indexedIds().equals(published(app)));
            assertThat(indexedIds()).hasSize(51).doesNotContain(before.get(0));
        } finally {
            var own = elasticsearch.indices().get(g -> g.index("works_vo*").allowNoIndices(true)).get().result().keySet();
            if (!own.isEmpty()) {
                elasticsearch.indices().delete(d -> d.index(List.copyOf(own))).get();
            }
        }
    }

    private ConfigurableApplicationContext start(int elasticsearchPort) {
        return new SpringApplicationBuilder(KepuApplication.class).profiles("test")
                .run("--server.port=0", "--kepu.data-dir=" + dataDir, "--kepu.embedded.ephemeral=false",
                        "--kepu.elasticsearch.url=http://127.0.0.1:" + elasticsearchPort,
                        "--kepu.search.alias=" + ALIAS, "--kepu.search.index-prefix=works_vo",
                        "--kepu.search.timeout=2s", "--kepu.search.indexing.drift-interval=5s",
                        "--kepu.jobs.backoff-max=3s");
    }

    private static String page(WebTestClient web, String uri, int status) {
        byte[] body = web.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String titleOf(String work) {
        return TITLES.get(work);
    }

    private static String create(WebTestClient member, String title) {
        String id = (String) member.post().uri("/api/works").headers(h -> h.setBasicAuth("demo-society-member", ReviewedWorks.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ARTICLE", "organisation", "nutrition", "draft", ReviewedWorks.draft(title, List.of())))
                .exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        TITLES.put(id, title);
        return id;
    }

    /** The review chain's last step, as the chain takes it. */
    private static void publish(Works works, TransactionalOperator transaction, String work) {
        assertThat(works.publish(new WorkId(UUID.fromString(work)), 1, "outage-test").as(transaction::transactional).block())
                .isNotNull();
    }

    private static Set<String> published(ConfigurableApplicationContext app) {
        return app.getBean(PublishedWorks.class).revisions(100).map(PublishedRevision::id)
                .map(id -> id.value().toString()).collect(Collectors.toSet()).block();
    }

    private Set<String> indexedIds() throws Exception {
        elasticsearch.indices().refresh(r -> r.index(ALIAS)).get();
        return elasticsearch.search(s -> s.index(ALIAS).size(1000).source(src -> src.fetch(false)), Void.class).get()
                .hits().hits().stream().map(hit -> hit.id()).collect(Collectors.toSet());
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
