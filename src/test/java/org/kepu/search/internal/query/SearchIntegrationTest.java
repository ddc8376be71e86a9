package org.kepu.search.internal.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kepu.KepuApplication;
import org.kepu.KepuIntegrationTest;
import org.kepu.platform.internal.servers.ServerAddresses;
import org.kepu.search.internal.WorkDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/search} and {@code /api/search/suggest} over ten works in an alias of their own:
 * filters and facets, escaping of highlights, both kinds of paging, the sort orders, the default
 * listing, hostile query strings, refusals of bad parameters, completions, and 503 when
 * Elasticsearch stops answering or is gone.
 */
@KepuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"kepu.search.alias=works_search_it", "kepu.search.index-prefix=works_v81"})
class SearchIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient anonymous;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ServerAddresses servers;

    @BeforeAll
    void indexTenWorks() throws Exception {
        List<WorkDocument> works = List.of(
                work("s01", "“食品安全”<小常识>", "<p>食品安全从餐桌开始，&lt;script&gt;alert(1)&lt;/script&gt; 不是调料，<b>偏方</b>也别信。</p>",
                        "food-safety", "ARTICLE", "nutrition", "2026-03-10T02:00:00Z", 900),
                work("s02", "夏季食品安全：剩菜怎么存", "剩菜要及时冷藏，食品安全无小事。", "food-safety", "VIDEO", "nutrition",
                        "2025-07-01T02:00:00Z", 5000),
                work("s03", "食品厂车间用电安全检查", "潮湿车间的用电要装漏电保护器。", "work-safety", "ARTICLE", "emergency",
                        "2025-02-01T02:00:00Z", 100),
                work("s04", "碳中和与低碳生活", "少开车多走路，节约用电。", "carbon", "AUDIO", "energy", "2024-05-01T02:00:00Z", 300),
                work("s05", "新能源汽车冬季续航", "低温让电池容量下降。", "carbon", "VIDEO", "energy", "2026-01-05T02:00:00Z", 2000),
                work("s06", "地震来了怎么办", "伏地、遮挡、手抓牢。", "emergency", "ANIMATION", "emergency", "2024-11-11T02:00:00Z", 7000),
                work("s07", "地震应急包清单", "水、食物、手电和急救包。", "emergency", "ARTICLE", "kexie", "2025-09-09T02:00:00Z", 50),
                work("s08", "食品安全进校园", "学校食堂的留样制度。", "food-safety,minors", "ARTICLE", "kexie", "2024-03-03T02:00:00Z", 1200),
                work("s09", "科普日活动回顾", "科技馆里的一天。", "", "VIDEO", "kexie", "2026-09-20T02:00:00Z", 400),
                work("s10", "防溺水教育", "不私自下水游泳。", "minors", "ARTICLE", "youth-tech", "2025-06-01T02:00:00Z", 800));
        List<BulkOperation> operations = new ArrayList<>();
        works.forEach(work -> operations.add(BulkOperation.of(o -> o.index(i -> i.index("works_search_it").id(work.id()).document(work)))));
        assertThat(elasticsearch.bulk(b -> b.operations(operations).refresh(Refresh.True)).get().errors()).isFalse();
    }

    @Test
    void theIndexBehindItsAliasWasCreatedAtStartAndAudited() {
        List<Map<String, Object>> audit = anonymous.mutate().defaultHeaders(h -> h.setBasicAuth("admin", "test-admin-password")).build()
                .get().uri("/api/admin/audit?subject=search-index:works_v811").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(audit).extracting(entry -> entry.get("action")).containsExactly("search.index-created");
    }

    @Test
    void aPhraseRanksAboveItsWordsApartAndHighlightsAreEscapedHtml() {
        Map<String, Object> result = search(uri -> uri.queryParam("q", "食品安全"));
        List<Map<String, Object>> hits = hits(result);
        assertThat(ids(hits).subList(0, 3)).containsExactlyInAnyOrder("s01", "s02", "s08");
        assertThat(ids(hits)).contains("s03");

        Map<String, Object> s01 = hits.stream().filter(hit -> hit.get("id").equals("s01")).findFirst().orElseThrow();
        assertThat(s01.get("title")).isEqualTo("“食品安全”<小常识>");
        assertThat(s01.get("highlightedTitle")).isEqualTo("“<em>食品安全</em>”&lt;小常识&gt;");
        String fragments = String.join(" ", strings(s01.get("fragments")));
        assertThat(fragments).contains("<em>食品安全</em>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script").doesNotContain("<b>");
        assertThat(fragments.replaceAll("</?em>", "")).doesNotContain("<", ">");
        assertThat(s01.get("organisation")).isEqualTo(Map.of("slug", "nutrition", "name", "市营养学会"));
        assertThat(s01.get("publishedAt")).isEqualTo("2026-03-10T02:00:00Z");
    }

    @Test
    void filtersNarrowTheHitsWhileEachFacetCountsUnderTheOtherFilters() {
        Map<String, Object> result = search(uri -> uri.queryParam("q", "食品安全").queryParam("topic", "food-safety")
                .queryParam("kind", "ARTICLE", "video"));
        assertThat(ids(hits(result))).containsExactlyInAnyOrder("s01", "s02", "s08");
        assertThat(result.get("total")).isEqualTo(3);
        assertThat(facet(result, "topic")).containsEntry("food-safety", 3).containsEntry("work-safety", 1);
        assertThat(facet(result, "kind")).isEqualTo(Map.of("ARTICLE", 2, "VIDEO", 1));
        assertThat(facet(result, "organisation")).isEqualTo(Map.of("nutrition", 2, "kexie", 1));
        assertThat(facets(result, "organisation")).anySatisfy(value -> {
            assertThat(value.get("value")).isEqualTo("nutrition");
            assertThat(value.get("label")).isEqualTo("市营养学会");
        });
        assertThat(facets(result, "topic")).anySatisfy(value -> {
            assertThat(value.get("value")).isEqualTo("food-safety");
            assertThat(value.get("label")).isEqualTo("食品安全");
        });
        assertThat(facets(result, "year")).extracting(value -> value.get("value")).containsExactly("2026", "2025", "2024");

        assertThat(ids(hits(search(uri -> uri.queryParam("year", "2025"))))).containsExactlyInAnyOrder("s02", "s03", "s07", "s10");
        assertThat(ids(hits(search(uri -> uri.queryParam("organisation", "energy").queryParam("organisation", "youth-tech")))))
                .containsExactlyInAnyOrder("s04", "s05", "s10");
        assertThat(ids(hits(search(uri -> uri.queryParam("q", "地震").queryParam("kind", "ANIMATION"))))).containsExactly("s06");
        assertThat(search(uri -> uri.queryParam("topic", "no-such-topic")).get("total")).isEqualTo(0);
    }

    @Test
    void anEmptyOrOneCharacterQueryListsTheNewestWorksWithFacets() {
        for (String q : List.of("", "碳", "  a ")) {
            Map<String, Object> result = search(uri -> uri.queryParam("q", q));
            assertThat(result.get("query")).isNull();
            assertThat(result.get("sort")).isEqualTo("newest");
            assertThat(result.get("total")).isEqualTo(10);
            assertThat(ids(hits(result))).startsWith("s09", "s01", "s05");
            assertThat(facet(result, "topic")).containsEntry("food-safety", 3).containsEntry("carbon", 2);
            assertThat(hits(result).get(0).get("highlightedTitle")).isNull();
        }
        assertThat(ids(hits(search(uri -> uri.queryParam("sort", "views").queryParam("size", "4")))))
                .containsExactly("s06", "s02", "s05", "s08");
    }

    @Test
    void sortOrdersAreRelevanceNewestAndViews() {
        assertThat(ids(hits(search(uri -> uri.queryParam("q", "地震").queryParam("sort", "newest"))))).containsExactly("s07", "s06");
        assertThat(ids(hits(search(uri -> uri.queryParam("q", "地震").queryParam("sort", "views"))))).containsExactly("s06", "s07");
        Map<String, Object> relevance = search(uri -> uri.queryParam("q", "地震应急"));
        assertThat(relevance.get("sort")).isEqualTo("relevance");
        assertThat(ids(hits(relevance)).get(0)).isEqualTo("s07");
    }

    @Test
    void pagesAndCursorsWalkTheSameOrderWithoutGapsOrRepeats() {
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            String cursor = after;
            Map<String, Object> page = search(uri -> cursor == null
                    ? uri.queryParam("sort", "newest").queryParam("size", "3")
                    : uri.queryParam("sort", "newest").queryParam("size", "3").queryParam("after", cursor));
            walked.addAll(ids(hits(page)));
            after = (String) page.get("next");
            pages++;
        } while (after != null && pages < 10);
        assertThat(pages).isEqualTo(4);
        assertThat(walked).containsExactly("s09", "s01", "s05", "s07", "s02", "s10", "s03", "s06", "s04", "s08");
        assertThat(ids(hits(search(uri -> uri.queryParam("size", "3").queryParam("page", "2"))))).containsExactly("s07", "s02", "s10");

        List<String> byRelevance = ids(hits(search(uri -> uri.queryParam("q", "安全").queryParam("size", "50"))));
        List<String> cursored = new ArrayList<>();
        after = null;
        do {
            String cursor = after;
            Map<String, Object> page = search(uri -> cursor == null ? uri.queryParam("q", "安全").queryParam("size", "2")
                    : uri.queryParam("q", "安全").queryParam("size", "2").queryParam("after", cursor));
            cursored.addAll(ids(hits(page)));
            after = (String) page.get("next");
        } while (after != null && cursored.size() < 50);
        assertThat(byRelevance).hasSizeGreaterThan(3);
        assertThat(cursored).isEqualTo(byRelevance);
    }

    @Test
    void badParametersAreRefusedWithTheirNameAndNothingElse() {
        String newestCursor = (String) search(uri -> uri.queryParam("size", "1")).get("next");
        Map<String, String> refused = Map.of(
                "size=0", "search-size-invalid", "size=51", "search-size-invalid", "size=abc", "search-size-invalid",
                "sort=popular", "search-sort-invalid", "page=0", "search-page-invalid", "page=200", "search-page-too-deep",
                "kind=BOOK", "search-filter-invalid", "year=99", "search-filter-invalid", "topic=食品安全", "search-filter-invalid",
                "after=bm90LWEtY3Vyc29y", "search-cursor-invalid");
        refused.forEach((parameter, code) -> anonymous.get().uri("/api/search?" + parameter).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo(code));
        anonymous.get().uri(uri -> uri.path("/api/search").queryParam("sort", "views").queryParam("after", newestCursor).build())
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("search-cursor-invalid");
        anonymous.get().uri(uri -> uri.path("/api/search").queryParam("page", "2").queryParam("after", newestCursor).build())
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("search-page-and-cursor");
        anonymous.get().uri(uri -> uri.path("/api/search").queryParam("q", "安".repeat(101)).build())
                .header("Accept-Language", "en").exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.code").isEqualTo("search-query-too-long")
                .jsonPath("$.detail").isEqualTo("The search text is too long: at most 100 characters.");
    }

    @Test
    void queryStringsWithSyntaxCharactersAreSearchedAsTextNeverAsAQueryLanguage() {
        List<String> hostile = List.of("\"", "\\", "/", "(", "[", "*", "?", "~", ":", "AND", "OR NOT", "食品\"安全", "食品 AND (安全",
                "title:食品", "{\"match_all\":{}}", "<script>alert(1)</script>", "%", "食品\u0000安全", "😀😀", "a".repeat(100),
                "安".repeat(100), "食品安全~2^10", "-安全 +地震", "地震 || 应急 &&");
        for (String q : hostile) {
            anonymous.get().uri(uri -> uri.path("/api/search").queryParam("q", "{q}").build(q)).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.total").isNumber();
        }
        assertThat(ids(hits(search(uri -> uri.queryParam("q", "title:食品"))))).contains("s03");
    }

    @Test
    void suggestionsCompleteTitlesTagsAndTopicNamesFromTheFirstCharacter() {
        List<Map<String, Object>> suggestions = suggest("食品");
        assertThat(suggestions).extracting(s -> s.get("text")).contains("食品安全", "食品厂车间用电安全检查", "食品安全进校园");
        assertThat(suggestions).anySatisfy(s -> {
            assertThat(s.get("text")).isEqualTo("食品厂车间用电安全检查");
            assertThat(s.get("work")).isEqualTo("s03");
        });
        assertThat(suggestions).filteredOn(s -> s.get("text").equals("食品安全")).singleElement()
                .satisfies(s -> assertThat(s.get("work")).isNull());
        assertThat(suggest("雙")).extracting(s -> s.get("text")).containsExactly("双碳");
        assertThat(suggest("")).isEmpty();
        assertThat(suggest("不存在的开头")).isEmpty();
        anonymous.get().uri(uri -> uri.path("/api/search/suggest").queryParam("prefix", "安".repeat(51)).build()).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("search-prefix-too-long");
    }

    @Test
    void kindFacetsCarryTheirChineseNameOrTheEnglishOneForAnEnglishReader() {
        Map<String, Object> chinese = search(uri -> uri.queryParam("q", "食品安全"));
        assertThat(labels(chinese, "kind")).containsEntry("ARTICLE", "图文").containsEntry("VIDEO", "微视频");
        Map<String, Object> all = search(uri -> uri);
        assertThat(labels(all, "kind")).isEqualTo(Map.of("ARTICLE", "图文", "VIDEO", "微视频", "ANIMATION", "动画", "AUDIO", "音频"));

        Map<String, Object> english = anonymous.get().uri("/api/search").header("Accept-Language", "en-GB,en;q=0.8").exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(labels(english, "kind"))
                .isEqualTo(Map.of("ARTICLE", "Article", "VIDEO", "Micro-video", "ANIMATION", "Animation", "AUDIO", "Audio"));
        assertThat(labels(english, "topic")).containsEntry("food-safety", "食品安全");
    }

    @Test
    void pinyinInitialsAndFullPinyinCompleteTitlesTagsAndTopicNames() {
        // The topic name first (a space sorts before any letter: spaq comes before spaqjxy), then the titles.
        assertThat(suggest("spaq")).extracting(s -> s.get("text"))
                .containsExactly("食品安全", "食品安全进校园", "“食品安全”<小常识>");
        assertThat(suggest("spaq")).filteredOn(s -> s.get("text").equals("食品安全进校园")).singleElement()
                .satisfies(s -> assertThat(s.get("work")).isEqualTo("s08"));
        assertThat(suggest("shipin")).extracting(s -> s.get("text"))
                .contains("食品安全", "食品安全进校园", "食品厂车间用电安全检查")
                .doesNotHaveDuplicates();
        assertThat(suggest("Shi Pin")).isEqualTo(suggest("shipin"));
        assertThat(suggest("dzll")).singleElement().satisfies(s -> {
            assertThat(s.get("text")).isEqualTo("地震来了怎么办");
            assertThat(s.get("work")).isEqualTo("s06");
        });
        assertThat(suggest("tanzhonghe")).extracting(s -> s.get("text")).containsExactly("碳中和与低碳生活");
        assertThat(suggest("zzzz")).isEmpty();
        assertThat(suggest("shipin", "2")).hasSize(2);
    }

    @Test
    void directCompletionsComeBeforePinyinOnes() throws Exception {
        assertThat(suggest("fangnishui")).extracting(s -> s.get("text")).containsExactly("防溺水教育");
        WorkDocument latin = new WorkDocument("s11", "sports science 运动科学", null, "跑步前要热身。", List.of(), List.of(), "ARTICLE",
                List.of(), "kexie", "市科学技术协会", List.of(), Instant.parse("2026-02-02T02:00:00Z"), 1L, null, 1L,
                WorkDocument.suggestInputs("sports science 运动科学", List.of(), List.of()));
        try {
            index(latin);
            // "s" begins the Latin title itself and the pinyin of 食品安全 and 双碳: the title comes first.
            List<Object> texts = suggest("s", "20").stream().map(s -> s.get("text")).toList();
            assertThat(texts).first().isEqualTo("sports science 运动科学");
            assertThat(texts).contains("食品安全", "双碳").doesNotHaveDuplicates();
            // Its own pinyin spelling ("sportsscience" + yundongkexue) names the same text, which counts once.
            assertThat(suggest("sports science", "20")).extracting(s -> s.get("text")).containsExactly("sports science 运动科学");
        } finally {
            delete("s11");
        }
    }

    @Test
    void searchAnswers503WithRetryAfterWhenElasticsearchHangsOrIsGone() throws Exception {
        try (SwitchableProxy proxy = new SwitchableProxy(servers.elasticsearch().url());
             ConfigurableApplicationContext app = start(proxy.url())) {
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort()).responseTimeout(Duration.ofSeconds(20)).build();
            web.get().uri("/api/search?q=地震").exchange().expectStatus().isOk();

            proxy.blackhole();
            expectUnavailableWithin(web, "/api/search?q=火灾", Duration.ofSeconds(5));
            expectUnavailableWithin(web, "/api/search/suggest?prefix=地", Duration.ofSeconds(5));
            // A search this instance answered before the outage is still answered from its result cache.
            web.get().uri("/api/search?q=地震").exchange().expectStatus().isOk();

            proxy.close();
            expectUnavailableWithin(web, "/api/search?q=火灾", Duration.ofSeconds(5));
            web.get().uri("/api/topics").exchange().expectStatus().isOk();
        }
    }

    private static void expectUnavailableWithin(WebTestClient web, String uri, Duration limit) {
        long started = System.nanoTime();
        web.get().uri(uri).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "30")
                .expectBody().jsonPath("$.code").isEqualTo("search-unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
    }

    private ConfigurableApplicationContext start(String elasticsearchUrl) {
        String[] arguments = Stream.of("server.port=0", "kepu.role=web", "kepu.search.timeout=1s",
                        "kepu.postgres.url=postgresql://127.0.0.1:" + servers.postgres().port() + "/" + servers.postgres().database(),
                        "kepu.postgres.username=" + servers.postgres().username(),
                        "kepu.elasticsearch.url=" + elasticsearchUrl,
                        "kepu.s3.access-key=" + servers.s3().accessKey(), "kepu.s3.secret-key=" + servers.s3().secretKey(),
                        "kepu.s3.endpoint=" + servers.s3().endpoint(), "kepu.redis.url=" + servers.redis().url())
                .map(setting -> "--" + setting).toArray(String[]::new);
        return new SpringApplicationBuilder(KepuApplication.class).profiles("test").run(arguments);
    }

    private Map<String, Object> search(UnaryOperator<UriBuilder> parameters) {
        return anonymous.get().uri(uri -> parameters.apply(uri.path("/api/search")).build())
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private void index(WorkDocument work) throws Exception {
        elasticsearch.index(i -> i.index("works_search_it").id(work.id()).document(work).refresh(Refresh.True)).get();
    }

    private void delete(String id) {
        try {
            elasticsearch.delete(d -> d.index("works_search_it").id(id).refresh(Refresh.True)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> suggest(String prefix) {
        return suggest(prefix, "8");
    }

    private List<Map<String, Object>> suggest(String prefix, String size) {
        return anonymous.get().uri(uri -> uri.path("/api/search/suggest").queryParam("prefix", "{p}").queryParam("size", size)
                        .build(prefix)).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("hits");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> facets(Map<String, Object> result, String name) {
        return ((Map<String, List<Map<String, Object>>>) result.get("facets")).get(name);
    }

    private static Map<String, Object> labels(Map<String, Object> result, String name) {
        return facets(result, name).stream().collect(Collectors.toMap(v -> (String) v.get("value"), v -> v.get("label")));
    }

    private static Map<String, Object> facet(Map<String, Object> result, String name) {
        return facets(result, name).stream().collect(Collectors.toMap(v -> (String) v.get("value"), v -> v.get("count")));
    }

    private static List<String> ids(List<Map<String, Object>> hits) {
        return hits.stream().map(hit -> (String) hit.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }

    private static WorkDocument work(String id, String title, String body, String topics, String kind, String organisation,
                                     String publishedAt, long views) {
        List<String> topicList = topics.isEmpty() ? List.of() : Arrays.asList(topics.split(","));
        Map<String, String> names = Map.of("food-safety", "食品安全", "carbon", "双碳", "emergency", "应急", "minors", "未成年人保护",
                "work-safety", "安全生产");
        List<String> topicNames = topicList.stream().map(names::get).toList();
        String organisationName = Map.of("nutrition", "市营养学会", "emergency", "市应急管理学会", "energy", "市能源研究会",
                "kexie", "市科学技术协会", "youth-tech", "市青少年科技教育协会").get(organisation);
        return new WorkDocument(id, title, null, body, List.of(), topicList, kind, List.of(), organisation, organisationName,
                List.of(), Instant.parse(publishedAt), views, null, 1L, WorkDocument.suggestInputs(title, List.of(), topicNames));
    }
}
